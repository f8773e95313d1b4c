import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
