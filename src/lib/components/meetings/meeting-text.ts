import {
	ATTENDANCE_STATUSES,
	ATTENDEE_KINDS,
	PERSON_KINDS,
	type ActionStatus,
	type AttendanceStatus,
	type AttendeeKind,
	type GROUP_KINDS,
	type MeetingStatus,
	type PersonKind
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';

/**
 * The meetings' enumerated values in the person's language. The domain keeps its English labels (for the
 * server and the reports); what a person reads on a meeting's pages comes from here, asked for when shown.
 */

type Label = () => string;

const MEETING_STATUS: Record<MeetingStatus, Label> = {
	planned: m.mtg_meeting_status_planned,
	held: m.mtg_meeting_status_held,
	cancelled: m.mtg_meeting_status_cancelled
};

const ACTION_STATUS: Record<ActionStatus, Label> = {
	open: m.mtg_action_status_open,
	'in-progress': m.mtg_action_status_in_progress,
	done: m.mtg_action_status_done,
	dropped: m.mtg_no_longer_needed
};

const GROUP_KIND: Record<(typeof GROUP_KINDS)[number], Label> = {
	region: m.mtg_group_kind_region,
	service: m.mtg_group_kind_service
};

/** "Member", "Staff", "Guest": a tag or a choice beside a person. */
const KIND: Record<AttendeeKind, Label> = {
	member: m.mtg_kind_member,
	staff: m.mtg_kind_staff,
	guest: m.mtg_kind_guest
};

/** "a member", "staff": within a sentence, after a name. */
const KIND_IN_TEXT: Record<PersonKind, Label> = {
	member: m.mtg_kind_text_member,
	staff: m.mtg_kind_text_staff
};

const PERSON_KIND: Record<PersonKind, Label> = {
	member: m.mtg_person_kind_member,
	staff: m.mtg_person_kind_staff
};

const ATTENDANCE: Record<AttendanceStatus, Label> = {
	present: m.mtg_attendance_present,
	apologies: m.mtg_attendance_apologies
};

export const meetingStatusLabel = (status: MeetingStatus) => MEETING_STATUS[status]();
export const actionStatusLabel = (status: ActionStatus) => ACTION_STATUS[status]();
export const groupKindLabel = (kind: (typeof GROUP_KINDS)[number]) => GROUP_KIND[kind]();
export const kindLabel = (kind: AttendeeKind) => KIND[kind]();
export const kindText = (kind: PersonKind) => KIND_IN_TEXT[kind]();

/** A list's choices, each value with its label in the person's language. */
export function options<T extends string>(
	values: readonly T[],
	label: (value: T) => string
): { value: T; label: string }[] {
	return values.map((value) => ({ value, label: label(value) }));
}

/** Member or staff, as the choices of "Is the chair a member or staff?" and the like. */
export const personKindOptions = () => options(PERSON_KINDS, (kind) => PERSON_KIND[kind]());

/** Member, staff or guest, for someone's attendance. */
export const attendeeKindOptions = () => options(ATTENDEE_KINDS, kindLabel);

export const attendanceOptions = () => options(ATTENDANCE_STATUSES, (status) => ATTENDANCE[status]());
