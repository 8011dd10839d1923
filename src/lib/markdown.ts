import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: true, async: false });

/** Only what member-written text needs: no images (they would load from anywhere), no raw embeds. */
const ALLOWED_TAGS = [
	'p',
	'br',
	'strong',
	'em',
	'del',
	'a',
	'ul',
	'ol',
	'li',
	'blockquote',
	'code',
	'pre',
	'hr',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td'
];
const SAFE_URL = /^(?:https?:|mailto:|tel:|\/(?!\/)|#)/i;

let hooked = false;

function purifier(): typeof DOMPurify {
	if (!hooked) {
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName !== 'A') return;
			const href = node.getAttribute('href') ?? '';
			if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
			node.setAttribute('rel', 'noopener noreferrer nofollow');
			if (/^https?:/i.test(href)) node.setAttribute('target', '_blank');
		});
		hooked = true;
	}
	return DOMPurify;
}

/**
 * Member-written markdown as safe HTML: marked renders, DOMPurify keeps only a small allow-list of tags
 * and attributes, and links may only go to web, mail and phone addresses or within the app.
 */
export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false });
	return purifier().sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR: ['href', 'title', 'align'],
		ALLOW_DATA_ATTR: false
	});
}
