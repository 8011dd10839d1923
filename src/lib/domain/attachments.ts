/**
 * What attachments a document type may carry. A type with no rule here carries none: the client and the
 * gateway both refuse an `_attachments` field on it. Attachments travel inside their document (base64 in
 * `_attachments`, which is how PouchDB replication sends them), so `decideWrite` sees and checks them.
 */
export interface AttachmentRule {
	/** Allowed MIME types, lower case, without parameters. */
	contentTypes: readonly string[];
	/** Largest size of one attachment, in bytes. */
	maxBytes: number;
	/** Most attachments on one document. */
	maxCount: number;
	/** When set, the only attachment names allowed (e.g. `['image']` for a one-photo document). */
	names?: readonly string[];
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Photos from a phone, resized on the device before they are attached. */
export const PHOTO_ATTACHMENTS: AttachmentRule = {
	contentTypes: IMAGE_TYPES,
	maxBytes: 2 * 1024 * 1024,
	maxCount: 10
};

/** One photo, made smaller on the device (a photo of an idea or an observation, a receipt). */
const ONE_PHOTO: AttachmentRule = {
	...PHOTO_ATTACHMENTS,
	names: ['image'],
	maxCount: 1,
	maxBytes: 1_500_000
};

/** Attachment rules by document type: only photos and receipts carry a file (one image each). */
export const ATTACHMENT_RULES: Readonly<Record<string, AttachmentRule>> = {
	photo: ONE_PHOTO,
	receipt: ONE_PHOTO
};

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded size of a base64 string (without decoding it). */
function base64Bytes(data: string): number {
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.floor((data.length * 3) / 4) - padding;
}

/** The image type the first bytes say, whatever the declared type claims. */
function sniffImage(data: string): string | undefined {
	let head: string;
	try {
		head = atob(data.slice(0, 16));
	} catch {
		return undefined;
	}
	const bytes = Array.from(head, (c) => c.charCodeAt(0));
	const starts = (...expected: number[]) => expected.every((b, i) => bytes[i] === b);
	if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (head.slice(0, 4) === 'RIFF' && head.slice(8, 12) === 'WEBP') return 'image/webp';
	return undefined;
}

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Why the `_attachments` of a document of `type` are not acceptable, or undefined if they are (or there
 * are none). Stubs (`stub: true`, an attachment the server already holds) are checked by their declared
 * type and length; new attachments by their data, whose first bytes must match the declared image type.
 */
export function attachmentsProblem(
	type: string,
	attachments: unknown,
	rules: Readonly<Record<string, AttachmentRule>> = ATTACHMENT_RULES
): string | undefined {
	if (attachments === undefined) return undefined;
	const rule = Object.hasOwn(rules, type) ? rules[type] : undefined;
	if (!isRecord(attachments)) return 'Attachments must be an object';
	const entries = Object.entries(attachments);
	if (entries.length === 0) return undefined;
	if (!rule) return 'Attachments are not allowed';
	if (entries.length > rule.maxCount) return `No more than ${rule.maxCount} attachments are allowed`;
	for (const [name, attachment] of entries) {
		if (!name || name.length > 200 || name.startsWith('_') || (rule.names && !rule.names.includes(name))) {
			return `An attachment called "${name}" is not allowed here`;
		}
		if (!isRecord(attachment)) return `The attachment "${name}" is malformed`;
		const declared = typeof attachment.content_type === 'string' ? attachment.content_type : '';
		const contentType = declared.split(';')[0]?.trim().toLowerCase() ?? '';
		if (!rule.contentTypes.includes(contentType)) {
			return `The attachment "${name}" must be one of: ${rule.contentTypes.join(', ')}`;
		}
		if (attachment.stub === true) {
			if (typeof attachment.length === 'number' && attachment.length > rule.maxBytes) {
				return `The attachment "${name}" is larger than ${formatBytes(rule.maxBytes)}`;
			}
			continue;
		}
		if (attachment.follows === true) return `The attachment "${name}" must be sent inline`;
		const data = attachment.data;
		if (typeof data !== 'string' || data.length === 0 || data.length % 4 !== 0 || !BASE64.test(data)) {
			return `The attachment "${name}" must carry its data in base64`;
		}
		if (base64Bytes(data) > rule.maxBytes) {
			return `The attachment "${name}" is larger than ${formatBytes(rule.maxBytes)}`;
		}
		if (contentType.startsWith('image/') && sniffImage(data) !== contentType) {
			return `The attachment "${name}" is not a ${contentType.slice('image/'.length).toUpperCase()} image`;
		}
	}
	return undefined;
}
