import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../../support/server';

/** Talks to the server over HTTP, as a separate client: what the server holds, not what a page shows. */
export class ServerApi {
	private constructor(private readonly http: APIRequestContext) {}

	static async signIn(baseURL: string, name: string, password = DEMO_PASSWORD): Promise<ServerApi> {
		const http = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
		const response = await http.post('/api/session', { data: { name, password } });
		if (!response.ok()) throw new Error(`Sign-in as ${name} failed: ${response.status()}`);
		return new ServerApi(http);
	}

	async getDoc(id: string): Promise<Record<string, unknown> | undefined> {
		const response = await this.http.get(`/db/network/${encodeURIComponent(id)}`);
		if (response.status() === 404) return undefined;
		if (!response.ok()) throw new Error(`GET ${id}: ${response.status()}`);
		return (await response.json()) as Record<string, unknown>;
	}

	/** A document with its attachments inline (base64), as the server stores it. */
	async getDocWithAttachments(id: string): Promise<Record<string, unknown> | undefined> {
		const response = await this.http.get(`/db/network/${encodeURIComponent(id)}?attachments=true`);
		if (response.status() === 404) return undefined;
		if (!response.ok()) throw new Error(`GET ${id}: ${response.status()}`);
		return (await response.json()) as Record<string, unknown>;
	}

	async allIds(prefix: string): Promise<string[]> {
		const response = await this.http.get(
			`/db/network/_all_docs?startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`
		);
		const body = (await response.json()) as { rows: { id: string }[] };
		return body.rows.map((row) => row.id);
	}

	async status(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string): Promise<number> {
		const response = await this.http.fetch(path, { method });
		return response.status();
	}

	async dispose(): Promise<void> {
		await this.http.dispose();
	}
}
