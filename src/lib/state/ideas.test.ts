import { describe, expect, it, vi } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { IdeaActions } from './ideas.svelte';

const device = useTestWorkspace('idea-actions');

describe('IdeaActions on a full device', () => {
	it('answers each failed write with a message for its form or button, and succeeds once there is room', async () => {
		const { workspace, actor } = device;
		const idea = makeIdea();
		await workspace.ledger.put(idea);
		const actions = new IdeaActions(workspace, actor, idea._id);
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const writes = vi.spyOn(workspace.writer, 'save').mockRejectedValue(full);

		expect(await actions.comment('Ramps at every station')).toEqual({
			body: expect.stringMatching(/^Your comment could not be saved on this device: this device has run out/)
		});
		expect(
			await actions.changeStatus({
				to: 'under-discussion',
				reason: 'Raised at the forum',
				outcome: '',
				qiProject: ''
			})
		).toEqual({
			form: expect.stringMatching(
				/^The status change could not be saved on this device: this device has run out/
			)
		});
		await actions.toggleSupport();
		expect(actions.tap.problem).toMatch(
			/^Your change could not be saved on this device: this device has run out/
		);

		writes.mockRestore();
		await actions.toggleSupport();
		expect(actions.tap.problem).toBeUndefined();
		expect(await actions.comment('Ramps at every station')).toBeUndefined();
	});
});
