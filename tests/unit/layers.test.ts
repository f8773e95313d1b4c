/**
 * The import rule, checked on every file: no module imports from a layer above it.
 *   stats  ← pure statistics: never view, charts, data, components, server
 *   data   ← engines, queries, schema: never view, charts, components, server
 *   view   ← what a page shows: never charts, components, server
 *   charts ← drawing: never view, components, server
 *   src/lib never imports pipelines/ or bench/; pipelines import src/ only for types, or from
 *   the shared definitions (the observation schema, the quoting helper); the bench also imports
 *   the query module, so it measures the SQL the site runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
	return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && /\.(ts|svelte)$/.test(d.name))
		.map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

interface Import {
	target: string;
	typeOnly: boolean;
}

/** Every import/export-from/dynamic import of a file, resolved to a repo-relative path. */
export function importsOf(file: string, text = fs.readFileSync(path.join(root, file), 'utf8')): Import[] {
	const out: Import[] = [];
	const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
	for (const m of text.matchAll(re)) {
		const spec = m[3] ?? m[4];
		const typeOnly = Boolean(m[2]);
		let target: string;
		if (spec.startsWith('$lib/')) target = path.join('src/lib', spec.slice(5));
		else if (spec.startsWith('.')) target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec));
		else continue;
		out.push({ target: target.replace(/\.(ts|js)$/, ''), typeOnly });
	}
	return out;
}

const under = (p: string, dir: string) => p === dir || p.startsWith(dir + '/');

const RULES: [layer: string, forbidden: string[]][] = [
	['src/lib/stats', ['src/lib/view', 'src/lib/charts', 'src/lib/data', 'src/lib/components', 'src/lib/server', 'src/routes']],
	['src/lib/data', ['src/lib/view', 'src/lib/charts', 'src/lib/components', 'src/lib/server', 'src/routes']],
	['src/lib/view', ['src/lib/charts', 'src/lib/components', 'src/lib/server', 'src/routes']],
	['src/lib/charts', ['src/lib/view', 'src/lib/components', 'src/lib/server', 'src/routes']],
	['src/lib', ['pipelines', 'bench', 'scripts']]
];
const SHARED_WITH_PIPELINES = [
	'src/lib/data/observation',
	'src/lib/data/sql',
	// The own-survey estimator is one implementation for the CLI and the browser (#12).
	'src/lib/data/estimate-queries',
	'src/lib/own/design',
	'src/lib/own/estimate',
	'src/lib/own/tabular',
	'src/lib/own/synthetic',
	'src/lib/export/csv',
	// CSV formula neutralisation: the pipeline's rejects.csv and the site's exports use one rule.
	'src/lib/export/formula'
];

/**
 * Known violations, each to be removed when fixed (the test fails on any other, and on a listed
 * one that is gone): the synthetic respondent generator in src/ reuses the pipeline's example
 * generator; its shared parts belong in a module both import.
 */
const KNOWN_VIOLATIONS = [
	'src/lib/own/synthetic.ts imports pipelines/generate/profiles',
	'src/lib/own/synthetic.ts imports pipelines/generate/prng',
	'src/lib/own/synthetic.ts imports pipelines/generate/generate'
];
/** The benchmark measures the site's own query module. */
const SHARED_WITH_BENCH = [...SHARED_WITH_PIPELINES, 'src/lib/data/queries'];

function violations(): string[] {
	const bad: string[] = [];
	for (const [layer, forbidden] of RULES)
		for (const f of files(layer))
			for (const i of importsOf(f)) if (forbidden.some((d) => under(i.target, d))) bad.push(`${f} imports ${i.target}`);
	for (const [dir, shared] of [['pipelines', SHARED_WITH_PIPELINES], ['bench', SHARED_WITH_BENCH]] as const)
		for (const f of files(dir))
			for (const i of importsOf(f))
				if (under(i.target, 'src') && !i.typeOnly && !shared.includes(i.target)) bad.push(`${f} imports ${i.target} (only types or shared definitions)`);
	return bad;
}

describe('import layers', () => {
	it('no file imports from a layer above it (beyond the listed known ones)', () => {
		expect(violations().sort()).toEqual([...KNOWN_VIOLATIONS].sort());
	});

	it('the checker sees imports (it would catch a violation)', () => {
		expect(importsOf('src/lib/stats/x.ts', "import { trendFigure } from '$lib/charts/trend';")).toEqual([{ target: 'src/lib/charts/trend', typeOnly: false }]);
		expect(importsOf('src/lib/view/x.ts', "import type { Outcome } from '../charts/palette';")).toEqual([{ target: 'src/lib/charts/palette', typeOnly: true }]);
		expect(importsOf('pipelines/write/x.ts', "const m = await import('../../src/lib/server/db.ts');")).toEqual([{ target: 'src/lib/server/db', typeOnly: false }]);
		// and the real tree has the imports it should: view → data, pipelines → schema
		expect(importsOf('src/lib/view/indicator-data.ts').map((i) => i.target)).toContain('src/lib/data/engine');
		expect(importsOf('pipelines/write/parquet.ts').map((i) => i.target)).toContain('src/lib/data/observation');
	});
});

describe('the benchmark stays out of the product', () => {
	it('no file under src/ mentions the baseline build flag; bench/baseline-render.ts replaces the renderer at build time', () => {
		const hits = [...files('src/lib'), ...files('src/routes')].filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('BENCH_BASELINE'));
		expect(hits).toEqual([]);
		expect(fs.readFileSync(path.join(root, 'vite.config.ts'), 'utf8')).toMatch(/bench\/baseline-render\.ts/);
	});
});
