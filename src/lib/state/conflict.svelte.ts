import { localDate, MEETING_FIELD_LABELS, parseDocument, typeOfId, type AppDoc } from '$lib/domain';
import { say } from '$lib/domain-words.svelte';
import { formatter, nowIso, when } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { docPath } from '$lib/paths';
import { loadConflict, mentionedNames, type Conflict } from '$lib/store/conflicts';
import type { Workspace } from '$lib/store/workspace';

export type Choice = 'current' | 'other' | 'both';

/** Fields that say what a document is rather than what it holds: never offered as a choice. */
const FIXED = new Set(['_id', 'type', 'schemaVersion', 'author', 'createdAt', 'updatedAt']);

const FIELD_LABELS: Readonly<Record<string, () => string>> = {
	title: m.shell_field_title,
	details: m.shell_field_details,
	area: m.shell_field_area,
	tags: m.shell_field_tags,
	origin: m.shell_field_origin,
	links: m.shell_field_links,
	body: m.shell_field_body,
	hidden: m.shell_field_hidden,
	alt: m.shell_field_alt
};

/** A field's plain name (a meeting's fields are named by the domain, in English, and go through `say`). */
export function fieldLabel(field: string): string {
	const own = FIELD_LABELS[field];
	if (own) return own();
	const meeting = MEETING_FIELD_LABELS[field];
	return meeting ? say(meeting) : field;
}

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
	if (Array.isArray(value)) return value.length ? value.map(named).join(', ') : m.shell_value_none();
	if (typeof value === 'boolean') return value ? m.shell_value_yes() : m.shell_value_no();
	if (value === undefined || value === null || value === '') return m.shell_value_empty();
	return named(value);
}

/** One of the two versions as the page shows it: its letter, its content and when it was made. */
export interface VersionView {
	name: 'A' | 'B';
	content: Record<string, unknown>;
	/** When this version was saved, by the clock of the device it was made on ('' if not recorded). */
	savedAt: string;
	/** The document as first written, never changed since (so "written", not "changed", at `savedAt`). */
	unchanged: boolean;
	/** Saved after the other version. */
	later: boolean;
	/** Saved in the same minute as the other: its time is told to the second. */
	sameMinute: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The two versions, A the one this device shows now. */
function versionViews(conflict: Conflict): VersionView[] {
	const pair = [
		{ name: 'A' as const, content: conflict.current.content },
		{ name: 'B' as const, content: conflict.other.content }
	];
	const times = pair.map(({ content }) => text(content.updatedAt));
	const latest = times.reduce((a, b) => (b > a ? b : a));
	return pair.map(({ name, content }, i) => ({
		name,
		content,
		savedAt: times[i] ?? '',
		unchanged: times[i] === text(content.createdAt),
		later: Boolean(latest) && times[i] === latest && times[0] !== times[1],
		sameMinute: Boolean(latest) && times.every((time) => time.slice(0, 16) === latest.slice(0, 16))
	}));
}

const SECOND = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
/** Times to the second: today's ("14:05:10"), another day's ("3 Nov, 14:05:10"). */
const toTheSecond = {
	today: formatter((tag) => new Intl.DateTimeFormat(tag, SECOND)),
	other: formatter((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', ...SECOND }))
};

/** "Written today at …", "Changed on …": by whether the version was ever changed, and whether it was today. */
const SAVED = {
	written: { today: m.shell_conflict_written_today, other: m.shell_conflict_written_on },
	changed: { today: m.shell_conflict_changed_today, other: m.shell_conflict_changed_on }
};

/**
 * When a version was saved, in words: "Changed today at 14:05 (the later one)", "Written on 3 Nov, 14:05";
 * to the second when both were saved in the same minute.
 */
export function savedWords(version: VersionView, now?: Date): string {
	if (!version.savedAt) return m.shell_conflict_not_recorded();
	const day = localDate(version.savedAt) === localDate(now ?? nowIso()) ? 'today' : 'other';
	const time = version.sameMinute
		? toTheSecond[day]().format(Date.parse(version.savedAt))
		: when(version.savedAt, now);
	const saved = SAVED[version.unchanged ? 'written' : 'changed'][day]({ time });
	return version.later ? m.shell_conflict_later({ saved }) : saved;
}

/** How the page a document is shown on is named ("the idea “Ramps”"), by the kind of document it is. */
const PLACES: Record<string, (inputs: { name: string }) => string> = {
	idea: m.shell_place_idea,
	visit: m.shell_place_visit,
	meeting: m.shell_place_meeting,
	group: m.shell_place_group
};

/**
 * What the way back from a conflict is called: the document it leads to (the document itself, or what it
 * belongs to: a comment's idea, an observation's visit, a note's meeting) by its name; else the list it
 * leads to.
 */
export function placeName(
	id: string,
	content: Record<string, unknown>,
	names: ReadonlyMap<string, string>,
	path: string
): string {
	const own = text(content.title) || text(content.name) || text(content.siteName);
	for (const candidate of [id, content.ideaId, content.visitId, content.meetingId]) {
		if (typeof candidate !== 'string') continue;
		const place = PLACES[typeOfId(candidate) ?? ''];
		const name = candidate === id ? own : names.get(candidate);
		if (place && name) return place({ name });
	}
	if (path === '/sync') return m.shell_sync();
	if (path.startsWith('/meetings')) return m.shell_place_meetings();
	return path.startsWith('/visits') ? m.shell_place_visits() : m.shell_place_ideas();
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
	/** The document the way back is named from, and the names of those it mentions. */
	private backFrom = $state.raw<{ content: Record<string, unknown>; names: ReadonlyMap<string, string> }>();
	/** Who first wrote the document and when (the same in both versions: an author never changes). */
	written = $state.raw<{ by: string; at: string }>();
	/** What the documents the versions mention are called (their title or name), by id. */
	names = $state.raw<ReadonlyMap<string, string>>();

	constructor(
		private readonly workspace: Workspace,
		readonly id: string
	) {}

	/** What the page the way back leads to is called ("the idea “Ramps”"), for "Go back to …". */
	get backName(): string {
		const from = this.backFrom;
		return from ? placeName(this.id, from.content, from.names, this.backPath) : m.shell_sync();
	}

	/** The two versions, with when each was saved and which is the later. */
	get versions(): VersionView[] {
		return this.conflict ? versionViews(this.conflict) : [];
	}

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
			const { current, other } = this.conflict;
			this.names = await mentionedNames(this.workspace.ledger, current.content, other.content);
			this.leadBackTo(current.content, this.names);
			this.written = { by: text(current.content.author), at: text(current.content.createdAt) };
		} else if (!this.loaded) {
			const doc = await this.workspace.ledger.get(this.id);
			this.leadBackTo(doc ?? {}, await mentionedNames(this.workspace.ledger, doc ?? {}));
		}
		this.choices = Object.fromEntries(this.fields.map((field) => [field, 'current' as Choice]));
		this.resolvedAll = this.loaded && !this.conflict;
		this.loaded = true;
	}

	private leadBackTo(content: Record<string, unknown>, names: ReadonlyMap<string, string>): void {
		this.backPath = docPath(this.id, content);
		this.backFrom = { content, names };
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
			this.problem = m.shell_conflict_invalid({ reason: say(parsed.reason) });
			return;
		}
		try {
			await this.workspace.writer.resolve(this.id, parsed.doc as AppDoc, conflict.current.rev, [
				conflict.other.rev
			]);
			this.problem = undefined;
		} catch {
			this.problem = m.shell_conflict_changed_meanwhile();
		}
		await this.load();
	}
}
