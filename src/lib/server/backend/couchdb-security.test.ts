import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { couchdbBackend } from './couchdb';
import { SECURITY_OBJECT, VALIDATE_DOC_UPDATE, VALIDATION_DESIGN_ID } from './couchdb-security';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;

/** CouchDB runs the function's source in its own engine; Node runs the same source for this test. */
const validate = new Function(`return (${VALIDATE_DOC_UPDATE});`)() as Validate;

function refusal(newDoc: unknown, roles: string[]): unknown {
	try {
		validate(newDoc, null, { db: 'network', name: roles.includes('_admin') ? 'admin' : 'eve', roles }, {});
		return undefined;
	} catch (thrown) {
		return thrown;
	}
}

describe('CouchDB defence in depth', () => {
	it('keeps every database to admins: empty members would make it public', () => {
		expect(SECURITY_OBJECT.members.roles).toEqual(['_admin']);
		expect(SECURITY_OBJECT.admins.roles).toEqual(['_admin']);
	});

	it('validate_doc_update refuses non-admins and documents whose id does not start with their type', () => {
		const idea = { _id: 'idea:01ARZ3NDEKTSV4RRFFQ69G5FAV', type: 'idea' };
		expect(refusal(idea, ['_admin'])).toBeUndefined();
		expect(refusal({ _id: 'x', _deleted: true }, ['_admin'])).toBeUndefined();
		expect(refusal(idea, [])).toEqual({ forbidden: 'Only the Coproduce gateway writes to this database.' });
		expect(refusal(idea, ['member', 'coordinator'])).toMatchObject({ forbidden: expect.any(String) });
		expect(refusal({ _id: 'x', _deleted: true }, [])).toMatchObject({ forbidden: expect.any(String) });
		for (const doc of [
			{ _id: 'idea:1' },
			{ _id: 'idea:1', type: '' },
			{ _id: 'ideas:1', type: 'idea' },
			{ _id: 'comment:1', type: 'idea' },
			{ _id: 'idea', type: 'idea' }
		]) {
			expect(refusal(doc, ['_admin']), JSON.stringify(doc)).toEqual({
				forbidden: 'A document needs a type, and an _id that starts with it and a colon.'
			});
		}
		// The gateway's own documents pass.
		for (const doc of [
			{ _id: 'account:ada', type: 'account' },
			{ _id: 'session:abc', type: 'session' },
			{ _id: 'meta:server', type: 'meta' }
		]) {
			expect(refusal(doc, ['_admin'])).toBeUndefined();
		}
	});

	// Needs a real CouchDB 3: COUCHDB_TEST_URL=http://admin:pw@127.0.0.1:5984
	const couchdbTestUrl = process.env.COUCHDB_TEST_URL;
	it.runIf(couchdbTestUrl)('secures each database it creates, idempotently', async () => {
		const backend = await couchdbBackend(couchdbTestUrl ?? '');
		const name = `t${randomBytes(4).toString('hex')}-secured`;
		const dbUrl = `${backend.url}/${name}`;
		try {
			await backend.ensureDatabase(name);
			await backend.ensureDatabase(name);
			const security = await fetch(`${dbUrl}/_security`, { headers: backend.headers });
			expect(await security.json()).toEqual(SECURITY_OBJECT);
			const design = (await (
				await fetch(`${dbUrl}/${VALIDATION_DESIGN_ID}`, { headers: backend.headers })
			).json()) as {
				_rev: string;
				validate_doc_update: string;
			};
			expect(design.validate_doc_update).toBe(VALIDATE_DOC_UPDATE);
			expect(design._rev).toMatch(/^1-/);
			// Without credentials: nothing.
			expect((await fetch(`${dbUrl}/_all_docs`)).status).toBe(401);
			// With them, the validation still refuses a document whose id does not match its type.
			const put = (doc: Record<string, unknown>) =>
				fetch(`${dbUrl}/${encodeURIComponent(String(doc._id))}`, {
					method: 'PUT',
					headers: { ...backend.headers, 'content-type': 'application/json' },
					body: JSON.stringify(doc)
				});
			expect((await put({ _id: 'x', type: 'idea' })).status).toBe(403);
			expect((await put({ _id: 'idea:1', type: 'idea' })).status).toBe(201);
		} finally {
			await fetch(dbUrl, { method: 'DELETE', headers: backend.headers });
			await backend.close();
		}
	});
});
