import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A client-rendered single-page app: every document lives on the device, so there is nothing to
		// render on a server. `200.html` is the route-neutral shell that the service worker serves for
		// every navigation when offline (deep links work with no network). `precompress` writes brotli and
		// gzip copies that the server sends to browsers that accept them (src/lib/server/static.ts).
		adapter: adapter({ fallback: '200.html', strict: true, precompress: true }),
		serviceWorker: { register: false },
		version: { pollInterval: 0 }
	}
};

export default config;
