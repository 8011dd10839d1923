/** How documents of every kind are named and linked in lists of documents (the Sync page's). */
import { typeOfId } from '$lib/domain';
import type { Desk } from './desk';

/** How a document is named in a list of documents of every kind, and what it belongs to (for its link). */
export interface DocLabel {
	label: string;
	/** The fields `docPath` follows to the page that shows it (an idea, a visit, a meeting). */
	links: {
		ideaId?: string;
		visitId?: string;
		subject?: string;
		meetingId?: string;
		opportunityId?: string;
		claimId?: string;
	};
}

/** Documents that are what they are named by. */
const OWN: Record<string, string> = {
	idea: 'Idea:',
	visit: 'Visit to',
	meeting: 'Meeting:',
	opportunity: 'Opportunity:',
	claim: 'Expenses claim for'
};

/** Documents named by what they belong to. */
const KIND: Record<string, string> = {
	comment: 'Comment on',
	support: 'Support for',
	status: 'Status of',
	photo: 'Photo on',
	observation: 'Observation at',
	'agenda-item': 'Agenda item in',
	'meeting-note': 'Notes in',
	attendance: 'Attendance at',
	decision: 'Decision in',
	action: 'Action from',
	'action-update': 'Progress on an action from',
	'meeting-reflection': 'Reflection on',
	interest: 'Interest in',
	selection: 'Selection for',
	'time-given': 'Time given to',
	'claim-step': 'Step on the expenses claim for',
	receipt: 'Receipt for the expenses claim for'
};

/** Documents with a name of their own. */
const NAMED: Record<string, string> = { 'expense-rates': 'Expenses rates' };

/**
 * Names documents for people ("Comment on “Ramps at every station”") from the desk's read models, in a few
 * bulk reads. A document the desk does not hold (yet) is named by its id.
 */
export async function labelDocs(desk: Desk, ids: readonly string[]): Promise<Map<string, DocLabel>> {
	const [comments, supports, statuses, photos, observations, parts, involvement, claimParts] =
		await Promise.all([
			desk.comments.bulkGet([...ids]),
			desk.supports.bulkGet([...ids]),
			desk.statuses.bulkGet([...ids]),
			desk.photos.bulkGet([...ids]),
			desk.observations.bulkGet([...ids]),
			desk.meetingParts.bulkGet([...ids]),
			desk.involvement.bulkGet([...ids]),
			desk.claimParts.bulkGet([...ids])
		]);
	const links = ids.map((id, i): DocLabel['links'] => {
		const ideaId = comments[i]?.ideaId ?? supports[i]?.ideaId ?? statuses[i]?.ideaId;
		if (ideaId) return { ideaId };
		if (photos[i]) return { subject: photos[i].subject };
		if (observations[i]) return { visitId: observations[i].visitId };
		if (parts[i]) return { meetingId: parts[i].meetingId };
		if (involvement[i]) return { opportunityId: involvement[i].opportunityId };
		if (claimParts[i]) return { claimId: claimParts[i].claimId };
		return {};
	});
	// What each document belongs to (or is): an idea, a visit, a meeting, an opportunity or a claim, to name it by.
	const owner = (prefix: string, field: 'ideaId' | 'visitId' | 'meetingId' | 'opportunityId' | 'claimId') =>
		ids.map((id, i) => {
			const link = id.startsWith(prefix) ? id : (links[i]?.[field] ?? links[i]?.subject);
			return link?.startsWith(prefix) ? link : '';
		});
	const [ideas, visits, meetings, opportunities, claims] = await Promise.all([
		desk.ideas.bulkGet(owner('idea:', 'ideaId')),
		desk.visits.bulkGet(owner('visit:', 'visitId')),
		desk.meetings.bulkGet(owner('meeting:', 'meetingId')),
		desk.opportunities.bulkGet(owner('opportunity:', 'opportunityId')),
		desk.claims.bulkGet(owner('claim:', 'claimId'))
	]);
	const labels = new Map<string, DocLabel>();
	ids.forEach((id, i) => {
		const type = typeOfId(id) ?? '';
		const name =
			ideas[i]?.title ??
			visits[i]?.siteName ??
			meetings[i]?.title ??
			opportunities[i]?.title ??
			claims[i]?.forLabel;
		const label = NAMED[type]
			? NAMED[type]
			: !name
				? id
				: OWN[type]
					? `${OWN[type]} ${name}`
					: KIND[type]
						? `${KIND[type]} “${name}”`
						: id;
		labels.set(id, { label, links: links[i] ?? {} });
	});
	return labels;
}
