import { m } from '$lib/paraglide/messages';
import type { OpportunityRow } from '$lib/store/involvement-rows';

/** Where an opportunity happens, in words. */
export function placeSentence(opportunity: Pick<OpportunityRow, 'place' | 'location'>): string {
	if (opportunity.place === 'online') return m.inv_place_online();
	if (opportunity.place === 'either') return m.inv_place_online_or_at({ location: opportunity.location });
	return opportunity.location;
}
