/** The glossary in the desk: its table (desk.ts, version 6), how terms land in it and how they are read. */
import type { GlossaryDocType, GlossaryTerm } from '$lib/domain';
import type { Desk } from './desk';
import type { Synced } from './meeting-query';
import { contentRow, type Writers } from './read-models';
import { withStatuses } from './status';

export type GlossaryRow = Omit<GlossaryTerm, '_id' | 'type' | 'schemaVersion'> & {
	id: string;
	rev: string;
	conflicts: string[];
};

/** Dexie table schema of the glossary read model (desk.ts, version 6). */
export const GLOSSARY_TABLES = { glossary: 'id, term' } as const;

export const glossaryWriters: Writers<GlossaryDocType> = {
	'glossary-term': (doc, { rev, conflicts }) => ({
		rows: { glossary: { ...contentRow(doc), rev, conflicts } }
	})
};

const byTerm = (a: GlossaryRow, b: GlossaryRow) =>
	a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base', numeric: true }) ||
	a.createdAt.localeCompare(b.createdAt);

/** Every term on the device, A to Z (the same term written twice: the older first). */
export async function loadGlossary(desk: Desk): Promise<GlossaryRow[]> {
	return (await desk.glossary.toArray()).sort(byTerm);
}

/** Every term A to Z with its sync status, for the glossary page. */
export async function loadGlossaryList(desk: Desk): Promise<Synced<GlossaryRow>[]> {
	return withStatuses(desk, await loadGlossary(desk));
}
