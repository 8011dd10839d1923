import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the database behind the gateway that drops the connection of its first requests. */
export interface FlakyBackend {
	/** Base URL, without a trailing slash. */
	url: string;
	/** Requests it has received, dropped ones included. */
	received(): number;
	close(): Promise<void>;
}

/** Drops the connection of its first `drops` requests without answering, then answers `{ ok: true }`. */
export async function flakyBackend(drops: number): Promise<FlakyBackend> {
	let received = 0;
	const server: Server = createServer((req, res) => {
		received++;
		if (received <= drops) {
			req.socket.destroy();
			return;
		}
		req.resume();
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ ok: true }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received: () => received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
