import { describe, expect, it } from 'vitest';
import { coordinatorKeySchema, keyPassphraseProblem } from './coordinator-key';
import { newDoc } from './envelope';
import { eventSchema, isUpcoming, parseCommunities } from './event';
import { decideWrite } from './rules';
import { generateCoordinatorKeyPair } from './sealing';

describe('events and coordinator keys', () => {
	const recruiter = { name: 'recruiter', roles: ['recruiter', 'member'] as const };
	const member = { name: 'member', roles: ['member'] as const };

	it('parses events; only recruiters and coordinators add them', () => {
		const event = newDoc('event', 'recruiter', {
			name: 'Brighton Pride',
			date: '2026-08-01',
			place: 'Preston Park',
			kind: 'pride',
			communities: parseCommunities('LGBTQ+ people, young people,  ')
		});
		expect(event.communities).toEqual(['LGBTQ+ people', 'young people']);
		expect(decideWrite(recruiter, event, undefined).ok).toBe(true);
		expect(decideWrite(member, { ...event, author: 'member' }, undefined)).toEqual({
			ok: false,
			reason: 'Only recruiters and coordinators can add events'
		});
		expect(eventSchema.safeParse({ ...event, date: '1 August' }).success).toBe(false);
		expect(isUpcoming('2026-08-01', '2026-08-01')).toBe(true);
		expect(isUpcoming('2026-07-31', '2026-08-01')).toBe(false);
	});

	it('lets only coordinators publish keys, and nobody swap the key of a key document', async () => {
		const pair = await generateCoordinatorKeyPair();
		const doc = newDoc('coordinatorKey', 'coordinator', {
			keyId: pair.keyId,
			publicKey: pair.publicKey,
			coordinatorName: 'Cora Coordinator'
		});
		const coordinator = { name: 'coordinator', roles: ['coordinator'] as const };
		expect(decideWrite(coordinator, doc, undefined).ok).toBe(true);
		expect(decideWrite(recruiter, { ...doc, author: 'recruiter' }, undefined).ok).toBe(false);
		const other = await generateCoordinatorKeyPair();
		expect(decideWrite(coordinator, { ...doc, publicKey: other.publicKey }, doc)).toEqual({
			ok: false,
			reason: 'The publicKey of a document cannot be changed'
		});
		expect(JSON.stringify(doc)).not.toMatch(/"d"/);
		expect(
			coordinatorKeySchema.safeParse({ ...doc, publicKey: { ...doc.publicKey, d: 'secret' } }).success
		).toBe(false);
	});

	it('asks for a long passphrase', () => {
		expect(keyPassphraseProblem('short')).toMatch(/12 characters/);
		expect(keyPassphraseProblem('aaaaaaaaaaaaaa')).toMatch(/too easy/);
		expect(keyPassphraseProblem('kettle violin harbour', 'kettle violin harbor')).toMatch(/do not match/);
		expect(keyPassphraseProblem('kettle violin harbour', 'kettle violin harbour')).toBeUndefined();
	});
});
