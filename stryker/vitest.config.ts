/**
 * Vitest setup for mutation testing only (`npm run mutation`): the unit and reader tests that
 * cover src/lib/stats, src/lib/view and pipelines/read, without the SvelteKit plugin (only the
 * $lib alias is needed) and without the browser or whole-pipeline tests, so each mutant runs fast.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib', import.meta.url)) } },
	test: {
		environment: 'node',
		// Our property tests take their run count from FC_RUNS: enough to reach the cases, fast per mutant.
		env: { FC_RUNS: '40' },
		testTimeout: 60_000,
		// MUTATE_READERS=1 (set by `npm run mutation -- --readers`): the reader tests instead.
		include: process.env.MUTATE_READERS
			? ['tests/pipeline/{px,pxweb,csv,jsonstat,convert}*.test.ts']
			: ['tests/unit/stats/**/*.test.ts', 'tests/unit/view/**/*.test.ts'],
		exclude: ['tests/pipeline/pxweb-fetch.test.ts']
	}
});
