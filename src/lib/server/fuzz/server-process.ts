/**
 * The gateway in a process of its own, for gateway.fuzz.test.ts: a request that crashes the server ends
 * this process (which the test sees and reports), not the test worker. Started with `node --import tsx`;
 * options come in FUZZ_SERVER (JSON). It plants secret markers where no member may read them, then sends
 * `{ url, ids }` to its parent and stops when the parent sends 'close'.
 */
import { newDocId } from '../../domain/ids';
import { startServer, type ServerOptions } from '../app';
import { backendLocalId } from '../routes/db-checkpoints';
import { ALWAYS_SECRET_DOC, PNG_BASE64, SECRETS } from './secrets';

const options = JSON.parse(process.env.FUZZ_SERVER ?? '{}') as Omit<ServerOptions, 'log' | 'port'>;
const server = await startServer({
	...options,
	port: 0,
	log: (message) => process.stdout.write(message + '\n')
});
const { couch, names } = server.internals;
const now = new Date().toISOString();

// A network idea with attachments (legitimately readable), and a sign-up nobody but coordinators may read.
const attachments = {
	'photo.png': { content_type: 'image/png', data: PNG_BASE64 },
	'page.html': { content_type: 'text/html', data: btoa('<script>alert(1)</script>') }
};
const withAttachments = newDocId('idea');
await couch.put(names.backendName('network'), {
	_id: withAttachments,
	type: 'idea',
	schemaVersion: 1,
	author: 'chair',
	createdAt: now,
	updatedAt: now,
	title: 'An idea with a photo',
	details: '',
	_attachments: attachments
});
const signup = newDocId('signup');
await couch.put(names.backendName('signups'), {
	_id: signup,
	type: 'signup',
	schemaVersion: 1,
	author: 'chair',
	createdAt: now,
	updatedAt: now,
	title: SECRETS.signups,
	details: '',
	_attachments: attachments
});
await couch.put(names.accounts, { _id: 'marker:1', type: 'marker', note: SECRETS.accounts });
await couch.put(names.sessions, { _id: 'marker:1', type: 'marker', note: SECRETS.sessions });
for (const db of [
	names.backendName('network'),
	names.backendName('signups'),
	names.accounts,
	names.sessions
]) {
	// One checkpoint outside every account's namespace, and one of another account (chair).
	await couch.put(db, { _id: '_local/x', note: ALWAYS_SECRET_DOC });
	await couch.put(db, { _id: backendLocalId('chair', 'x'), note: SECRETS.otherCheckpoint });
	await couch.put(db, { _id: backendLocalId('coordinator', 'x'), note: SECRETS.otherCheckpoint });
}

process.send?.({ url: server.url, ids: { withAttachments, signup } });
process.on('message', (message) => {
	if (message !== 'close') return;
	void server.close().finally(() => process.exit(0));
});
process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
