import { Workbox } from 'workbox-window';
import { reportProblem } from '$lib/report';

/** How often an open app asks for a new version, besides each return to the foreground. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and holds a new version back until the person chooses to reload, so code
 * is never swapped under someone half-way through a form. The browser itself looks for a new version only
 * when a page loads; an installed app can stay open for days, so it also looks when the app comes back to
 * the foreground and every hour while it is open.
 */
export class Updates {
	ready = $state(false);
	private workbox: Workbox | undefined;
	private registered = false;
	private readonly onVisibility = () => {
		if (document.visibilityState === 'visible') this.check();
	};

	register(): void {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		const workbox = new Workbox('/service-worker.js', { type: 'module' });
		workbox.addEventListener('waiting', () => (this.ready = true));
		workbox.addEventListener('controlling', (event) => {
			if (event.isUpdate) location.reload();
		});
		this.workbox = workbox;
		void workbox.register().then(
			() => (this.registered = true),
			(error: unknown) => reportProblem('the service worker could not be registered', error)
		);
		document.addEventListener('visibilitychange', this.onVisibility);
		setInterval(() => this.check(), UPDATE_CHECK_MS);
	}

	/** Asks the server whether there is a new version; one found shows the "new version" prompt. */
	check(): void {
		// Offline there is nothing to ask; the next return to the foreground or hour asks again.
		if (!this.workbox || !this.registered || this.ready || !navigator.onLine) return;
		this.workbox
			.update()
			.catch((error: unknown) => reportProblem('the check for a new version failed', error));
	}

	/** Activates the waiting version; the page reloads once it takes control. */
	apply(): void {
		this.workbox?.messageSkipWaiting();
	}
}
