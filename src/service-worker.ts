/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

/** The route-neutral app shell (adapter-static's SPA fallback): every navigation gets it when offline. */
const SHELL = '/200.html';

/** The manifest's screenshots are for install dialogs only: not worth every device's download. */
const INSTALL_ONLY = /^\/screenshots\//;

precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.filter((url) => !INSTALL_ONLY.test(url)).map((url) => ({ url, revision: version })),
	{ url: SHELL, revision: version }
]);
cleanupOutdatedCaches();

// Deep links work offline; the API and the replication routes always go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL(SHELL), { denylist: [/^\/api\//, /^\/db\//] }));

// The first install takes over at once; later versions wait until the person chooses to reload.
clientsClaim();
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
