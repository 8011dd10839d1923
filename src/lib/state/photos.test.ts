import { describe, expect, it, vi } from 'vitest';
import { newDocId } from '$lib/domain';
import { useTestWorkspace } from '../../../tests/support/test-store';
import { IdeaEditor } from './idea-editor.svelte';
import { ObservationCapture } from './visits.svelte';

const device = useTestWorkspace('photos');

/** Photos are "made smaller" only when a test says so, one by one, in the order it chooses. */
const shrinking = vi.hoisted(() => ({ waiting: [] as ((photo: Blob) => void)[] }));
vi.mock('$lib/store/images', () => ({
	compressPhoto: () => new Promise<Blob>((resolve) => shrinking.waiting.push(resolve))
}));

const OUT_OF_SPACE =
	'this device has run out of storage space. Free up some space (for example old photos, videos or apps you no longer use), then save again';

const twoPhotos = () => [
	new Blob(['one'], { type: 'image/jpeg' }),
	new Blob(['two'], { type: 'image/jpeg' })
];

/** The device fills up after the first photo of the next save, and has room again afterwards. */
function fullAfterOnePhoto(): void {
	const { workspace } = device;
	const savePhoto = workspace.writer.savePhoto.bind(workspace.writer);
	vi.spyOn(workspace.writer, 'savePhoto')
		.mockImplementationOnce(savePhoto)
		.mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
		.mockImplementation(savePhoto);
}

/** Every document of `type` in the ledger. */
async function stored(type: string): Promise<{ _id: string; subject?: string }[]> {
	const { rows } = await device.workspace.ledger.db.allDocs({ include_docs: true });
	return rows
		.map((row) => row.doc as unknown as { _id: string; type: string; subject?: string })
		.filter((doc) => doc.type === type);
}

describe('a save that fails part way through its photos (a full device)', () => {
	it('keeps the observation and its unsaved photo on screen, and writes nothing twice when saved again', async () => {
		const { workspace, actor } = device;
		const visitId = newDocId('visit');
		const capture = new ObservationCapture(workspace, actor, visitId);
		await capture.load();
		await capture.form.update('text', 'The ramp at the side door is steep');
		await capture.form.update('kind', 'concern');
		capture.photos.added = twoPhotos();
		fullAfterOnePhoto();

		expect(await capture.save()).toBe(false);
		expect(capture.form.problem).toBe(
			`This observation could not be saved on this device: ${OUT_OF_SPACE}. What you typed is kept, with the photos not yet saved.`
		);
		expect(capture.form.values.text).toBe('The ramp at the side door is steep');
		expect(capture.photos.added).toHaveLength(1);
		expect((await workspace.desk.drafts.get(`observation:new:${visitId}`))?.photos).toHaveLength(1);

		expect(await capture.save()).toBe(true);
		expect(capture.form.problem).toBeUndefined();
		expect(capture.form.values.text).toBe('');
		const [observation, ...more] = await stored('observation');
		expect(more).toEqual([]);
		expect((await stored('photo')).map((doc) => doc.subject)).toEqual([observation!._id, observation!._id]);
	});

	it('keeps a new idea and its unsaved photo as a draft, and writes nothing twice when saved again', async () => {
		const { workspace, actor } = device;
		const editor = new IdeaEditor(workspace, actor);
		await editor.load();
		await editor.form.update('title', 'Step-free route to the minor injuries unit');
		editor.photos.added = twoPhotos();
		fullAfterOnePhoto();

		expect(await editor.save()).toMatchObject({ ok: false, reason: 'not-saved' });
		expect(editor.form.problem).toBe(
			`Your idea could not be saved on this device: ${OUT_OF_SPACE}. What you typed is kept as a draft, with the photos not yet saved.`
		);
		expect((await workspace.desk.drafts.get('idea:new'))?.photos).toHaveLength(1);

		const saved = await editor.save();
		const [idea, ...more] = await stored('idea');
		expect(saved).toEqual({ ok: true, value: idea!._id });
		expect(more).toEqual([]);
		expect((await stored('photo')).map((doc) => doc.subject)).toEqual([idea!._id, idea!._id]);
	});
});

describe('a photo still being made smaller when Save is pressed', () => {
	it('goes with the observation it was chosen for, and one chosen while saving with the next', async () => {
		const { workspace, actor } = device;
		const visitId = newDocId('visit');
		const capture = new ObservationCapture(workspace, actor, visitId);
		await capture.load();
		await capture.form.update('text', 'Crews wait at the barrier');
		await capture.form.update('kind', 'concern');
		shrinking.waiting = [];
		const chosen = capture.photos.add([new File(['raw one'], 'one.jpg', { type: 'image/jpeg' })]);
		expect(capture.photos.preparing).toBe(1);
		expect(capture.photos.count).toBe(1);

		const saving = capture.save();
		await new Promise((resolve) => setTimeout(resolve, 50));
		// Save waits for the photo, and says it is saving.
		expect(capture.form.saving).toBe(true);
		expect(await stored('observation')).toEqual([]);
		// Chosen after Save was pressed: for the next observation, even if it is ready first.
		const later = capture.photos.add([new File(['raw two'], 'two.jpg', { type: 'image/jpeg' })]);
		const [first, second] = twoPhotos();
		shrinking.waiting[1]!(second!);
		await later;
		shrinking.waiting[0]!(first!);
		await chosen;

		expect(await saving).toBe(true);
		const [observation] = await stored('observation');
		expect((await stored('photo')).map((doc) => doc.subject)).toEqual([observation!._id]);
		expect(capture.photos.added).toEqual([second]);
		expect(capture.photos.preparing).toBe(0);
		expect((await workspace.desk.drafts.get(`observation:new:${visitId}`))?.photos).toEqual([second]);

		await capture.form.update('text', 'The barrier opens quickly once they call');
		expect(await capture.save()).toBe(true);
		const next = (await stored('observation')).find((doc) => doc._id !== observation!._id);
		expect((await stored('photo')).map((doc) => doc.subject).sort()).toEqual(
			[observation!._id, next!._id].sort()
		);
	});

	it('lets a photo removed while Save waits stay unsaved', async () => {
		const { workspace, actor } = device;
		const capture = new ObservationCapture(workspace, actor, newDocId('visit'));
		await capture.load();
		await capture.form.update('text', 'Clear signs to the staff room');
		await capture.form.update('kind', 'good-practice');
		shrinking.waiting = [];
		const [kept, removed] = twoPhotos();
		capture.photos.added = [removed!];
		const chosen = capture.photos.add([new File(['raw'], 'sign.jpg', { type: 'image/jpeg' })]);
		const saving = capture.save();
		capture.photos.removeAdded(0);
		shrinking.waiting[0]!(kept!);
		await chosen;

		expect(await saving).toBe(true);
		expect(await stored('photo')).toHaveLength(1);
		expect(capture.photos.added).toEqual([]);
	});
});
