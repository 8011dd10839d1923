import { MEETING_FIELD_LABELS, parseDocument, type AppDoc } from '$lib/domain';
import { nowIso } from '$lib/format';
import { docPath } from '$lib/paths';
import { loadConflict, mentionedNames, type Conflict } from '$lib/store/conflicts';
import type { Workspace } from '$lib/store/workspace';

export type Choice = 'current' | 'other' | 'both';

/** Fields that say what a document is rather than what it holds: never offered as a choice. */
const FIXED = new Set(['_id', 'type', 'schemaVersion', 'author', 'createdAt', 'updatedAt']);

export const FIELD_LABELS: Record<string, string> = {
	title: 'Title',
	details: 'Details',
	area: 'Service area',
	tags: 'Tags',
	origin: 'Whose idea',
	links: 'Links',
	body: 'Comment',
	hidden: 'Hidden',
	alt: 'Photo description',
	...MEETING_FIELD_LABELS
};

/**
 * A field's value in words. `names` turns the ids of other documents (an agenda's order of items, an idea
 * an action links to) into what people call them.
 */
export function show(value: unknown, names?: ReadonlyMap<string, string>): string {
	// Lists of records (a note-taker's attendance) show each record's values.
	if (Array.isArray(value) && value.some((entry) => entry && typeof entry === 'object')) {
		return value.map((entry) => Object.values(entry as object).join(' ')).join('; ');
	}
	const named = (entry: unknown) =>
		typeof entry === 'string' ? (names?.get(entry) ?? entry) : String(entry);
	if (Array.isArray(value)) return value.length ? value.map(named).join(', ') : '(none)';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (value === undefined || value === null || value === '') return '(empty)';
	return named(value);
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Both values kept: texts one after the other, lists together. */
function combine(a: unknown, b: unknown): unknown {
	if (Array.isArray(a) && Array.isArray(b)) return [...new Set([...a, ...b])];
	if (typeof a === 'string' && typeof b === 'string') return a && b ? `${a}\n\n${b}` : a || b;
	return a;
}

/**
 * Two versions of one document made on two devices while apart. The person chooses, field by field, which
 * to keep (or both); nothing is removed until they save that choice.
 */
export class ConflictResolver {
	conflict = $state.raw<Conflict>();
	loaded = $state(false);
	choices = $state<Record<string, Choice>>({});
	problem = $state<string>();
	resolvedAll = $state(false);
	/** The page that shows the document (a comment's idea, say), kept once its versions are settled. */
	backPath = $state('/sync');
	/** What the documents the versions mention are called (their title or name), by id. */
	names = $state.raw<ReadonlyMap<string, string>>();

	constructor(
		private readonly workspace: Workspace,
		readonly id: string
	) {}

	/** The fields where the two versions differ. */
	get fields(): string[] {
		const conflict = this.conflict;
		if (!conflict) return [];
		const keys = [...Object.keys(conflict.current.content), ...Object.keys(conflict.other.content)];
		return keys
			.filter((key, i) => keys.indexOf(key) === i)
			.filter((key) => !FIXED.has(key) && !same(conflict.current.content[key], conflict.other.content[key]));
	}

	canCombine(field: string): boolean {
		const value = this.conflict?.current.content[field];
		return typeof value === 'string' || Array.isArray(value);
	}

	async load(): Promise<void> {
		this.conflict = await loadConflict(this.workspace.ledger, this.id);
		if (this.conflict) {
			this.backPath = docPath(this.id, this.conflict.current.content);
			const { current, other } = this.conflict;
			this.names = await mentionedNames(this.workspace.ledger, current.content, other.content);
		} else if (!this.loaded) this.backPath = docPath(this.id, await this.workspace.ledger.get(this.id));
		this.choices = Object.fromEntries(this.fields.map((field) => [field, 'current' as Choice]));
		this.resolvedAll = this.loaded && !this.conflict;
		this.loaded = true;
	}

	chooseAll(choice: Exclude<Choice, 'both'>): void {
		this.choices = Object.fromEntries(this.fields.map((field) => [field, choice]));
	}

	/** The document that will be kept, from the choices made. */
	merged(): Record<string, unknown> | undefined {
		const conflict = this.conflict;
		if (!conflict) return undefined;
		const result: Record<string, unknown> = { ...conflict.current.content, updatedAt: nowIso() };
		for (const field of this.fields) {
			const choice = this.choices[field] ?? 'current';
			const mine = conflict.current.content[field];
			const theirs = conflict.other.content[field];
			result[field] = choice === 'other' ? theirs : choice === 'both' ? combine(mine, theirs) : mine;
		}
		return result;
	}

	async save(): Promise<void> {
		const conflict = this.conflict;
		const merged = this.merged();
		if (!conflict || !merged) return;
		const parsed = parseDocument(merged);
		if (!parsed.ok) {
			this.problem = `That combination is not valid: ${parsed.reason}. Choose one version for that field.`;
			return;
		}
		try {
			await this.workspace.writer.resolve(this.id, parsed.doc as AppDoc, conflict.current.rev, [
				conflict.other.rev
			]);
			this.problem = undefined;
		} catch {
			this.problem = 'The versions changed while you were choosing (a sync came in). Look again and choose.';
		}
		await this.load();
	}
}
