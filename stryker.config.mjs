// Mutation testing (issue 19 item 5): `npm run mutation`. Not part of `npm test`.
// Scope: the statistics, the view logic and the source readers. Report: reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'stryker/vitest.config.ts', related: true },
	mutate: ['src/lib/stats/**/*.ts', 'src/lib/view/**/*.ts', 'pipelines/read/**/*.ts'],
	coverageAnalysis: 'perTest',
	// The machine is shared (2 cores): at most 2 test processes.
	concurrency: 2,
	timeoutMS: 20_000,
	ignoreStatic: true,
	reporters: ['progress', 'clear-text', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 85, low: 75, break: null },
	tempDirName: '.stryker-tmp',
	ignorePatterns: ['.tools', 'build', 'build-baseline', 'static/data', 'bench', 'reports', 'test-results', '!.svelte-kit/**', '.svelte-kit/output', 'data/raw', 'data/out', 'tests/e2e'],
	cleanTempDir: true
};
