import { describe, expect, it } from 'vitest';
import { makeIdea } from '../../../tests/factories';
import { attachmentsProblem, PHOTO_ATTACHMENTS, type AttachmentRule } from './attachments';
import { decideWrite, mayChange } from './rules';

const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const JPEG = btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1));
const rules: Record<string, AttachmentRule> = {
	visit: PHOTO_ATTACHMENTS,
	one: { ...PHOTO_ATTACHMENTS, maxCount: 1 }
};

describe('attachmentsProblem', () => {
	it('refuses attachments on types without a rule (every type today)', () => {
		expect(attachmentsProblem('idea', undefined)).toBeUndefined();
		expect(attachmentsProblem('idea', {})).toBeUndefined();
		expect(attachmentsProblem('idea', { 'a.png': { content_type: 'image/png', data: PNG } })).toBe(
			'Attachments are not allowed'
		);
		expect(attachmentsProblem('toString', { 'a.png': { content_type: 'image/png', data: PNG } })).toBe(
			'Attachments are not allowed'
		);
	});

	it('allows images of the allowed types whose bytes match the declared type', () => {
		expect(
			attachmentsProblem('visit', { 'a.png': { content_type: 'image/png', data: PNG } }, rules)
		).toBeUndefined();
		expect(
			attachmentsProblem('visit', { 'b.jpg': { content_type: 'image/jpeg', data: JPEG } }, rules)
		).toBeUndefined();
		expect(
			attachmentsProblem('visit', { 'a.png': { content_type: 'image/jpeg', data: PNG } }, rules)
		).toMatch(/not a JPEG image/);
		expect(
			attachmentsProblem('visit', { 'x.svg': { content_type: 'image/svg+xml', data: btoa('<svg/>') } }, rules)
		).toMatch(/must be one of/);
		expect(
			attachmentsProblem('visit', { 'x.html': { content_type: 'text/html', data: btoa('<script>') } }, rules)
		).toMatch(/must be one of/);
	});

	it('limits size, count, names and encoding', () => {
		const big = 'A'.repeat(Math.ceil((2 * 1024 * 1024 + 3) / 3) * 4);
		expect(attachmentsProblem('visit', { 'a.png': { content_type: 'image/png', data: big } }, rules)).toMatch(
			/larger than 2 MB/
		);
		expect(
			attachmentsProblem('visit', { 'a.png': { content_type: 'image/png', stub: true, length: 3e6 } }, rules)
		).toMatch(/larger than 2 MB/);
		expect(
			attachmentsProblem('visit', { 'a.png': { content_type: 'image/png', stub: true, length: 10 } }, rules)
		).toBeUndefined();
		const two = {
			'a.png': { content_type: 'image/png', data: PNG },
			'b.png': { content_type: 'image/png', data: PNG }
		};
		expect(attachmentsProblem('one', two, rules)).toBe('No more than 1 attachments are allowed');
		expect(attachmentsProblem('visit', { _x: { content_type: 'image/png', data: PNG } }, rules)).toMatch(
			/not allowed here/
		);
		expect(
			attachmentsProblem('visit', { 'a.png': { content_type: 'image/png', data: 'not base64!' } }, rules)
		).toMatch(/base64/);
		expect(
			attachmentsProblem('visit', { 'a.png': { content_type: 'image/png', follows: true } }, rules)
		).toMatch(/inline/);
		expect(attachmentsProblem('visit', ['a'], rules)).toBe('Attachments must be an object');
		const named = { 'a.png': { content_type: 'image/png', data: PNG } };
		expect(attachmentsProblem('photo', named, { photo: { ...PHOTO_ATTACHMENTS, names: ['image'] } })).toMatch(
			/not allowed here/
		);
	});
});

describe('decideWrite: security rules', () => {
	const member = { name: 'member', roles: ['member'] as const };
	const other = { name: 'someone', roles: ['member'] as const };
	const chair = { name: 'chair', roles: ['chair', 'member'] as const, chairOf: ['north'] };

	it('refuses attachments on an idea, even on an otherwise unchanged document', () => {
		const idea = makeIdea({ author: 'member' });
		const file = { 'a.png': { content_type: 'image/png', data: PNG } };
		expect(decideWrite(member, { ...idea, _attachments: file }, undefined)).toEqual({
			ok: false,
			reason: 'Attachments are not allowed'
		});
		expect(decideWrite(other, { ...idea, _attachments: file }, idea).ok).toBe(false);
		// Restoring the server's exact content is a no-op anyone may send, but not one that drops attachments.
		const stub = { 'a.png': { content_type: 'image/png', stub: true, digest: 'md5-x', length: 3 } };
		expect(decideWrite(other, { ...idea }, idea).ok).toBe(true);
		expect(decideWrite(other, { ...idea }, { ...idea, _attachments: stub }).ok).toBe(false);
	});

	it('keeps group immutable, including adding one', () => {
		const idea = makeIdea({ author: 'member' });
		const withGroup = { ...idea, group: 'north' };
		expect(decideWrite(member, { ...idea, title: 'x' }, withGroup)).toEqual({
			ok: false,
			reason: 'The group of a document cannot be changed'
		});
	});

	it('does not count revision history towards the size limit', () => {
		const idea = makeIdea({ author: 'member' });
		const revisions = { start: 2000, ids: Array.from({ length: 2000 }, (_, i) => `${i}`.padStart(32, '0')) };
		expect(decideWrite(member, { ...idea, _revisions: revisions }, undefined).ok).toBe(true);
	});

	it('needs the author exactly as the signed-in name', () => {
		const idea = makeIdea({ author: 'member' });
		expect(decideWrite(member, { ...idea, author: 'MEMBER' }, undefined).ok).toBe(false);
	});

	it('gives chairs nothing extra until a chair-managed type exists', () => {
		expect(mayChange(chair, 'member', { type: 'idea', group: 'north' })).toBe(false);
		expect(mayChange(chair, 'chair')).toBe(true);
		const idea = makeIdea({ author: 'member' });
		expect(decideWrite(chair, { ...idea, title: 'Chair edit' }, idea).ok).toBe(false);
	});
});
