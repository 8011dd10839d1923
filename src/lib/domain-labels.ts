import type { Message, Shaped } from './domain-words';

/**
 * The domain's labels and sentences a screen shows as they come (field names in a conflict, a chart's
 * summary, a measure's headings): messages/labels/, for `say`. Validation messages and the answers of the
 * store, sync and server are in domain-words.ts.
 */
export const LABELS: readonly (Message | Shaped)[] = [];
