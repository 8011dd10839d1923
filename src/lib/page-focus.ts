/**
 * After a page change, focus goes to the new page's main heading (GOV.UK and NHS.UK advice for single-page
 * apps), so a screen reader announces where the person is and the next Tab starts from the top of the page.
 * A page still loading is waited for (up to `timeoutMs`); a page that has put the focus somewhere itself (a
 * form's error summary, its own heading) keeps it, and a newer page change cancels an older wait.
 */

let latest = 0;

export function focusMainHeading(main: HTMLElement | null, timeoutMs = 5_000): void {
	const attempt = ++latest;
	if (!main) return;
	const tryFocus = (): boolean => {
		if (attempt !== latest) return true;
		const heading = main.querySelector<HTMLElement>('h1');
		if (!heading) return false;
		const focused = document.activeElement;
		if (focused && focused !== document.body && focused.isConnected) return true;
		if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
		heading.focus();
		return true;
	};
	if (tryFocus()) return;
	const observer = new MutationObserver(() => {
		if (tryFocus()) stop();
	});
	const timer = setTimeout(() => stop(), timeoutMs);
	function stop() {
		observer.disconnect();
		clearTimeout(timer);
	}
	observer.observe(main, { childList: true, subtree: true });
}
