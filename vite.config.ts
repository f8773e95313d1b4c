import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * BENCH_BASELINE=1 (the benchmark's baseline build) swaps the build-time chart renderer
 * (src/lib/server/render.ts, however it is imported) for bench/baseline-render.ts, which
 * prerenders nothing: no benchmark branch lives in production code.
 */
const renderer = fileURLToPath(new URL('./src/lib/server/render.ts', import.meta.url));
const baselineRenderer: Plugin = {
	name: 'bench-baseline-renderer',
	enforce: 'pre',
	async resolveId(source, importer, options) {
		if (process.env.BENCH_BASELINE !== '1' || !/render(\.ts)?$/.test(source)) return null;
		const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
		return resolved?.id === renderer ? fileURLToPath(new URL('./bench/baseline-render.ts', import.meta.url)) : null;
	}
};

export default defineConfig({
	plugins: [baselineRenderer, sveltekit()],
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	test: {
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{ extends: true, test: { name: 'pipeline', include: ['tests/pipeline/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			},
			{
				// The page-type browser tests once more, against nginx serving build/ with deploy/nginx.conf.
				extends: true,
				test: {
					name: 'e2e-nginx',
					include: ['tests/e2e/csp.test.ts'],
					environment: 'node',
					env: { E2E_SERVER: 'nginx' },
					testTimeout: 120_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
