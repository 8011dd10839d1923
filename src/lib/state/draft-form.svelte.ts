import type { ZodSafeParseResult } from 'zod';
import { say } from '$lib/domain-words.svelte';
import { fieldErrors, invalid, type Failure, type Result } from '$lib/domain/result';
import { nowIso } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Desk } from '$lib/store/desk';
import { reportProblem } from '$lib/report';
import { saveFailure, whyNotSaved } from '$lib/store/save-errors';

/**
 * The one form primitive. `Form` holds what is typed, the field messages, a problem with the whole form
 * and a busy flag; `submit` checks, writes, and turns a failure (a `Result` or a thrown error) into
 * messages, never losing what was typed. `DraftForm` also keeps every keystroke as a draft on the device,
 * so a killed tab or a failed save loses nothing (forms holding a password use `Form`: no draft).
 * The field components (components/form/Field*.svelte) read and write a form through `FormFields`.
 */

/** What the field components need of a form. */
export interface FormFields<V> {
	readonly values: V;
	readonly errors: Record<string, string>;
	update<K extends keyof V>(field: K, value: V[K]): unknown;
}

/** The fields of `V` that hold text (what the field components edit). */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** The fields of `V` that hold a list of chosen values (what checkboxes edit). */
export type ListKey<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

export interface SubmitOptions {
	/** What is being saved, for a failure's message ("Your idea"; `saveFailure`'s "This" when not said). */
	what?: string;
	/** Empty the form after a save (a new thing) or keep the values (an edit). */
	after?: 'clear' | 'keep';
}

export class Form<V extends object, T> implements FormFields<V> {
	values = $state() as V;
	errors = $state<Record<string, string>>({});
	/** A problem with the whole form (not one field). */
	problem = $state<string>();
	saving = $state(false);
	/** Bumped on each failed submit, so the error summary takes focus again. */
	attempt = $state(0);

	constructor(
		protected readonly empty: V,
		private readonly check: (values: V) => Result<T>
	) {
		this.values = { ...empty };
	}

	/** Errors for the summary: the fields', then the form's own problem. */
	get summary(): Record<string, string> {
		return this.problem ? { ...this.errors, form: this.problem } : this.errors;
	}

	/** Called on every keystroke; a field already marked wrong is checked again as it is corrected. */
	async update<K extends keyof V>(field: K, value: V[K]): Promise<void> {
		this.values[field] = value;
		if (this.errors[field as string]) {
			const result = this.check(this.values);
			this.errors = result.ok ? {} : (result.fields ?? {});
		}
		await this.kept();
	}

	/** Shows a failure: its field messages at the fields, anything else as the form's problem. */
	fail(failure: Failure): void {
		this.errors = failure.fields ?? {};
		this.problem = failure.fields && Object.keys(failure.fields).length > 0 ? undefined : failure.message;
		this.attempt += 1;
	}

