// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../tests/xss-payloads';
import { renderMarkdown } from './markdown';

const FORBIDDEN_TAGS = [
	'script',
	'iframe',
	'object',
	'embed',
	'base',
	'meta',
	'link',
	'style',
	'form',
	'img',
	'svg',
	'math',
	'input',
	'button',
	'template'
];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'data'];

function dangers(html: string): string[] {
	const host = document.createElement('div');
	host.innerHTML = html;
	const found: string[] = [];
	for (const element of host.querySelectorAll('*')) {
		const tag = element.tagName.toLowerCase();
		if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
		for (const attribute of element.attributes) {
			const name = attribute.name.toLowerCase();
			if (name.startsWith('on')) found.push(`${tag}[${name}]`);
			if (name === 'style') found.push(`${tag}[style]`);
			if (
				URL_ATTRIBUTES.includes(name) &&
				!/^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(attribute.value.trim())
			) {
				found.push(`${tag}[${name}=${attribute.value}]`);
			}
		}
	}
	return found;
}

describe('renderMarkdown', () => {
	it('keeps ordinary member writing', () => {
		const html = renderMarkdown(
			'**Safe** and _kind_\n\n- one\n- two\n\n[NHS](https://www.nhs.uk) and <em>tags</em>'
		);
		expect(html).toContain('<strong>Safe</strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).toContain('href="https://www.nhs.uk"');
		expect(html).toContain('rel="noopener noreferrer nofollow"');
		expect(html).toContain('<em>tags</em>');
	});

	it(`renders a corpus of ${XSS_PAYLOADS.length} XSS payloads inert`, () => {
		expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
		const failures = XSS_PAYLOADS.map((payload) => ({
			payload,
			found: dangers(renderMarkdown(payload))
		})).filter((result) => result.found.length > 0);
		expect(failures).toEqual([]);
	});

	it('detects danger when it is there (the check itself can fail)', () => {
		expect(dangers('<img src=x onerror=alert(1)>')).toEqual(['<img>', 'img[src=x]', 'img[onerror]']);
		expect(dangers('<a href="javascript:alert(1)">x</a>')).toEqual(['a[href=javascript:alert(1)]']);
	});
});
