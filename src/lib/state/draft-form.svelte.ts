import { nowIso } from '$lib/format';
import type { Desk } from '$lib/store/desk';
import { whyNotSaved } from '$lib/store/save-errors';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/**
 * A form whose every keystroke is kept as a draft on the device (like IdeaEditor), so a killed tab or a
 * failed save never loses what was typed. `check` turns the typed values into what is saved, or into
 * messages for the fields; `submit` saves, then clears the draft and the form.
 */
export class DraftForm<V extends Record<string, string>, T> {
	values = $state() as V;
	errors = $state<Record<string, string>>({});
	/** A problem with the whole form (not one field). */
	problem = $state<string>();
	restoredDraftAt = $state<string>();
	saving = $state(false);
	ready = $state(false);
	/** Bumped on each failed submit, so the error summary takes focus again. */
	attempt = $state(0);

	constructor(
		private readonly desk: Desk,
		readonly key: string,
		private readonly empty: V,
		private readonly check: (values: V) => Checked<T>
	) {
		this.values = { ...empty };
	}

	/** Errors for the summary: the fields', then the form's own problem. */
	get summary(): Record<string, string> {
		return this.problem ? { ...this.errors, form: this.problem } : this.errors;
	}

	/** Starts from `initial` (an edited document's values), then any draft kept over it. */
	async load(initial: Partial<V> = {}): Promise<void> {
		this.values = { ...this.empty, ...initial };
		const draft = await this.desk.drafts.get(this.key);
		if (draft) {
			this.values = { ...this.values, ...(draft.values as Partial<V>) };
			this.restoredDraftAt = draft.updatedAt;
		}
		this.ready = true;
	}

	/** Called on every keystroke. */
	async update<K extends keyof V>(field: K, value: V[K]): Promise<void> {
		this.values[field] = value;
		if (this.errors[field as string]) {
			const result = this.check(this.values);
			this.errors = result.ok ? {} : result.errors;
		}
		await this.desk.drafts.put({ key: this.key, values: { ...this.values }, updatedAt: nowIso() });
	}

	async discardDraft(initial: Partial<V> = {}): Promise<void> {
		await this.desk.drafts.delete(this.key);
		this.restoredDraftAt = undefined;
		this.errors = {};
		this.problem = undefined;
		await this.load(initial);
	}

	/** Checks, saves with `write`, then forgets the draft. Answers whether it was saved. */
	async submit(write: (value: T) => Promise<void>, after: 'clear' | 'keep' = 'clear'): Promise<boolean> {
		this.problem = undefined;
		const result = this.check(this.values);
		if (!result.ok) {
			this.errors = result.errors;
			this.attempt += 1;
			return false;
		}
		this.errors = {};
		this.saving = true;
		try {
			await write(result.value);
			await this.desk.drafts.delete(this.key);
			this.restoredDraftAt = undefined;
			if (after === 'clear') this.values = { ...this.empty };
			return true;
		} catch (error) {
			this.problem = `This could not be saved on this device: ${whyNotSaved(error)}. What you typed is kept.`;
			this.attempt += 1;
			return false;
		} finally {
			this.saving = false;
		}
	}
}

/** Field messages keyed by the ids of prefixed fields (`<prefix>-<field>`), for the error summary's links. */
export function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
	return Object.fromEntries(
		Object.entries(errors).map(([field, message]) => [`${prefix}-${field}`, message])
	);
}
