/**
 * Defence in depth for CouchDB: even someone who reaches CouchDB directly (a port left open, a stolen
 * network position) without the server's admin credentials can neither read nor write.
 *
 * - `_security`: admins and members are both the `_admin` role only. (Careful: a security object with
 *   EMPTY members makes a CouchDB database public. Naming `_admin` as the only member role is what
 *   CouchDB 3's own `default_security = admin_only` does.)
 * - `_design/coproduce-gateway` with a `validate_doc_update` that refuses every write not made by a
 *   server admin (only the gateway holds those credentials) and, for documents, any whose `_id` does not
 *   start with its `type` and a colon. Deletions pass (a tombstone has no type). CouchDB runs it on every
 *   write, replicated ones (`new_edits: false`) included; design documents are written by admins only.
 */

export const SECURITY_OBJECT = {
	admins: { names: [], roles: ['_admin'] },
	members: { names: [], roles: ['_admin'] }
} as const;

export const VALIDATION_DESIGN_ID = '_design/coproduce-gateway';

/** The function CouchDB runs on each write, as source (CouchDB's JavaScript engine runs it, not Node). */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (!userCtx || !userCtx.roles || userCtx.roles.indexOf('_admin') === -1) {
    throw({ forbidden: 'Only the Coproduce gateway writes to this database.' });
  }
  if (newDoc._deleted === true) return;
  if (typeof newDoc.type !== 'string' || newDoc.type === '' || newDoc._id.indexOf(newDoc.type + ':') !== 0) {
    throw({ forbidden: 'A document needs a type, and an _id that starts with it and a colon.' });
  }
}`;

export function validationDesignDoc(): { _id: string; language: string; validate_doc_update: string } {
	return { _id: VALIDATION_DESIGN_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE };
}

async function json(response: Response): Promise<unknown> {
	const text = await response.text();
	try {
		return text ? (JSON.parse(text) as unknown) : undefined;
	} catch {
		return undefined;
	}
}

/** Sets the security object and installs (or updates) the validation design document of one database. */
export async function secureCouchDatabase(
	url: string,
	headers: Readonly<Record<string, string>>,
	name: string
): Promise<void> {
	const base = `${url}/${encodeURIComponent(name)}`;
	const jsonHeaders = { ...headers, 'content-type': 'application/json', accept: 'application/json' };

	const security = await fetch(`${base}/_security`, {
		method: 'PUT',
		headers: jsonHeaders,
		body: JSON.stringify(SECURITY_OBJECT)
	});
	await security.body?.cancel();
	if (!security.ok) throw new Error(`Could not set _security on ${name}: HTTP ${security.status}`);

	const designUrl = `${base}/${VALIDATION_DESIGN_ID}`;
	const wanted = validationDesignDoc();
	for (let attempt = 0; attempt < 3; attempt++) {
		const current = await fetch(designUrl, { headers: jsonHeaders });
		const body = (await json(current)) as { _rev?: string; validate_doc_update?: string } | undefined;
		if (current.ok && body?.validate_doc_update === wanted.validate_doc_update) return;
		if (!current.ok && current.status !== 404) {
			throw new Error(`Could not read ${VALIDATION_DESIGN_ID} of ${name}: HTTP ${current.status}`);
		}
		const put = await fetch(designUrl, {
			method: 'PUT',
			headers: jsonHeaders,
			body: JSON.stringify(current.ok && body?._rev ? { ...wanted, _rev: body._rev } : wanted)
		});
		await put.body?.cancel();
		if (put.ok) return;
		if (put.status !== 409)
			throw new Error(`Could not install ${VALIDATION_DESIGN_ID} in ${name}: HTTP ${put.status}`);
	}
	throw new Error(`Could not install ${VALIDATION_DESIGN_ID} in ${name}: it keeps changing`);
}
