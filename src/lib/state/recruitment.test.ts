import { describe, expect, it } from 'vitest';
import { generateCoordinatorKeyPair } from '$lib/domain';
import type { CoordinatorKeyRow } from '$lib/store/recruitment';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { newEventForm } from './events.svelte';
import { SignupFlow } from './signup-flow.svelte';

const device = useTestWorkspace('recruitment');
const eventId = 'event:01J00000000000000000000000';

async function coordinatorKey(): Promise<CoordinatorKeyRow> {
	const pair = await generateCoordinatorKeyPair();
	return {
		id: 'coordinatorKey:01J00000000000000000000000',
		keyId: pair.keyId,
		publicKey: pair.publicKey,
		coordinatorName: 'Cora',
		author: 'coordinator',
		createdAt: new Date().toISOString()
	};
}

/** Event mode sealing for `keys`, counting the sign-ups it queues. */
function eventMode(keys: CoordinatorKeyRow[] = []) {
	const queued = { count: 0 };
	const flow = new SignupFlow(
		device.workspace,
		device.actor.name,
		eventId,
		() => keys,
		() => (queued.count += 1)
	);
	return { flow, queued };
}

/** Fills in the first screen of event mode as a member of the public would, and moves on. */
async function fillDetails(flow: SignupFlow): Promise<boolean> {
	const form = flow.details;
	await form.update('name', 'Robin Example');
	await form.update('email', 'robin@example.com');
	await form.update('preferredContact', 'email');
	await form.update('consentContact', true);
	await form.update('consentStore', true);
	return flow.continue();
}

describe('event mode', () => {
	it('asks again for what is wrong, then moves on to the equality questions', async () => {
		const { flow } = eventMode();
		expect(await flow.continue()).toBe(false);
		expect(flow.step).toBe('details');
		expect(flow.details.errors).toMatchObject({
			name: 'Enter your name',
			consentContact: 'You need to agree to be contacted to sign up'
		});
		expect(await fillDetails(flow)).toBe(true);
		expect(flow.step).toBe('equality');
	});

	it('keeps what was typed when there is no key to seal it for', async () => {
		const { flow } = eventMode();
		await fillDetails(flow);
		expect(await flow.submit()).toBe(false);
		expect(flow.equality.problem).toMatch(/No coordinator has set up a sign-up key yet/);
		expect(flow.details.values.name).toBe('Robin Example');
		expect(await device.workspace.desk.outbox.count()).toBe(0);
	});

	it('seals the sign-up, keeps only ciphertext and forgets every answer', async () => {
		const { flow, queued } = eventMode([await coordinatorKey()]);
		await fillDetails(flow);
		await flow.equality.update('ageBand', '25-34');
		expect(await flow.submit()).toBe(true);
		expect(flow.step).toBe('thanks');
		expect(queued.count).toBe(1);
		expect(flow.details.values.name).toBe('');
		expect(flow.details.values.consentStore).toBe(false);
		expect(flow.equality.values.ageBand).toBe('');
		const rows = await device.workspace.desk.outbox.toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.eventId).toBe(eventId);
		const stored = JSON.stringify(rows);
		for (const secret of ['Robin', 'robin@example.com', '25-34']) expect(stored).not.toContain(secret);
		expect(await device.workspace.desk.drafts.count()).toBe(0);

		flow.next();
		expect(flow.step).toBe('details');
		expect(flow.person).toBe(1);
	});
});

describe('adding an event', () => {
	it('says what is missing, then saves the event and forgets its draft', async () => {
		const { workspace, actor } = device;
		const editor = newEventForm(workspace, actor.name);
		await editor.load();
		expect(await editor.save()).toBeUndefined();
		expect(editor.form.errors).toMatchObject({ name: 'Enter the name of the event' });

		await editor.form.update('name', 'Brighton Pride');
		await editor.form.update('date', '2026-08-01');
		await editor.form.update('place', 'Preston Park');
		await editor.form.update('kind', 'pride');
		await editor.form.update('communities', 'LGBTQ+ people, young people');
		expect(await workspace.desk.drafts.get('event:new')).toBeDefined();
		const id = await editor.save();
		if (!id) throw new Error(`not saved: ${JSON.stringify(editor.form.summary)}`);
		expect(await workspace.ledger.get(id)).toMatchObject({
			type: 'event',
			name: 'Brighton Pride',
			communities: ['LGBTQ+ people', 'young people'],
			author: actor.name
		});
		expect(await workspace.desk.drafts.get('event:new')).toBeUndefined();
		expect(editor.form.values.name).toBe('');
	});
});
