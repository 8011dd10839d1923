import { describe, expect, it } from 'vitest';
import { jsonTooDeep } from './http';
import { bodyProblem, checkQuery, documentProblem } from './replication-input';

const REV = '1-0123456789abcdef0123456789abcdef';

describe('checkQuery', () => {
	it('passes what PouchDB replication sends, re-encoded', () => {
		const changes = checkQuery('changes', 'style=all_docs&since=0&limit=100&feed=longpoll&heartbeat=10000');
		expect(changes).toMatchObject({ ok: true });
		expect(checkQuery('changes', 'since=12-g1AAAABteJzLYWBgYMpgTmHg_-x')).toMatchObject({ ok: true });
		expect(
			checkQuery('docRead', `revs=true&open_revs=${encodeURIComponent(`["${REV}"]`)}&latest=true`)
		).toMatchObject({
			ok: true
		});
		const keys = checkQuery('allDocs', `keys=${encodeURIComponent('["idea:1"]')}&include_docs=true`);
		if (!keys.ok) throw new Error(keys.reason);
		expect(keys.query.toString()).toBe('keys=%5B%22idea%3A1%22%5D&include_docs=true');
		expect(checkQuery('bulkGet', 'revs=true&latest=true&_nonce=1700000000000')).toMatchObject({ ok: true });
	});

	it('refuses unknown, repeated and malformed parameters with a reason', () => {
		for (const [route, query] of [
			['docRead', 'open_revs=garbage'],
			['docRead', 'open_revs=%5B5%5D'],
			['docRead', 'rev=1-xyz'],
			['changes', 'since=0&since=1'],
			['changes', 'limit=-1'],
			['changes', 'style=everything'],
			['changes', 'doc_ids=5&filter=_doc_ids'],
			['changes', `doc_ids=${encodeURIComponent('["a"]')}`],
			['changes', 'view=x'],
			['allDocs', 'keys=5'],
			['allDocs', 'include_docs=yes'],
			['allDocs', 'key=%E0%A4%A'],
			['info', 'x=1'],
			['info', '__proto__=x'],
			['changes', 'constructor=x'],
			['bulkDocs', 'new_edits=false']
		] as const) {
			expect(checkQuery(route, query), `${route} ${query}`).toMatchObject({
				ok: false,
				reason: expect.any(String)
			});
		}
	});
});

describe('bodyProblem', () => {
	it('passes the bodies replication sends', () => {
		expect(bodyProblem('bulkGet', { docs: [{ id: 'idea:1', rev: REV }] })).toBeUndefined();
		expect(bodyProblem('revsDiff', { 'idea:1': [REV] })).toBeUndefined();
		expect(bodyProblem('allDocs', { keys: ['idea:1'] })).toBeUndefined();
		expect(bodyProblem('changes', { doc_ids: ['idea:1'] })).toBeUndefined();
		const replicated = { _id: 'idea:1', _rev: REV, _revisions: { start: 1, ids: [REV.slice(2)] } };
		expect(bodyProblem('bulkDocs', { docs: [replicated], new_edits: false })).toBeUndefined();
	});

	it('refuses the wrong shapes that used to reach the store', () => {
		for (const [route, body] of [
			['bulkGet', { docs: 'x' }],
			['bulkGet', { docs: [null] }],
			['bulkGet', { docs: [{ id: 5 }] }],
			['revsDiff', { 'idea:1': 'x' }],
			['allDocs', { keys: 5 }],
			['changes', { doc_ids: 5 }],
			['bulkDocs', { docs: 'x' }],
			['bulkDocs', { docs: [{ _id: 'idea:1', _revisions: 'x', _rev: REV }], new_edits: false }],
			[
				'bulkDocs',
				{ docs: [{ _id: 'idea:1', _rev: '1-abc', _revisions: { start: 1, ids: [] } }], new_edits: false }
			],
			['bulkDocs', { docs: [{ _id: 'idea:1', _deleted: 'true' }] }],
			['bulkDocs', { docs: [{ _id: 'idea:1', _foo: 1 }] }]
		] as const) {
			expect(bodyProblem(route, body), `${route} ${JSON.stringify(body)}`).toEqual(expect.any(String));
		}
	});

	it('checks a document written with PUT against new_edits and rev in the query', () => {
		const doc = { _id: 'idea:1', _rev: '1-abc', _revisions: { start: 1, ids: [] } };
		expect(documentProblem(doc, new URLSearchParams('new_edits=false'))).toEqual(expect.any(String));
		expect(documentProblem({ _id: 'idea:1', _rev: REV }, new URLSearchParams('rev=1-abc'))).toEqual(
			'The rev parameter and _rev differ'
		);
		expect(documentProblem({ _id: 'idea:1' }, new URLSearchParams())).toBeUndefined();
	});
});

describe('jsonTooDeep', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);
	it('counts nesting outside strings only', () => {
		expect(jsonTooDeep(bytes('[[[1]]]'), 3)).toBe(false);
		expect(jsonTooDeep(bytes('[[[[1]]]]'), 3)).toBe(true);
		expect(jsonTooDeep(bytes('{"a":"[[[[[[\\"[[[["}'), 3)).toBe(false);
		expect(jsonTooDeep(bytes('['.repeat(100_000)))).toBe(true);
	});
});
