/**
 * Sends one request to the backend with `fetch`. When the connection fails before any answer and the
 * request is safe to send twice (`repeatable`: it changes nothing, or it sends revisions the backend takes
 * only once), it is sent once more: under load, the backend can close a kept-alive connection just as a
 * request goes out on it, which is no reason to fail a device's sync with a 502. An aborted request (its
 * device went away) stays aborted: `fetch` refuses to send it again.
 */
export async function sendToBackend(url: string, init: RequestInit, repeatable: boolean): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		if (!repeatable) throw error;
		return fetch(url, init);
	}
}

/** GET and HEAD: requests that only read, whatever their path (so they are also safe to send twice). */
export function readsOnly(method: string): boolean {
	return method === 'GET' || method === 'HEAD';
}
