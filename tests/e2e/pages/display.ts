import { expect, type Page } from '@playwright/test';

/** The browser's default text size, in CSS pixels, when nobody has changed it. */
const DEFAULT_TEXT_SIZE = 16;

/**
 * Sets the browser's own text size (Chrome's Settings → Appearance → Font size), as a person who needs
 * larger text does: NHS.UK frontend sizes its text in rem, so every size follows the root's, which is this
 * setting. Neither page zoom nor a device scale factor is the same thing (they scale the whole layout,
 * so a 320 px page stays 320 px of text-sized boxes), and setting the root element's font size by script
 * would skip the browser's own minimum and default logic. The DevTools protocol sets the same preference
 * the settings page does, for this page, across navigations.
 */
export async function setTextSize(page: Page, percent: number): Promise<void> {
	const session = await page.context().newCDPSession(page);
	const standard = Math.round((DEFAULT_TEXT_SIZE * percent) / 100);
	// Monospace text defaults to 13 px in Chrome; it grows by the same factor.
	await session.send('Page.setFontSizes', {
		fontSizes: { standard, fixed: Math.round((13 * percent) / 100) }
	});
}

export interface LayoutProblems {
	/** The page is wider than the window: a person has to scroll sideways. */
	sideways: { scrollWidth: number; width: number; wide: string[] };
	/** Elements that hide part of their text (overflow hidden or clipped, text wider than the box). */
	clipped: string[];
	/** Boxes that scroll sideways themselves but cannot be reached by keyboard or have no name. */
	unreachable: string[];
}

/** Looks for lost content: sideways scrolling, clipped text, scrolling boxes a keyboard cannot reach. */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
	return page.evaluate(() => {
		const describe = (element: Element) => {
			const classes = [...element.classList].join('.');
			const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
			return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${text}"`;
		};
		const width = window.innerWidth;
		const all = [...document.body.querySelectorAll('*')];
		const scrollers = all.filter((element) => {
			const { overflowX } = getComputedStyle(element);
			return overflowX === 'auto' || overflowX === 'scroll';
		});
		// What a box with its own overflow holds cannot widen the page (it scrolls or is cut off inside it).
		const boxed = all.filter((element) => getComputedStyle(element).overflowX !== 'visible');
		const insideBox = (element: Element) => boxed.some((box) => box !== element && box.contains(element));
		// Text spills out of its box when a word is too long for it, so text is measured as well as boxes.
		const beyond = (element: Element) =>
			element.getBoundingClientRect().right > width + 0.5 ||
			[...element.childNodes].some((node) => {
				if (node.nodeType !== Node.TEXT_NODE) return false;
				const range = document.createRange();
				range.selectNodeContents(node);
				return range.getBoundingClientRect().right > width + 0.5;
			});
		const wide = all
			.filter((element) => beyond(element) && !insideBox(element))
			.slice(0, 5)
			.map(describe);
		// The visually hidden pattern (1 px, clipped) holds text for screen readers on purpose.
		const shown = (element: Element) => {
			const box = element.getBoundingClientRect();
			return box.width > 1 && box.height > 1;
		};
		const clipped = all
			.filter((element) => {
				const style = getComputedStyle(element);
				const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
				return (
					hides &&
					shown(element) &&
					element.scrollWidth > element.clientWidth + 1 &&
					(element.textContent ?? '').trim() !== ''
				);
			})
			.map(describe);
		const unreachable = scrollers
			.filter((element) => element.scrollWidth > element.clientWidth + 1)
			.filter(
				(element) =>
					!(element instanceof HTMLElement) ||
					element.tabIndex < 0 ||
					!(element.getAttribute('aria-label') || element.getAttribute('aria-labelledby'))
			)
			.map(describe);
		return {
			sideways: { scrollWidth: document.documentElement.scrollWidth, width, wide },
			clipped,
			unreachable
		};
	});
}

/** Expects the page to show everything without sideways scrolling (WCAG 1.4.4 and 1.4.10). */
export async function expectNoLoss(page: Page): Promise<void> {
	const found = await layoutProblems(page);
	const where = new URL(page.url()).pathname;
	expect
		.soft(
			found.sideways.scrollWidth,
			`${where} scrolls sideways; wider than the window: ${found.sideways.wide.join(', ')}`
		)
		.toBeLessThanOrEqual(found.sideways.width);
	expect.soft(found.clipped, `${where}: text cut off`).toEqual([]);
	expect
		.soft(found.unreachable, `${where}: a box scrolls sideways with no name or no keyboard stop`)
		.toEqual([]);
}
