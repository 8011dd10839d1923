import { Workbox } from 'workbox-window';

/**
 * Registers the service worker and holds a new version back until the person chooses to reload, so code
 * is never swapped under someone half-way through a form.
 */
export class Updates {
	ready = $state(false);
	private workbox: Workbox | undefined;

	register(): void {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		const workbox = new Workbox('/service-worker.js', { type: 'module' });
		workbox.addEventListener('waiting', () => (this.ready = true));
		workbox.addEventListener('controlling', (event) => {
			if (event.isUpdate) location.reload();
		});
		this.workbox = workbox;
		void workbox.register();
	}

	/** Activates the waiting version; the page reloads once it takes control. */
	apply(): void {
		this.workbox?.messageSkipWaiting();
	}
}
