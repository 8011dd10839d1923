/**
 * The gateway in a process of its own, for gateway.fuzz.test.ts: a request that crashes the server ends
 * this process (which the test sees and reports), not the test worker. Started with `node --import tsx`;
 * options come in FUZZ_SERVER (JSON). It plants secret markers where no member may read them (chair's
 * private documents among them), then sends
 * `{ url, ids }` to its parent and stops when the parent sends 'close'.
 */
import { startServer, type ServerOptions } from '../app';
import { plant } from './plant';
import { memberPrivateDocs, opportunityDoc, posterPrivateDocs } from './private-docs';
import { ALWAYS_SECRET_DOC, SECRETS } from './secrets';

const options = JSON.parse(process.env.FUZZ_SERVER ?? '{}') as Omit<ServerOptions, 'log' | 'port'>;
const server = await startServer({
	...options,
	port: 0,
	log: (message) => process.stdout.write(message + '\n')
});
// A network idea with attachments (legitimately readable), and a sign-up nobody but coordinators may read;
// one checkpoint outside every account's namespace, and one of another account (chair, coordinator).
const planted = await plant(server.internals, {
	texts: {
		network: 'An idea with a photo',
		signups: SECRETS.signups,
		'coproduce-accounts': SECRETS.accounts,
		'coproduce-sessions': SECRETS.sessions
	},
	rawCheckpoint: ALWAYS_SECRET_DOC,
	checkpoints: () => ({ chair: SECRETS.otherCheckpoint, coordinator: SECRETS.otherCheckpoint })
});
// Chair's private documents (no fuzzing principal's), and what passes between chair and a poster.
const opportunity = opportunityDoc('coordinator');
const privateDocs = [
	...memberPrivateDocs('chair', 'coordinator', SECRETS.othersPrivate),
	...posterPrivateDocs(opportunity, 'chair', SECRETS.othersPrivate)
];
const network = server.internals.names.backendName('network');
await server.internals.couch.bulkDocs(network, [opportunity, ...privateDocs]);
const ids = {
	withAttachments: planted.network,
	signup: planted.signups,
	othersPrivate: privateDocs.map((doc) => doc._id)
};

process.send?.({ url: server.url, ids });
process.on('message', (message) => {
	if (message !== 'close') return;
	void server.close().finally(() => process.exit(0));
});
process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
