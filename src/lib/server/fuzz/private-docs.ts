/**
 * Private documents (domain/private.ts) for the gateway's tests to plant: a member's profile, a claim with
 * a step and a receipt photo, and what passes between them and a poster about an opportunity. Each one
 * with text carries `secret` in it, so an answer that holds it (or the document's id) shows a leak.
 */
import { newDoc } from '../../domain/envelope';
import { ulid } from '../../domain/ids';
import { profileId } from '../../domain/profile';
import { posterPrivateId } from '../../domain/private-ids';
import type { StoredDoc } from '../couch';
import { PNG_BASE64 } from './secrets';

/** One photo, as a receipt carries it. */
export const RECEIPT_PHOTO = { image: { content_type: 'image/png', data: PNG_BASE64 } };

/** A posted opportunity (public: everyone reads it). */
export function opportunityDoc(poster: string): StoredDoc {
	return newDoc('opportunity', poster, {
		kind: 'focus-group',
		title: 'Focus group on patient transport',
		purpose: 'Hear what works and what does not.',
		whatYouWillDo: 'Talk with six others for an hour.',
		timeCommitment: 'One hour',
		place: 'online',
		contact: 'The poster',
		interests: []
	});
}

/** `member`'s profile, claim, claim step (by `coordinator`) and receipt, each carrying `secret`. */
export function memberPrivateDocs(member: string, coordinator: string, secret: string): StoredDoc[] {
	const profile = newDoc('profile', member, { member, skillsOffered: secret }, { id: profileId(member) });
	const claim = newDoc(
		'claim',
		member,
		{
			member,
			forLabel: secret,
			on: '2026-11-20',
			lines: [{ kind: 'parking', description: 'Hospital car park', amountPence: 420 }]
		},
		{ id: `claim:${member}:${ulid()}` }
	);
	const claimKey = claim._id.slice('claim:'.length);
	const step = newDoc(
		'claim-step',
		coordinator,
		{ claimId: claim._id, kind: 'queried', note: secret },
		{ id: `claim-step:${claimKey}:${ulid()}` }
	);
	const receipt = newDoc(
		'receipt',
		member,
		{ claimId: claim._id, line: 0, alt: secret },
		{ id: `receipt:${member}:${ulid()}` }
	);
	return [profile, claim, step, { ...receipt, _attachments: RECEIPT_PHOTO }];
}

/**
 * `member`'s interest in `opportunity`, the poster's selection (both carrying `secret`) and the time given
 * (which has no text: its id is what must not leak).
 */
export function posterPrivateDocs(opportunity: StoredDoc, member: string, secret: string): StoredDoc[] {
	const poster = String(opportunity.author);
	const opportunityId = String(opportunity._id);
	const fields = { opportunityId, poster, member };
	const id = (type: string) => ({ id: posterPrivateId(type, poster, member, opportunityId) });
	return [
		newDoc('interest', member, { ...fields, note: secret }, id('interest')),
		newDoc('selection', poster, { ...fields, outcome: 'selected', message: secret }, id('selection')),
		newDoc(
			'time-given',
			poster,
			{ ...fields, on: '2026-11-20', minutes: 90, kind: 'taking-part' },
			id('time-given')
		)
	];
}

/** An id of the same form as a private document's, naming nothing the store holds. */
export function absentSibling(id: string): string {
	const parts = id.split(':');
	const last = parts.length - 1;
	parts[last] = /^[0-9A-Z]{26}$/.test(parts[last] ?? '') ? ulid() : `${parts[last] ?? ''}x`;
	return parts.join(':');
}
