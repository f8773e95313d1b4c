// Mutation testing (issue 19 item 5): `npm run mutation`. Not part of `npm test`.
// Default scope: the statistics and the view logic (~2 700 mutants, under 20 minutes with 2
// processes). The readers are a separate run, `npm run mutation -- --readers`
// (~5 000 mutants; their tests alone take 2½ minutes, so that run takes hours on this machine).
// Report: reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'stryker/vitest.config.ts', related: true },
	mutate: ['src/lib/stats/**/*.ts', 'src/lib/view/**/*.ts'],
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
