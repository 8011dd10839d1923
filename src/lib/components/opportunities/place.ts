import type { OpportunityRow } from '$lib/store/involvement-rows';

/** Where an opportunity happens, in words. */
export function placeSentence(opportunity: Pick<OpportunityRow, 'place' | 'location'>): string {
	if (opportunity.place === 'online') return 'Online';
	if (opportunity.place === 'either') return `Online or at ${opportunity.location}`;
	return opportunity.location;
}
