/**
 * `npm test` sets up its own browser: it finds a usable Chromium (`findChromium`), and where there is
 * none it installs Debian's `chromium` when it can run apt as root. Otherwise it stops at once with one
 * line that says what to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

function install(): void {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	console.log('No Chromium found: installing Debian’s chromium for the browser tests (about 30 s)');
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	// With the Noto fonts, so the Urdu (right-to-left) screenshot shows Nastaliq letters, not empty boxes.
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env
	});
}

function main(): number {
	let found = findChromium();
	const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
	if (!found && canInstall) {
		install();
		found = findChromium();
	}
	if (!found) {
		console.error(
			'The browser tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome), then npm test again.'
		);
		return 1;
	}
	console.log(`Browser tests use ${found}`);
	return 0;
}

process.exitCode = main();