	/**
	 * Checks, then runs `write` with the checked value. A write may answer a `Failure` (an API call) or
	 * throw (a write to this device); either is shown and what was typed stays. Answers whether it worked.
	 */
	async submit(
		write: (value: T) => Promise<unknown>,
		{ what, after = 'clear' }: SubmitOptions = {}
	): Promise<boolean> {
		this.problem = undefined;
		const checked = this.check(this.values);
		if (!checked.ok) {
			this.fail(checked);
			return false;
		}
		this.errors = {};
		this.saving = true;
		try {
			const answer = await write(checked.value);
			if (isFailure(answer)) {
				this.fail(answer);
				return false;
			}
			await this.forget();
			if (after === 'clear') this.values = { ...this.empty };
			return true;
		} catch (error) {
			this.fail(saveFailure(error, what));
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** Keeps what is typed (a draft form writes it to the device). */
	protected async kept(): Promise<void> {}

	/** Forgets what was kept, after a save. */
	protected async forget(): Promise<void> {}
}

/** A form whose every keystroke is kept as a draft on the device under `key`. */
export class DraftForm<V extends object, T> extends Form<V, T> {
	restoredDraftAt = $state<string>();
	ready = $state(false);

	constructor(
		private readonly desk: Desk,
		readonly key: string,
		empty: V,
		check: (values: V) => Result<T>
	) {
		super(empty, check);
	}

	/**
	 * Starts from `initial` (an edited document's values), then any draft kept over it. Never fails: a draft
	 * that cannot be read is said on the form, and the form opens without it.
	 */
	async load(initial: Partial<V> = {}): Promise<void> {
		this.values = { ...this.empty, ...initial };
		try {
			const draft = await this.desk.drafts.get(this.key);
			if (draft) {
				this.values = { ...this.values, ...(draft.values as Partial<V>) };
				this.restoredDraftAt = draft.updatedAt;
			}
		} catch (error) {
			reportProblem('a draft could not be read', error);
			this.problem = m.shell_draft_unreadable({ why: say(whyNotSaved(error)) });
		}
		this.ready = true;
	}

	/** Sets values without a keystroke (a seed, a photo's caption) and keeps them as the draft. */
	async set(values: Partial<V>): Promise<void> {
		this.values = { ...this.values, ...values };
		await this.kept();
	}

	async discardDraft(initial: Partial<V> = {}): Promise<void> {
		await this.forget();
		this.errors = {};
		this.problem = undefined;
		await this.load(initial);
	}

	protected override async kept(): Promise<void> {
		await this.desk.drafts.put({
			key: this.key,
			// A snapshot: lists of choices in the values are rune proxies, which IndexedDB cannot store.
			values: $state.snapshot(this.values) as Record<string, unknown>,
			updatedAt: nowIso()
		});
	}

	protected override async forget(): Promise<void> {
		await this.desk.drafts.delete(this.key);
		this.restoredDraftAt = undefined;
	}
}

function isFailure(answer: unknown): answer is Failure {
	return (
		typeof answer === 'object' &&
		answer !== null &&
		(answer as { ok?: unknown }).ok === false &&
		typeof (answer as { message?: unknown }).message === 'string'
	);
}

/** A zod check as a form's `Result`: the value, or the first message for each field. */
export function checkedBy<T>(parse: ZodSafeParseResult<T>): Result<T> {
	return parse.success ? { ok: true, value: parse.data } : invalid(fieldErrors(parse.error.issues));
}

/** Field messages keyed by the ids of prefixed fields (`<prefix>-<field>`), for the error summary's links. */
export function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
	return Object.fromEntries(
		Object.entries(errors).map(([field, message]) => [`${prefix}-${field}`, message])
	);
}

/** What a `documentEditor` does with a checked input: make a new document (answering its id) or change one. */
export interface EditorWrites<T> {
	/** Makes the new document; answers its id. */
	create: (input: T) => Promise<string>;
	/** Changes the document being edited. */
	change: (id: string, input: T) => Promise<unknown>;
	/** What it is, for a failure's message ("The opportunity"). */
	what?: string;
}

/**
 * The one shape of a form that makes a document or changes `editing` (its id, and the form's values for
 * it): `load` it once, `discard` its draft, `save` answers the document's id once saved. A new document's
 * form is emptied after saving; an edit keeps what it says.
 */
export function documentEditor<V extends object, T>(
	form: DraftForm<V, T>,
	writes: EditorWrites<T>,
	editing: { id: string; initial: Partial<V> } | undefined
) {
	const initial = editing?.initial ?? {};
	return {
		form,
		load: () => form.load(initial),
		discard: () => form.discardDraft(initial),
		async save(): Promise<string | undefined> {
			let id = editing?.id;
			const saved = await form.submit(
				async (input) => {
					if (editing) await writes.change(editing.id, input);
					else id = await writes.create(input);
				},
				{ what: writes.what, after: editing ? 'keep' : 'clear' }
			);
			return saved ? id : undefined;
		}
	};
}
