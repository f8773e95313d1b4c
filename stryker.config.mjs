// Mutation testing (issue 19 item 5): `npm run mutation`. Not part of `npm test`.
// Scope: the statistics (src/lib/stats), the view logic (src/lib/view) and the cube readers in
// pipelines/read (PX, PxWeb JSON, JSON-stat, CSV, xlsx, format detection), in one run with the
// tests in stryker/vitest.config.ts. respondents.ts (the estimator's respondent loader) is left
// out: its only tests spawn the CLI and the whole pipeline (30 s a run), which no mutant run can
// afford, and the respondent files are checked by tests/pipeline/estimate.test.ts in `npm test`.
// Report: reports/mutation/ (html + json).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'stryker/vitest.config.ts', related: true },
	mutate: ['src/lib/stats/**/*.ts', 'src/lib/view/**/*.ts', 'pipelines/read/**/*.ts', '!pipelines/read/respondents.ts'],
	// Each mutant runs only the tests that reached it in the dry run.
	coverageAnalysis: 'perTest',
	// Mutants in module-level code (constants, tables) would need every test file reloaded per
	// mutant; they are left out of the run (and of the score).
	ignoreStatic: true,
	// Repeat runs retest only mutants whose code or tests changed since the last run on this
	// machine (file kept beside the report, not committed: it is only as good as the last full run).
	// `npm run mutation -- --force` runs everything.
	incremental: true,
	incrementalFile: 'reports/mutation/stryker-incremental.json',
	// The machine has 2 cores and is shared: 2 test processes.
	concurrency: 2,
	timeoutMS: 20_000,
	reporters: ['progress', 'clear-text', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	clearTextReporter: { allowColor: false, logTests: false },
	thresholds: { high: 85, low: 75, break: null },
	tempDirName: '.stryker-tmp',
	ignorePatterns: ['.tools', 'build', 'build-baseline', 'static/data', 'bench', 'reports', 'test-results', '!.svelte-kit/**', '.svelte-kit/output', 'data/raw', 'data/out', 'tests/e2e', 'docs'],
	cleanTempDir: true
};
