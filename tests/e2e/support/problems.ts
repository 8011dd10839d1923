import { expect, type Page } from '@playwright/test';

/**
 * Records, from now on, every answer of 400 or more and every error the page logs or throws, so a journey
 * can end by saying there were none (a missing icon answers 404 and logs an error, for example).
 */
export function watchForProblems(page: Page): { expectNone(): void } {
	const problems: string[] = [];
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	page.on('console', (message) => {
		if (message.type() === 'error')
			problems.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
	return { expectNone: () => expect(problems, 'failed requests and errors').toEqual([]) };
}

/** Every `url()` the page's stylesheets refer to (icons, images), as absolute addresses. */
export async function stylesheetUrls(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const urls = new Set<string>();
		const visit = (rules: CSSRuleList, base: string) => {
			for (const rule of rules) {
				if ('cssRules' in rule && rule.cssRules) visit(rule.cssRules as CSSRuleList, base);
				if (!(rule instanceof CSSStyleRule)) continue;
				for (const [, url = ''] of rule.style.cssText.matchAll(/url\("?([^")]+)"?\)/g)) {
					if (!url.startsWith('data:')) urls.add(new URL(url, base).href);
				}
			}
		};
		for (const sheet of document.styleSheets) visit(sheet.cssRules, sheet.href ?? location.href);
		return [...urls].sort();
	});
}
