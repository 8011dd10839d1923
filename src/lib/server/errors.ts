/** How the server names an error in its log and its tools' output: the message, never a stack. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
