import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Fully static: every page is prerendered; no server code runs in production.
		// Precompression is done by scripts/precompress.ts (cached: the 34 MB DuckDB wasm takes a minute at brotli 11).
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: '404.html', precompress: false, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'] },
		// Served from the site root by default; BASE_PATH=/sub builds for a host sub-folder.
		paths: { base: process.env.BASE_PATH ?? '', relative: false }
	}
};

export default config;
