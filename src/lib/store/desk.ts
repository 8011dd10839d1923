/**
 * The desk: the Dexie database of one account on this device (read models the projection fills, the search
 * index, and local-only tables: status rows, drafts, the sync journal, settings), and the device-wide database
 * that remembers who is signed in.
 */
import Dexie, { type EntityTable } from 'dexie';
import { MEETING_TABLES, type GroupRow, type MeetingPartRow, type MeetingRow } from './meeting-rows';
import { PROJECT_TABLES, type ProjectPartRow, type ProjectRow } from './project-rows';
import { GLOSSARY_TABLES, type GlossaryRow } from './glossary';
import {
	INVOLVEMENT_TABLES,
	type ClaimPartRow,
	type ClaimRow,
	type ExpenseRatesRow,
	type InvolvementRow,
	type OpportunityRow,
	type ProfileRow
} from './involvement-rows';
import {
	RECRUITMENT_STORES,
	type CoordinatorKeyRow,
	type EventRow,
	type InboxRow,
	type KeyringRow,
	type OutboxRow,
	type SentSignupRow
} from './recruitment';
import type { IdeaOrigin, IdeaStatus, KeyQuestion, ObservationKind, SessionInfo, Visit } from '$lib/domain';

/** A row of the ideas read model, projected from the ledger, with its discussion counted in. */
export interface IdeaRow {
	id: string;
	rev: string;
	title: string;
	details: string;
	author: string;
	createdAt: string;
	updatedAt: string;
	area: string;
	tags: string[];
	origin: IdeaOrigin;
	links: string[];
	/** Losing revisions PouchDB kept because two devices edited while apart. */
	conflicts: string[];
	status: IdeaStatus;
	supportCount: number;
	commentCount: number;
	/** The newest of: the idea's own change, a comment, a support, a status change. */
	lastActivityAt: string;
}

export interface CommentRow {
	id: string;
	rev: string;
	ideaId: string;
	parentId: string | null;
	author: string;
	body: string;
	hidden: boolean;
	createdAt: string;
	updatedAt: string;
	conflicts: string[];
}

export interface SupportRow {
	id: string;
	ideaId: string;
	author: string;
	createdAt: string;
}

export interface StatusRow {
	id: string;
	ideaId: string;
	author: string;
	to: IdeaStatus;
	reason: string;
	outcome: string;
	/** The outcome in easy read, when the person who wrote it gave one. */
	easyRead: string;
	projectId: string | null;
	/** A project named in words before projects were documents (see the status change's schema). */
	qiProject: string;
	createdAt: string;
}

export interface PhotoRow {
	id: string;
	rev: string;
	subject: string;
	alt: string;
	author: string;
	createdAt: string;
}

export interface VisitRow {
	id: string;
	rev: string;
	siteType: Visit['siteType'];
	siteName: string;
	date: string;
	visitors: string[];
	purpose: string;
	status: Visit['status'];
	template: Visit['template'];
	author: string;
	createdAt: string;
	conflicts: string[];
}

export interface ObservationRow {
	id: string;
	rev: string;
	visitId: string;
	text: string;
	kind: ObservationKind;
	keyQuestion: KeyQuestion | null;
	projectId: string | null;
	author: string;
	createdAt: string;
	updatedAt: string;
	conflicts: string[];
}

/** Words of a document, for finding ideas offline (a comment's words find its idea). */
export interface SearchRow {
	id: string;
	ideaId: string;
	words: string[];
}

/** Any document with conflicting revisions, whatever its type. */
export interface ConflictRow {
	id: string;
	type: string;
	revs: string[];
}

/**
 * Whether the server has confirmed a document. No row means the current revision came from (or was
 * confirmed by) the server. A null `rev` speaks for whatever revision is current (earlier versions of
 * the app wrote one while a ledger write was in flight; a refusal of a document no longer here has none).
 */
export interface DocStatusRow {
	id: string;
	rev: string | null;
	state: 'local' | 'denied';
	reason?: string;
	at: string;
}

export interface DraftRow {
	key: string;
	values: Record<string, unknown>;
	/** Photos chosen but not yet saved (already compressed, location stripped). */
	photos?: Blob[];
	/** Where a form has several sets of photos (a claim's lines), the set each of `photos` belongs to. */
	photoSets?: number[];
	/** The revision the draft was started from, for edits. */
	baseRev?: string;
	updatedAt: string;
}

export interface QuarantineRow {
	id: string;
	rev: string;
	reason: string;
	at: string;
}

