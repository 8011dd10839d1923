import { describe, expect, it } from 'vitest';
import { claimStatus } from '../../domain/claim';
import { parseDocument } from '../../domain/documents';
import { useTestGateway, type Json } from '../../../../tests/support/gateway';
import { TEST_BACKENDS } from '../../../../tests/support/test-backends';

/** Seeding the demo network through the gateway's store: its involvement and expenses arrive whole, once. */
describe.each(TEST_BACKENDS)('the demo network over the $kind backend', ({ kind }) => {
	const gateway = useTestGateway(kind, 'demo-seed', { signIn: ['coordinator'] });

	/** Every document of `network` as a coordinator's device replicates it, with attachments. */
	async function pulled(device: string): Promise<Json[]> {
		const local = gateway.local(device);
		await gateway.replicate(gateway.remote(gateway.cookies.coordinator), local);
		const { rows } = await local.allDocs({ include_docs: true, attachments: true });
		return rows.map((row) => row.doc as unknown as Json);
	}

	it('holds opportunities, time given and the member’s claims with a receipt photo, and is seeded only once', async () => {
		await gateway.signIn('staff');
		const docs = await pulled('first');
		const ofType = (type: string) => docs.filter((doc) => doc.type === type);
		expect(ofType('opportunity')).toHaveLength(9);
		expect(ofType('time-given').length).toBeGreaterThan(0);
		expect(ofType('expense-rates')).toMatchObject([
			{ _id: 'expense-rates:network', mileagePencePerMile: 45 }
		]);
		const steps = ofType('claim-step').flatMap((doc) => {
			const parsed = parseDocument(doc);
			return parsed.ok && parsed.doc.type === 'claim-step' ? [parsed.doc] : [];
		});
		const statuses = ofType('claim').map((claim) =>
			claimStatus(steps.filter((step) => step.claimId === claim._id))
		);
		expect(new Set(statuses).size).toBe(5);
		const [receipt] = ofType('receipt');
		expect(receipt?._attachments).toMatchObject({ image: { content_type: 'image/jpeg' } });

		await gateway.restart();
		const again = await pulled('second');
		const revisions = (list: Json[]) => list.map((doc) => `${String(doc._id)} ${String(doc._rev)}`).sort();
		expect(revisions(again)).toEqual(revisions(docs));
	});
});
