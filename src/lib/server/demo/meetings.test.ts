import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../domain/documents';
import { decideWrite } from '../../domain/rules';
import { demoMeetings } from './meetings';
import { demoIdeas } from './network';
import { demoProjects } from './projects';

describe('demo meetings', () => {
	it('are valid documents their authors could have written, with actions done on time, late and open', () => {
		const docs = demoMeetings(demoIdeas(), demoProjects().ids);
		const groups = docs.filter((doc) => doc.type === 'group');
		expect(groups).toHaveLength(2);
		expect(groups.filter((group) => group.type === 'group' && group.chairs.includes('chair'))).toHaveLength(
			1
		);
		const chairOf = groups.flatMap((group) =>
			group.type === 'group' && group.chairs.includes('chair') ? [group._id] : []
		);
		for (const doc of docs) {
			expect(parseDocument(doc)).toMatchObject({ ok: true });
			const roles =
				doc.author === 'coordinator' ? (['coordinator'] as const) : (['chair', 'member'] as const);
			expect(decideWrite({ name: doc.author, roles, chairOf }, doc, undefined), doc._id).toMatchObject({
				ok: true
			});
		}
		const meetings = docs.filter((doc) => doc.type === 'meeting');
		expect(
			meetings.filter((m) => m.type === 'meeting' && m.approvedBy !== null).length
		).toBeGreaterThanOrEqual(2);
		expect(meetings.filter((m) => m.type === 'meeting' && m.status === 'planned')).toHaveLength(1);
		expect(docs.filter((doc) => doc.type === 'action-update' && doc.to === 'done').length).toBeGreaterThan(2);
		expect(docs.every((doc) => doc.createdAt <= new Date().toISOString())).toBe(true);
	});
});
