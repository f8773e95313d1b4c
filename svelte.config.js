import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static: every page is prerendered; no server code runs in production.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, precompress: true, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'] },
		paths: { relative: true }
	}
};

export default config;