export interface JournalRow {
	seq?: number;
	at: string;
	kind: 'state' | 'denied' | 'error' | 'quarantine' | 'storage' | 'confirmed';
	message: string;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/** The desk: local-only tables for one account on this device. Everything here can be rebuilt or is private. */
export class Desk extends Dexie {
	ideas!: EntityTable<IdeaRow, 'id'>;
	comments!: EntityTable<CommentRow, 'id'>;
	supports!: EntityTable<SupportRow, 'id'>;
	statuses!: EntityTable<StatusRow, 'id'>;
	photos!: EntityTable<PhotoRow, 'id'>;
	search!: EntityTable<SearchRow, 'id'>;
	conflicts!: EntityTable<ConflictRow, 'id'>;
	visits!: EntityTable<VisitRow, 'id'>;
	observations!: EntityTable<ObservationRow, 'id'>;
	groups!: EntityTable<GroupRow, 'id'>;
	meetings!: EntityTable<MeetingRow, 'id'>;
	meetingParts!: EntityTable<MeetingPartRow, 'id'>;
	projects!: EntityTable<ProjectRow, 'id'>;
	projectParts!: EntityTable<ProjectPartRow, 'id'>;
	glossary!: EntityTable<GlossaryRow, 'id'>;
	opportunities!: EntityTable<OpportunityRow, 'id'>;
	involvement!: EntityTable<InvolvementRow, 'id'>;
	profiles!: EntityTable<ProfileRow, 'id'>;
	claims!: EntityTable<ClaimRow, 'id'>;
	claimParts!: EntityTable<ClaimPartRow, 'id'>;
	expenseRates!: EntityTable<ExpenseRatesRow, 'id'>;
	events!: EntityTable<EventRow, 'id'>;
	coordinatorKeys!: EntityTable<CoordinatorKeyRow, 'id'>;
	outbox!: EntityTable<OutboxRow, 'id'>;
	sentSignups!: EntityTable<SentSignupRow, 'id'>;
	inbox!: EntityTable<InboxRow, 'id'>;
	keyring!: EntityTable<KeyringRow, 'keyId'>;
	docStatus!: EntityTable<DocStatusRow, 'id'>;
	drafts!: EntityTable<DraftRow, 'key'>;
	quarantine!: EntityTable<QuarantineRow, 'id'>;
	journal!: EntityTable<JournalRow, 'seq'>;
	settings!: EntityTable<SettingRow, 'key'>;

	constructor(name: string) {
		super(name);
		this.version(1).stores({
			ideas: 'id, createdAt, updatedAt, author, status, area, *tags, *links, supportCount, lastActivityAt',
			visits: 'id, date, status',
			observations: 'id, visitId, createdAt',
			comments: 'id, ideaId, createdAt',
			supports: 'id, ideaId, author',
			statuses: 'id, ideaId, createdAt',
			photos: 'id, subject',
			search: 'id, ideaId, *words',
			conflicts: 'id',
			docStatus: 'id, state',
			drafts: 'key',
			quarantine: 'id',
			journal: '++seq, at',
			settings: 'key'
		});
		// Meetings (meeting-rows.ts). Tables added in a later version merge with the ones above.
		this.version(2).stores(MEETING_TABLES);
		// Recruitment (recruitment.ts): events and keys are read models; outbox, sent log, inbox copy and
		// keyring are local (ciphertext and counts only).
		this.version(3).stores(RECRUITMENT_STORES);
		// Only the indexes something queries: each index is one more IndexedDB entry per row written (a
		// first sync writes thousands of rows). Lists sort by createdAt, supportCount and lastActivityAt and
		// filter in memory; visits find their ideas by link; search finds rows by word.
		this.version(4).stores({
			ideas: 'id, createdAt, supportCount, lastActivityAt, *links',
			search: 'id, *words'
		});
		// Projects (project-rows.ts), and the indexes that find what links to a project.
		this.version(5).stores(PROJECT_TABLES);
		// The glossary (glossary.ts).
		this.version(6).stores(GLOSSARY_TABLES);
		// Opportunities, profiles and expenses claims (involvement-rows.ts).
		this.version(7).stores(INVOLVEMENT_TABLES);
	}

	/** Tables that are the lists' projection of the ledger (projection.ts): cleared by its rebuild. */
	get readModels() {
		return [
			this.ideas,
			this.comments,
			this.supports,
			this.statuses,
			this.photos,
			this.conflicts,
			this.visits,
			this.observations,
			this.groups,
			this.meetings,
			this.meetingParts,
			this.projects,
			this.projectParts,
			this.glossary,
			this.opportunities,
			this.involvement,
			this.profiles,
			this.claims,
			this.claimParts,
			this.expenseRates,
			this.events,
			this.coordinatorKeys,
			this.quarantine
		];
	}

	async getSetting<T>(key: string): Promise<T | undefined> {
		return (await this.settings.get(key))?.value as T | undefined;
	}

	async setSetting(key: string, value: unknown): Promise<void> {
		await this.settings.put({ key, value });
	}
}

/** The ledger sequence the lists' projection has reached (projection.ts). */
export const PROJECTION_SEQ_KEY = 'projection.seq';
/** The ledger sequence the search index has caught up to (search-index.ts). */
export const SEARCH_SEQ_KEY = 'search.seq';
/** How far the search index has got while catching up (search-index.ts). */
export const SEARCH_PROGRESS_KEY = 'search.progress';
/** A position in the ledger's changes feed, as PouchDB gives it (a number in the browser's `idb` adapter). */
export type LedgerSeq = number | string;

const JOURNAL_LIMIT = 300;

/** Appends to the sync journal, keeping the newest entries only. */
export async function journal(desk: Desk, kind: JournalRow['kind'], message: string): Promise<void> {
	await desk.transaction('rw', desk.journal, async () => {
		await desk.journal.add({ at: new Date().toISOString(), kind, message });
		const count = await desk.journal.count();
		if (count > JOURNAL_LIMIT) {
			const oldest = await desk.journal
				.orderBy('seq')
				.limit(count - JOURNAL_LIMIT)
				.primaryKeys();
			await desk.journal.bulkDelete(oldest);
		}
	});
}

/** Device-wide storage: who is signed in on this device (so the app opens offline). */
export interface DeviceAccountRow {
	key: 'current';
	session: SessionInfo;
	signedInAt: string;
}

export class DeviceStore extends Dexie {
	account!: EntityTable<DeviceAccountRow, 'key'>;

	constructor(name = 'coproduce-device') {
		super(name);
		this.version(1).stores({ account: 'key' });
	}
}

export function deskName(account: string): string {
	return `coproduce-desk-${account}`;
}
