/**
 * What a gateway test plants for nobody but the right person to read: a document with attachments in each
 * replicated database, a marker in each of the gateway's own, and checkpoints inside and outside each
 * account's namespace. The access matrix (matrix.test.ts) and the fuzzing (server-process.ts) plant them.
 */
import { newDoc } from '../../domain/envelope';
import { newDocId } from '../../domain/ids';
import type { DatabaseNames, GatewayContext } from '../context';
import { backendLocalId } from '../routes/db-checkpoints';
import { PNG_BASE64 } from './secrets';

/** The databases of a network by their public names, the gateway's own two included. */
export const PLANTED_DBS = ['network', 'signups', 'coproduce-accounts', 'coproduce-sessions'] as const;
export type PlantedDb = (typeof PLANTED_DBS)[number];

export interface Planting {
	/** The text of each database's planted document: a title in the replicated ones, a marker's note. */
	texts: Record<PlantedDb, string>;
	/** The note of `_local/x`, a checkpoint in no account's namespace. */
	rawCheckpoint: string;
	/** The note of each named account's checkpoint `x` in a database. */
	checkpoints(db: PlantedDb): Record<string, string>;
}

/** A photo, and a page that may only ever be served as a sandboxed download. */
const ATTACHMENTS = {
	'photo.png': { content_type: 'image/png', data: PNG_BASE64 },
	'page.html': { content_type: 'text/html', data: btoa('<script>alert(1)</script>') }
};

/** The store's name of a database. */
export function storeName(names: DatabaseNames, db: PlantedDb): string {
	if (db === 'coproduce-accounts') return names.accounts;
	if (db === 'coproduce-sessions') return names.sessions;
	return names.backendName(db);
}

/** Plants `planting` through the gateway's own store client; answers the planted document of each database. */
export async function plant(
	{ couch, names }: Pick<GatewayContext, 'couch' | 'names'>,
	{ texts, rawCheckpoint, checkpoints }: Planting
): Promise<Record<PlantedDb, string>> {
	const idea = newDoc('idea', 'chair', { title: texts.network, details: '' });
	// Not a sign-up the inbox could read: an idea's body under a sign-up's id, its text there to be missed.
	const signup = { ...idea, _id: newDocId('signup'), type: 'signup', title: texts.signups };
	const marker = (note: string) => ({ _id: 'marker:1', type: 'marker', note });
	const planted: Record<PlantedDb, { _id: string; [field: string]: unknown }> = {
		network: { ...idea, _attachments: ATTACHMENTS },
		signups: { ...signup, _attachments: ATTACHMENTS },
		'coproduce-accounts': marker(texts['coproduce-accounts']),
		'coproduce-sessions': marker(texts['coproduce-sessions'])
	};
	for (const db of PLANTED_DBS) {
		const store = storeName(names, db);
		await couch.put(store, planted[db]);
		await couch.put(store, { _id: '_local/x', note: rawCheckpoint });
		for (const [account, note] of Object.entries(checkpoints(db))) {
			await couch.put(store, { _id: backendLocalId(account, 'x'), note });
		}
	}
	return Object.fromEntries(PLANTED_DBS.map((db) => [db, planted[db]._id])) as Record<PlantedDb, string>;
}
