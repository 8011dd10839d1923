import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeComment, makeIdea } from '../../../tests/factories';
import { newDocId } from '$lib/domain';
import { Workspace } from '$lib/store/workspace';
import { ConflictResolver, savedWords, show } from './conflict.svelte';

let n = 0;
let workspace: Workspace;

beforeEach(async () => {
	n += 1;
	workspace = await Workspace.open({ name: `conflict-${n}`, roles: ['member'] }, 'network');
});

afterEach(async () => {
	await workspace.destroy();
});

/** Two first revisions of one document, as two phones apart would write them. */
async function twoVersions(a: Record<string, unknown>, b: Record<string, unknown>): Promise<void> {
	await workspace.ledger.db.bulkDocs(
		[
			{ ...a, _rev: `1-${'a'.repeat(32)}` },
			{ ...b, _rev: `1-${'b'.repeat(32)}` }
		],
		{ new_edits: false }
	);
}

describe('ConflictResolver', () => {
	it("goes back to a comment's idea, and keeps that way back once the choice is saved", async () => {
		const idea = makeIdea({ author: `conflict-${n}` });
		const comment = makeComment(idea._id, { author: `conflict-${n}`, body: 'Ramps please' });
		await workspace.ledger.put(idea);
		await twoVersions(comment, { ...comment, body: 'Ramps and rails please' });

		const resolver = new ConflictResolver(workspace, comment._id);
		await resolver.load();
		expect(resolver.fields).toEqual(['body']);
		expect(resolver.backPath).toBe(`/ideas/${idea._id.slice('idea:'.length)}`);
		expect(resolver.backName).toBe(`the idea “${idea.title}”`);
		resolver.choices = { body: 'both' };
		await resolver.save();
		expect(resolver.conflict).toBeUndefined();
		expect(resolver.resolvedAll).toBe(true);
		expect(resolver.backPath).toBe(`/ideas/${idea._id.slice('idea:'.length)}`);
		expect(resolver.backName).toBe(`the idea “${idea.title}”`);
		const kept = String((await workspace.ledger.get(comment._id))?.body);
		expect(kept.split('\n\n').sort()).toEqual(['Ramps and rails please', 'Ramps please']);
	});

	it('shows the documents a version mentions by their titles (an agenda in its order)', async () => {
		const [first, second] = [newDocId('agenda-item'), newDocId('agenda-item')];
		await workspace.ledger.db.bulkDocs([
			{ _id: first, type: 'agenda-item', title: 'Handover delays' },
			{ _id: second, type: 'agenda-item', title: 'Mental health calls' }
		]);
		const meeting = { _id: newDocId('meeting'), type: 'meeting', title: 'Forum' };
		await twoVersions({ ...meeting, agenda: [first, second] }, { ...meeting, agenda: [second, first] });

		const resolver = new ConflictResolver(workspace, meeting._id);
		await resolver.load();
		const shown = [resolver.conflict?.current.content.agenda, resolver.conflict?.other.content.agenda]
			.map((agenda) => show(agenda, resolver.names))
			.sort();
		expect(shown).toEqual(['Handover delays, Mental health calls', 'Mental health calls, Handover delays']);
		expect(show([newDocId('agenda-item')], resolver.names)).toMatch(/^agenda-item:/);
	});

	it('says who first wrote the document and when each version was saved, and which is the later', async () => {
		const idea = makeIdea({ author: `conflict-${n}`, title: 'Handover times' });
		const later = new Date(Date.parse(idea.updatedAt) + 5 * 60_000).toISOString();
		await twoVersions({ ...idea, details: 'Phone A', updatedAt: later }, { ...idea, details: 'Phone B' });

		const resolver = new ConflictResolver(workspace, idea._id);
		await resolver.load();
		expect(resolver.written).toEqual({ by: `conflict-${n}`, at: idea.createdAt });
		expect(resolver.backName).toBe('the idea “Handover times”');
		const byName = Object.fromEntries(resolver.versions.map((v) => [String(v.content.details), v]));
		expect(byName['Phone A']).toMatchObject({ savedAt: later, unchanged: false, later: true });
		expect(byName['Phone B']).toMatchObject({ savedAt: idea.updatedAt, unchanged: true, later: false });
		const now = new Date(later);
		expect(savedWords(byName['Phone A']!, now)).toMatch(/^Changed today at \d\d:\d\d \(the later one\)$/);
		expect(savedWords(byName['Phone B']!, new Date(Date.parse(later) + 2 * 86_400_000))).toMatch(
			/^Written on \d+ \w+, \d\d:\d\d$/
		);
	});

	it('tells the times to the second when both versions were saved in the same minute', async () => {
		const idea = makeIdea({ author: `conflict-${n}` });
		const at = (second: number) => `${idea.updatedAt.slice(0, 17)}${String(second).padStart(2, '0')}.000Z`;
		await twoVersions(
			{ ...idea, details: 'Phone A', updatedAt: at(10) },
			{ ...idea, details: 'Phone B', updatedAt: at(40) }
		);
		const resolver = new ConflictResolver(workspace, idea._id);
		await resolver.load();
		const words = resolver.versions.map((version) => savedWords(version, new Date(at(50)))).sort();
		expect(words).toEqual([
			expect.stringMatching(/^Changed today at \d\d:\d\d:10$/),
			expect.stringMatching(/^Changed today at \d\d:\d\d:40 \(the later one\)$/)
		]);
	});
});
