import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './deploy/security-headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static: every page is prerendered; no server code runs in production.
		// Precompression is done by scripts/precompress.ts (cached: the 34 MB DuckDB wasm takes a minute at brotli 11).
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: '404.html', precompress: false, strict: true }),
		// concurrency: pages whose load awaits DuckDB (node-api runs queries on libuv threads) overlap
		// with pages being rendered; measured in `npm run bench` (first_start) and noted in the README.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'], concurrency: Number(process.env.PRERENDER_CONCURRENCY ?? 4) },
		// Served from the site root by default; BASE_PATH=/sub builds for a host sub-folder.
		paths: { base: process.env.BASE_PATH ?? '', relative: false },
		// Content-Security-Policy in a <meta> of every prerendered page, with the sha256 of each inline
		// script SvelteKit writes (no 'unsafe-inline' scripts). Servers add the header part: deploy/security-headers.js.
		csp: { mode: 'hash', directives: CSP_DIRECTIVES }
	}
};

export default config;
