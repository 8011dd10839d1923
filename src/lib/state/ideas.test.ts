import { describe, expect, it, vi } from 'vitest';
import { makeComment, makeIdea } from '../../../tests/factories';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { commentForm, IdeaActions, statusChangeForm } from './ideas.svelte';

const device = useTestWorkspace('idea-actions');

describe('IdeaActions on a full device', () => {
	it('answers each failed write with a message for its form or button, and succeeds once there is room', async () => {
		const { workspace, actor } = device;
		const idea = makeIdea();
		await workspace.ledger.put(idea);
		const actions = new IdeaActions(workspace, actor, idea._id);
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const writes = vi.spyOn(workspace.writer, 'save').mockRejectedValue(full);

		expect(await actions.comment({ body: 'Ramps at every station' })).toMatchObject({
			ok: false,
			reason: 'not-saved',
			message: expect.stringMatching(
				/^Your comment could not be saved on this device: this device has run out/
			)
		});
		expect(
			await actions.changeStatus({
				to: 'under-discussion',
				reason: 'Raised at the forum',
				outcome: '',
				easyRead: '',
				projectId: null
			})
		).toMatchObject({
			ok: false,
			message: expect.stringMatching(
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
		expect(await actions.comment({ body: 'Ramps at every station' })).toMatchObject({ ok: true });
	});
});

describe('comments', () => {
	it('are edited and hidden over their current revision, keeping who wrote them and when', async () => {
		const { workspace, actor } = device;
		const idea = makeIdea();
		const comment = makeComment(idea._id, { author: actor.name, body: 'First thoughts' });
		await workspace.ledger.put(idea);
		await workspace.ledger.put(comment);
		const actions = new IdeaActions(workspace, actor, idea._id);

		expect(await actions.editComment(comment._id, { body: 'Second thoughts' })).toMatchObject({ ok: true });
		await actions.setHidden(comment._id, true);
		expect(actions.tap.problem).toBeUndefined();
		expect(await workspace.ledger.get(comment._id)).toMatchObject({
			body: 'Second thoughts',
			hidden: true,
			author: comment.author,
			createdAt: comment.createdAt
		});
	});

	it('a comment form shows the message at the field, keeps the text, and empties once posted', async () => {
		const { workspace, actor } = device;
		const idea = makeIdea();
		await workspace.ledger.put(idea);
		const actions = new IdeaActions(workspace, actor, idea._id);
		const form = commentForm();

		expect(await form.submit((input) => actions.comment(input))).toBe(false);
		expect(form.errors.body).toBe('Write your comment');
		await form.update('body', 'Ramps at every station');
		expect(form.errors).toEqual({});
		expect(await form.submit((input) => actions.comment(input))).toBe(true);
		expect(form.values.body).toBe('');
	});
});

describe('the status form', () => {
	it('asks for the reason and the "You said, we did" of an ending before anything is written', async () => {
		const form = statusChangeForm('new');
		await form.update('to', 'not-taken-forward');
		const write = vi.fn();
		expect(await form.submit(write)).toBe(false);
		expect(write).not.toHaveBeenCalled();
		expect(Object.keys(form.errors).sort()).toEqual(['outcome', 'reason']);
	});

	it('links an idea taken forward to the project chosen, and no other status to any', async () => {
		const project = 'project:01JBXYZ0000000000000000000';
		const form = statusChangeForm('under-discussion');
		await form.update('to', 'taken-forward');
		await form.update('projectId', project);
		const write = vi.fn();
		expect(await form.submit(write, { after: 'keep' })).toBe(true);
		expect(write).toHaveBeenLastCalledWith(
			expect.objectContaining({ to: 'taken-forward', projectId: project })
		);
		await form.update('to', 'done');
		await form.update('outcome', 'Crews now use the checklist');
		expect(await form.submit(write)).toBe(true);
		expect(write).toHaveBeenLastCalledWith(expect.objectContaining({ to: 'done', projectId: null }));
	});
});
