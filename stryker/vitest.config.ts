/**
 * Vitest setup for mutation testing only (`npm run mutation`): the unit tests of src/lib/stats and
 * src/lib/view and the reader tests of pipelines/read, without the SvelteKit plugin (only the $lib
 * alias is needed) and without the browser or whole-pipeline tests, so each mutant runs fast.
 * Stryker runs, per mutant, only the tests that reached it (coverageAnalysis: 'perTest').
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib', import.meta.url)) } },
	test: {
		environment: 'node',
		// Our property tests take their run count from FC_RUNS (enough to reach the cases, fast per
		// mutant) and, where they count outcomes, a fixed seed from FC_SEED (the same cases every run).
		env: { FC_RUNS: '40', FC_SEED: '20261130' },
		testTimeout: 60_000,
		include: [
			'tests/unit/stats/**/*.test.ts',
			'tests/unit/view/**/*.test.ts',
			'tests/pipeline/{px-reader,px-property,pxweb-reader,pxweb-split-property,pxweb-crossformat,csv,csv-property,jsonstat,jsonstat-property,jsonstat-corpus,xlsx-reader,detect,convert}.test.ts'
		],
		exclude: [
			// Reads the built static/data (not copied into Stryker's sandbox); compares the page with
			// itself, so it kills no mutant the oracle tests in tests/unit/view do not.
			'tests/unit/view/indicator-data.test.ts'
		]
	}
});
