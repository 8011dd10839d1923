/**
 * Replicated documents (ideas, the project types of project-docs.ts and glossary terms) with generated revision trees
 * (`_rev`, `_revisions`, `_deleted`, extra fields).
 */
import fc from 'fast-check';
import { idea } from '../../../../tests/support/raw-docs';
import { glossaryDoc } from './glossary-docs';
import { docId, principal } from './paths';
import { PROJECT_DOC_TYPES, projectDoc, type ProjectDocType } from './project-docs';
import { described, type FuzzRequest } from './request';

const hex = (length: number) =>
	fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

const rev: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), hex(32)).map(([n, h]) => `${n}-${h}`), weight: 3 },
	{
		arbitrary: fc.constantFrom(
			'1-abc',
			'0-x',
			'a-b',
			'',
			'1-',
			'-1-abc',
			'1-ABC',
			'99999999999999999999-abc',
			'1-a-b',
			'1'
		),
		weight: 3
	},
	{ arbitrary: fc.constantFrom(5, 0, -1, 1.5, null, true, {}, [], { start: 1 }, ['1-abc']), weight: 1 }
);

const revisionIds: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: fc.array(hex(32), { maxLength: 3 }), weight: 3 },
	{ arbitrary: fc.constant([]), weight: 2 },
	{
		arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null), fc.integer()), {
			maxLength: 3
		}),
		weight: 2
	},
	{ arbitrary: fc.constantFrom(5, 'abc', null, {}, [null], [[]], ['abc']), weight: 1 }
);

const revisions: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: fc.constant({ start: 1, ids: [] }), weight: 2 },
	{ arbitrary: fc.constant({ start: 'a', ids: 5 }), weight: 1 },
	{
		arbitrary: fc.record(
			{
				start: fc.oneof(
					fc.integer({ min: -2, max: 5 }),
					fc.constantFrom(1e300, -0, 1.5, 'a', '1', null, [], {}, Number.MAX_SAFE_INTEGER)
				),
				ids: revisionIds
			},
			{ requiredKeys: [] }
		),
		weight: 6
	},
	{ arbitrary: fc.constantFrom(null, [], 'x', 5, true), weight: 1 }
);

const underscoreExtras: fc.Arbitrary<Record<string, unknown>> = fc.record(
	{
		_foo: fc.jsonValue({ maxDepth: 1 }),
		_conflicts: fc.oneof(fc.constant(['1-abc']), fc.jsonValue({ maxDepth: 1 })),
		_deleted_conflicts: fc.constant(['1-abc']),
		_revs_info: fc.constant([{ rev: '1-abc', status: 'available' }]),
		_local_seq: fc.constant(5),
		_attachments: fc.oneof(
			fc.constantFrom(5, 'x', null, [], {}, { a: null }, { 'a.txt': 5 }, { 'a.txt': { stub: true } }),
			fc.constant({ 'a.txt': { content_type: 'text/plain', data: 'not base64!' } }),
			fc.constant({ 'a.png': { content_type: 'image/png', stub: true, revpos: 'x', digest: 5 } }),
			fc.jsonValue({ maxDepth: 2 })
		)
	},
	{ requiredKeys: [] }
);

const deleted: fc.Arbitrary<unknown> = fc.constantFrom(true, 'true', 1, 0, 'yes', false, null, [true]);

/** The demo project the member is on the team of, and its measure (placeholders the test replaces). */
const PROJECT_REF = { projectId: '@PROJECT@', measureId: '@MEASURE@' };

/** Ids for a replicated document of a project type: new ones, the demo project's, and wrong ones. */
const projectTypeId = (type: ProjectDocType, author: string): fc.Arbitrary<string> =>
	type === 'project-request'
		? fc.constantFrom(`project-request:@PROJECTKEY@:${author}`, 'project-request:@PROJECTKEY@:chair')
		: fc.oneof(
				{ arbitrary: docId(type), weight: 4 },
				{ arbitrary: fc.constant(type === 'project' ? '@PROJECT@' : `${type}:`), weight: 1 }
			);

