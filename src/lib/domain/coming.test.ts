import { describe, expect, it } from 'vitest';
import { makeComing, makeGroup, makeMeeting } from '../../../tests/meeting-factories';
import { mayReadId } from './private';
import { decideWrite } from './rules';

describe('telling a chair you are coming, with your communication needs', () => {
	const meeting = makeMeeting(makeGroup()._id, { chair: 'chair' });
	const coming = makeComing(meeting, 'member');

	it('is read only by the member, the chair it names and coordinators', () => {
		expect(coming._id).toBe(`coming:chair:member:${meeting._id.slice('meeting:'.length)}`);
		expect(mayReadId({ name: 'member', roles: ['member'] }, coming._id)).toBe(true);
		expect(mayReadId({ name: 'chair', roles: ['chair'] }, coming._id)).toBe(true);
		expect(mayReadId({ name: 'coordinator', roles: ['coordinator'] }, coming._id)).toBe(true);
		expect(mayReadId({ name: 'other', roles: ['chair', 'member'] }, coming._id)).toBe(false);
	});

	it('is written by the member alone, and names the meeting, its chair and the member in its id', () => {
		expect(decideWrite({ name: 'member', roles: ['member'] }, coming, undefined).ok).toBe(true);
		expect(
			decideWrite(
				{ name: 'chair', roles: ['chair'] },
				makeComing(meeting, 'member', { author: 'chair' }),
				undefined
			).ok
		).toBe(false);
		const moved = { ...coming, chair: 'other' };
		expect(decideWrite({ name: 'member', roles: ['member'] }, moved, coming).ok).toBe(false);
		expect(
			decideWrite({ name: 'member', roles: ['member'] }, { ...coming, needs: ['large-print'] }, coming).ok
		).toBe(true);
	});
});
