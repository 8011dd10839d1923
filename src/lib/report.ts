/**
 * The client's one log line for a problem it has dealt with but that nobody sees on screen (a photo that
 * could not be read, a best-effort tidy-up that failed): the browser's console, where a developer or a
 * support call finds it. Problems the person must know about are shown, not reported here.
 */
export function reportProblem(what: string, error: unknown): void {
	console.warn(`Coproduce: ${what}`, error);
}
