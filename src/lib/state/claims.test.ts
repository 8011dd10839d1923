import { describe, expect, it, vi } from 'vitest';
import { toCsv } from '$lib/domain/measure-series';
import { makeClaim, makeClaimStep } from '../../../tests/involvement-factories';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { ClaimEditor } from './claim-editor.svelte';
import { checkClaim, EMPTY_CLAIM } from './claim-lines';
import { approvedClaimsSeries, type ClaimItem } from './claims.svelte';

const device = useTestWorkspace('claims');

vi.mock('$lib/store/images', () => ({ compressPhoto: (file: Blob) => Promise.resolve(file) }));

const receipt = (text: string) => new File([text], `${text}.jpg`, { type: 'image/jpeg' });

async function stored(type: string): Promise<Record<string, unknown>[]> {
	const { rows } = await device.workspace.ledger.db.allDocs({ include_docs: true });
	return rows.map((row) => row.doc as unknown as Record<string, unknown>).filter((doc) => doc.type === type);
}

describe('writing a claim', () => {
	it('keeps the lines and each line’s receipts in the draft, and sends the receipts, then the claim', async () => {
		const { workspace, actor } = device;
		const editor = new ClaimEditor(workspace, actor);
		await editor.load();
		await editor.form.update('forLabel', 'Control room visit');
		await editor.form.update('on', '2026-11-20');
		await editor.setLine(0, { kind: 'mileage', miles: '12.5' });
		await editor.addLine();
		await editor.setLine(1, { kind: 'parking', amount: '4.20', description: 'Car park' });
		await editor.receipts.of(0).add([receipt('fuel')]);
		await editor.receipts.of(1).add([receipt('a'), receipt('b')]);
		await editor.form.photosChanged();
		expect(editor.totalPence).toBe(563 + 420);

		const reopened = new ClaimEditor(workspace, actor);
		await reopened.load();
		expect(reopened.form.values.claimId).toBe(editor.form.values.claimId);
		expect(reopened.lines.map((line) => line.kind)).toEqual(['mileage', 'parking']);
		expect(reopened.receipts.lines.map((set) => set.added.length)).toEqual([1, 2]);

		const sent = await reopened.send();
		expect(sent).toEqual({ ok: true, value: editor.form.values.claimId });
		const [claim] = await stored('claim');
		expect(claim).toMatchObject({
			_id: editor.form.values.claimId,
			member: actor.name,
			lines: [
				{ kind: 'mileage', tenthsOfMiles: 125, pencePerMile: 45, amountPence: 563 },
				{ kind: 'parking', description: 'Car park', amountPence: 420 }
			]
		});
		const receipts = await stored('receipt');
		expect(receipts.map((doc) => doc.line).sort()).toEqual([0, 1, 1]);
		expect(receipts.every((doc) => String(doc._id).startsWith(`receipt:${actor.name}:`))).toBe(true);
		expect(await workspace.desk.drafts.get('claim:new')).toBeUndefined();
	});

	it('says what is wrong at the line’s own field', () => {
		const values = {
			...EMPTY_CLAIM,
			claimId: 'claim:ann:01J00000000000000000000000',
			forLabel: 'Panel',
			on: '2026-11-20',
			lines: [
				{ kind: 'mileage' as const, description: '', miles: 'twelve', amount: '' },
				{ kind: 'meal' as const, description: '', miles: '', amount: '' }
			]
		};
		const result = checkClaim(values, 'ann', 45);
		expect(result.ok ? {} : result.fields).toEqual({
			'line-0-miles': 'Enter the miles as a number, like 12.5',
			'line-1-amount': 'Enter the amount'
		});
	});
});

describe('the approved claims for the finance team', () => {
	it('has one row per cost, in pounds from whole pence, only for approved claims', () => {
		const approved = makeClaim('ann');
		const waiting = makeClaim('bob');
		const step = makeClaimStep(approved);
		const item = (claim: typeof approved, status: ClaimItem['claimStatus']): ClaimItem => ({
			row: { ...claim, id: claim._id, rev: '1-a', conflicts: [], totalPence: 983 },
			status: { kind: 'synced' },
			claimStatus: status,
			approvedAt: status === 'approved' ? step.createdAt : undefined
		});
		const csv = toCsv(approvedClaimsSeries([item(approved, 'approved'), item(waiting, 'submitted')]));
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toBe('User name,Claim,Date,What for,Kind,Description,Miles,Amount (£),Approved');
		expect(lines[1]).toBe(
			`ann,${approved._id},2026-11-20,Control room visit,Mileage (your own car),,12.5,5.63,${step.createdAt.slice(0, 10)}`
		);
		expect(lines[2]).toContain('Parking,Hospital car park,,4.20,');
	});
});
