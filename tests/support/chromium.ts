/**
 * Which Chromium the browser tests and the benchmark drive, and the launch flags that work on these
 * machines (no browser download is possible here). `CHROMIUM_PATH` wins; then Playwright's own browser
 * where one was installed; then the system's (Debian's `chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The first usable Chromium, or undefined when this machine has none. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
	const candidates = [env.CHROMIUM_PATH, playwrightsOwn(), ...SYSTEM_BROWSERS];
	return candidates.find(
		(path): path is string => typeof path === 'string' && path !== '' && existsSync(path)
	);
}

function playwrightsOwn(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		// Playwright names no browser of its own when none was ever installed for it.
		return undefined;
	}
}

export const CHROMIUM_PATH = findChromium() ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