/**
 * The content of a replicated document: a valid new idea of `author` (most often), a project, a request
 * to join, a PDSA cycle or a figure of the demo project, which the member may write and the recruiter not,
 * or a glossary term, which neither may.
 */
const replicatedBody = (
	author: string
): fc.Arbitrary<{ id: string; body: (id: string) => Record<string, unknown> }> =>
	fc.oneof(
		{
			arbitrary: fc
				.record({
					id: fc.oneof(
						{ arbitrary: docId('idea'), weight: 4 },
						{ arbitrary: fc.constantFrom('@MINE@', '@CHAIRS@'), weight: 2 },
						{ arbitrary: fc.constantFrom('_design/x', '_local/x', 'idea:', '', 'signup:x'), weight: 1 }
					),
					title: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim().length > 0)
				})
				.map(({ id, title }) => ({
					id,
					// Raw, not through the envelope: the id may be one no valid document has.
					body: (_id: string) => idea(author, title, { _id, createdAt: AT, updatedAt: AT })
				})),
			weight: 3
		},
		{
			arbitrary: fc.constantFrom(...PROJECT_DOC_TYPES).chain((type) =>
				projectTypeId(type, author).map((id) => ({
					id,
					body: (_id: string) => projectDoc(type, author, _id, PROJECT_REF)
				}))
			),
			weight: 1
		},
		{
			// Only coordinators keep the glossary: refused from every principal here.
			arbitrary: docId('glossary-term').map((id) => ({
				id,
				body: (_id: string) => glossaryDoc(author, _id)
			})),
			weight: 1
		}
	);

const AT = '2026-01-02T03:04:05.000Z';

/** A document for replication (`new_edits: false`): a valid new document of `author` plus a generated revision tree. */
const replicatedDoc = (author: string): fc.Arbitrary<Record<string, unknown>> =>
	fc
		.record(
			{
				content: replicatedBody(author),
				rev: fc.option(rev, { freq: 5 }),
				revisions: fc.option(revisions, { freq: 6 }),
				deleted: fc.option(deleted, { freq: 2 }),
				tombstone: fc.boolean(),
				extras: fc.option(underscoreExtras, { freq: 2 })
			},
			{ requiredKeys: ['content', 'tombstone'] }
		)
		.map(({ content, rev, revisions, deleted, tombstone, extras }) => {
			const doc: Record<string, unknown> = tombstone
				? { _id: content.id, _deleted: true }
				: content.body(content.id);
			if (rev !== null && rev !== undefined) doc._rev = rev;
			if (revisions !== null && revisions !== undefined) doc._revisions = revisions;
			if (deleted !== null && deleted !== undefined) doc._deleted = deleted;
			return { ...doc, ...(extras ?? {}) };
		});

/** `_bulk_docs` with `new_edits: false`, and `PUT …?new_edits=false`, carrying generated revision trees. */
export const revisionTreeRequest: fc.Arbitrary<FuzzRequest> = principal.chain((who) => {
	const author = who === 'anonymous' ? 'member' : who;
	return fc.oneof(
		fc
			.tuple(
				fc.array(replicatedDoc(author), { minLength: 1, maxLength: 3 }),
				fc.constantFrom(false, false, 'false', 0, undefined)
			)
			.map(([docs, newEdits]) =>
				described({
					principal: who,
					method: 'POST',
					path: '/db/network/_bulk_docs',
					body: JSON.stringify({ docs, ...(newEdits === undefined ? {} : { new_edits: newEdits }) })
				})
			),
		fc
			.tuple(
				replicatedDoc(author),
				fc.constantFrom('?new_edits=false', '?new_edits=false&rev=1-abc', '?new_edits=0', '')
			)
			.map(([doc, query]) =>
				described({
					principal: who,
					method: 'PUT',
					path: `/db/network/${/@[A-Z]+@/.test(String(doc._id)) ? String(doc._id) : encodeURIComponent(String(doc._id))}${query}`,
					body: JSON.stringify(doc)
				})
			)
	);
});
