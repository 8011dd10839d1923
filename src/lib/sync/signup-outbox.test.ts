import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSignupPlaintext } from '../../../tests/signup-factories';
import {
	generateCoordinatorKeyPair,
	newDoc,
	newDocId,
	sealSignup,
	success,
	type Failure,
	type FailureReason,
	type Result,
	type SealedSignup
} from '$lib/domain';
import { Desk } from '$lib/store/desk';
import { Ledger } from '$lib/store/ledger';
import { Projector } from '$lib/store/projection';
import { enqueueSignup } from '$lib/store/recruitment';
import { signupCounts } from '$lib/store/recruitment-query';
import { SignupOutbox } from './signup-outbox';
import type { SignupsApi } from './signups-api';

let n = 0;
let desk: Desk;
const eventId = newDocId('event');

async function sealedSignup(): Promise<SealedSignup> {
	const key = await generateCoordinatorKeyPair();
	return sealSignup(makeSignupPlaintext(eventId), [key]);
}

const delivered = success(undefined);

function failed(reason: FailureReason, message: string): Failure {
	return { ok: false, reason, message };
}

/** A stand-in for the server's inbox: answers from a script, records what it was sent. */
class ScriptedApi {
	sent: string[] = [];
	constructor(private readonly answer: (id: string, attempt: number) => Result<void>) {}
	deliver(sealed: SealedSignup): Promise<Result<void>> {
		this.sent.push(sealed.id);
		return Promise.resolve(this.answer(sealed.id, this.sent.filter((id) => id === sealed.id).length));
	}
}

function outbox(api: ScriptedApi, online = () => true) {
	return new SignupOutbox({ desk, api: api as unknown as SignupsApi, isOnline: online, backoff: () => 5 });
}

beforeEach(async () => {
	n += 1;
	desk = new Desk(`test-outbox-${n}`);
	await desk.open();
});

afterEach(async () => {
	await desk.delete();
});

describe('sign-up outbox', () => {
	it('delivers oldest first and keeps only a line per sign-up once the server confirms', async () => {
		const sealed = [await sealedSignup(), await sealedSignup(), await sealedSignup()];
		for (const one of sealed) await enqueueSignup(desk, one);
		expect(await signupCounts(desk, eventId)).toEqual({ sent: 0, waiting: 3, received: 0 });
		const api = new ScriptedApi(() => delivered);
		const sender = outbox(api);
		sender.start();
		await sender.flush();
		sender.stop();
		expect(api.sent).toEqual(sealed.map((s) => s.id));
		expect(await desk.outbox.count()).toBe(0);
		const sent = await desk.sentSignups.toArray();
		expect(sent.map((row) => Object.keys(row).sort())).toEqual(sealed.map(() => ['eventId', 'id', 'sentAt']));
		expect(await signupCounts(desk, eventId)).toEqual({ sent: 3, waiting: 0, received: 0 });
	});

	it('keeps everything while offline or the server fails, and retries until it is confirmed', async () => {
		const sealed = await sealedSignup();
		await enqueueSignup(desk, sealed);
		let online = false;
		const api = new ScriptedApi((_id, attempt) =>
			attempt < 3 ? failed('server', 'The server had a problem') : delivered
		);
		const sender = outbox(api, () => online);
		sender.start();
		await sender.flush();
		expect(api.sent).toEqual([]);
		online = true;
		await sender.flush();
		await expect.poll(() => desk.outbox.count(), { timeout: 2_000 }).toBe(0);
		sender.stop();
		expect(api.sent).toEqual([sealed.id, sealed.id, sealed.id]);
		expect(await desk.sentSignups.count()).toBe(1);
	});

	it('marks a refused sign-up and carries on with the others; stops when signed out', async () => {
		const [bad, good, later] = [await sealedSignup(), await sealedSignup(), await sealedSignup()];
		for (const one of [bad, good, later]) await enqueueSignup(desk, one);
		let signedIn = true;
		const api = new ScriptedApi((id) =>
			!signedIn
				? failed('signed-out', 'Your session has ended. Sign in again.')
				: id === bad.id
					? failed('invalid', 'Not a sealed sign-up')
					: delivered
		);
		const sender = outbox(api);
		sender.start();
		await sender.flush();
		expect((await desk.outbox.get(bad.id))?.refused).toBe('Not a sealed sign-up');
		expect(await desk.outbox.count()).toBe(1);
		expect((await desk.journal.toArray()).at(-1)?.message).toMatch(/not accepted/);

		signedIn = false;
		const another = await sealedSignup();
		await enqueueSignup(desk, another);
		await sender.flush();
		expect(await desk.outbox.get(another.id)).toMatchObject({ attempts: 1 });
		sender.stop();
	});

	it('sends a refused sign-up again when asked, or deletes it when a person gives it up', async () => {
		const [first, second] = [await sealedSignup(), await sealedSignup()];
		for (const one of [first, second]) await enqueueSignup(desk, one);
		let allowed = false;
		const api = new ScriptedApi(() =>
			allowed ? delivered : failed('refused', 'Your role cannot send sign-ups')
		);
		const sender = outbox(api);
		sender.start();
		await sender.flush();
		expect((await desk.outbox.toArray()).map((row) => row.refused)).toEqual([
			'Your role cannot send sign-ups',
			'Your role cannot send sign-ups'
		]);

		// Only refused entries can be given up; a waiting one is never thrown away.
		await desk.outbox.update(second.id, { refused: undefined });
		await sender.discard(second.id);
		expect(await desk.outbox.get(second.id)).toBeDefined();
		await desk.outbox.update(second.id, { refused: 'Your role cannot send sign-ups' });

		allowed = true;
		await sender.retry(first.id);
		expect(await desk.outbox.get(first.id)).toBeUndefined();
		expect(await desk.sentSignups.get(first.id)).toBeDefined();

		await sender.discard(second.id);
		expect(await desk.outbox.count()).toBe(0);
		expect(await desk.sentSignups.get(second.id)).toBeUndefined();
		expect((await desk.journal.toArray()).at(-1)?.message).toMatch(/refused sign-up was deleted/);
		sender.stop();
	});

	it('projects events and coordinators’ keys into the desk', async () => {
		const ledger = await Ledger.open(`test-outbox-ledger-${n}`);
		const projector = new Projector(ledger, desk);
		const event = newDoc('event', 'recruiter', {
			name: 'Pride',
			date: '2026-08-01',
			place: 'Park',
			kind: 'pride',
			communities: ['LGBTQ+ people']
		});
		const key = await generateCoordinatorKeyPair();
		await ledger.put(event);
		await ledger.put(
			newDoc('coordinatorKey', 'coordinator', {
				keyId: key.keyId,
				publicKey: key.publicKey,
				coordinatorName: 'Cora'
			})
		);
		await projector.catchUp();
		expect(await desk.events.get(event._id)).toMatchObject({ name: 'Pride', communities: ['LGBTQ+ people'] });
		expect(await desk.coordinatorKeys.where('keyId').equals(key.keyId).count()).toBe(1);
		await ledger.destroy();
	});
});
