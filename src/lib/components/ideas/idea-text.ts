import { DEFAULT_SERVICE_AREAS, type IdeaStatus } from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * An idea's statuses and service areas in the person's language. The domain keeps the English labels
 * (`STATUS_LABELS`, the areas stored on ideas); the screen tells them by value.
 */

const STATUS: Record<IdeaStatus, () => string> = {
	new: m.ideas_status_new,
	'under-discussion': m.ideas_status_under_discussion,
	'taken-forward': m.ideas_status_taken_forward,
	done: m.ideas_status_done,
	'not-taken-forward': m.ideas_status_not_taken_forward
};

export const statusLabel = (status: IdeaStatus): string => STATUS[status]();

type ServiceArea = (typeof DEFAULT_SERVICE_AREAS)[number];

const AREA: Record<ServiceArea, () => string> = {
	'999 control room': m.ideas_area_999,
	'111': m.ideas_area_111,
	'Patient transport': m.ideas_area_patient_transport,
	'A&E operations': m.ideas_area_ae,
	Community: m.ideas_area_community
};

const isServiceArea = (area: string): area is ServiceArea => Object.hasOwn(AREA, area);

/** A service area as chosen from the list, in the person's language; any other area as it was typed. */
export const areaLabel = (area: string): string => (isServiceArea(area) ? AREA[area]() : area);

/** The service areas to choose from, for a select. */
export const areaOptions = () =>
	DEFAULT_SERVICE_AREAS.map((area) => ({ value: area, label: areaLabel(area) }));
