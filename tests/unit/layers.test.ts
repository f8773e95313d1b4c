/**
 * The import rule, checked on every file: no module imports from a layer above it.
 *   stats  ← pure statistics: never view, charts, data, components, server
 *   data   ← engines, queries, schema: never view, charts, components, server
 *   view   ← what a page shows: never charts, components, server
 *   charts ← drawing: never view, components, server
 *   src/lib never imports pipelines/ or bench/; pipelines import src/ only for types, or from
 *   the shared definitions (the observation schema, the quoting helper, the engine and the query
 *   modules it runs); the bench also imports the site's query module, so it measures the SQL the
 *   site runs.
 * And SQL lives only in the query layer (src/lib/data/) and, as the engine's own DDL, in the Node
 * engine (src/lib/server/node-engine.ts): no other file under src/, pipelines/, bench/ or
 * scripts/ holds a SQL statement.
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
	// One list of indicator directions for the catalog's schema and the statistics.
	'src/lib/stats/types',
	// SQL runs through the one Engine interface, its text from the query layer.
	'src/lib/data/engine',
	'src/lib/data/file-queries',
	'src/lib/server/node-engine',
	// The own-survey estimator is one implementation for the CLI and the browser (#12).
	'src/lib/data/estimate-queries',
	'src/lib/own/design',
	'src/lib/own/estimate',
	'src/lib/own/tabular',
	'src/lib/own/synthetic',
	// The example data's calibration: the pipeline's generator and the synthetic respondents.
	'src/lib/example/profiles',
	'src/lib/example/prng',
	'src/lib/example/national-level',
	'src/lib/export/csv',
	// CSV formula neutralisation: the pipeline's rejects.csv and the site's exports use one rule.
	'src/lib/export/formula'
];

/** The benchmark measures the site's own query module; its own SQL (scale data, baselines) is in bench-queries. */
const SHARED_WITH_BENCH = [...SHARED_WITH_PIPELINES, 'src/lib/data/queries', 'src/lib/data/bench-queries'];

function violations(): string[] {
	const bad: string[] = [];
	for (const [layer, forbidden] of RULES)
		for (const f of files(layer))
			for (const i of importsOf(f)) if (forbidden.some((d) => under(i.target, d))) bad.push(`${f} imports ${i.target}`);
	for (const [dir, shared] of [['pipelines', SHARED_WITH_PIPELINES], ['bench', SHARED_WITH_BENCH]] as const)
		for (const f of files(dir))
			for (const i of importsOf(f))
				if (under(i.target, 'src') && !i.typeOnly && !shared.includes(i.target)) bad.push(`${f} imports ${i.target} (only types or shared definitions)`);
	for (const f of [...files('src'), ...files('pipelines'), ...files('scripts')])
		for (const i of importsOf(f)) if (i.target === 'src/lib/data/bench-queries') bad.push(`${f} imports ${i.target} (bench only)`);
	return bad;
}

/**
 * A SQL statement in code: SELECT followed by a column, COPY (, CREATE/DROP of a table or view,
 * INSERT INTO, DELETE FROM, DESCRIBE SELECT, or a call of DuckDB's file readers. Upper-case
 * keywords only, so prose ("select a county") is not SQL.
 */
export const SQL =
	/\b(?:SELECT\s+(?:DISTINCT\s+)?[\w*"(']|COPY\s*\(|(?:CREATE|ATTACH)\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW|MACRO|DATABASE)\b|DROP\s+(?:TABLE|VIEW)\b|INSERT\s+INTO\b|DELETE\s+FROM\b|DESCRIBE\s+SELECT\b|read_(?:parquet|csv|csv_auto|json|json_auto)\()/;

/** Where SQL may be written: the query layer, and the Node engine's own DDL. */
const SQL_HOMES = ['src/lib/data', 'src/lib/server/node-engine.ts'];

/** Every line holding SQL outside its homes, as `file:line`. */
export function sqlOutsideQueryLayer(tree: Record<string, string>): string[] {
	const out: string[] = [];
	for (const [file, text] of Object.entries(tree)) {
		if (SQL_HOMES.some((h) => under(file, h))) continue;
		text.split('\n').forEach((line, i) => {
			if (SQL.test(line)) out.push(`${file}:${i + 1}`);
		});
	}
	return out;
}

function codeTree(): Record<string, string> {
	const all = ['src', 'pipelines', 'bench', 'scripts'].flatMap((d) => fs.readdirSync(path.join(root, d), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && /\.(ts|js|mjs|svelte)$/.test(e.name))
		.map((e) => path.relative(root, path.join(e.parentPath, e.name))));
	return Object.fromEntries(all.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
}

describe('import layers', () => {
	it('no file imports from a layer above it', () => {
		expect(violations()).toEqual([]);
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

describe('SQL only in the query layer', () => {
	it('no file outside src/lib/data (and the Node engine\'s DDL) holds SQL', () => {
		expect(sqlOutsideQueryLayer(codeTree())).toEqual([]);
	});

	it('the check finds SQL planted outside the layer, and leaves prose and the layer alone', () => {
		const tree = codeTree();
		const planted = {
			...tree,
			'pipelines/write/parquet.ts': `${tree['pipelines/write/parquet.ts']}\nawait con.run(\`COPY (SELECT * FROM observations) TO 'x.parquet'\`);\n`,
			'bench/x.ts': "const q = 'SELECT count(*) FROM obs';",
			'src/lib/view/x.ts': 'await db.query(`CREATE OR REPLACE TABLE t AS FROM read_csv(${f})`);',
			'src/routes/x.svelte': '<p>Select a county; the table lists every county.</p>'
		};
		const lines = tree['pipelines/write/parquet.ts'].split('\n').length;
		expect(sqlOutsideQueryLayer(planted).sort()).toEqual([`pipelines/write/parquet.ts:${lines + 1}`, 'bench/x.ts:1', 'src/lib/view/x.ts:1'].sort());
		// the layer itself holds SQL, so the check is not vacuous there either
		expect(SQL.test(tree['src/lib/data/file-queries.ts'])).toBe(true);
		expect(SQL.test(tree['src/lib/server/node-engine.ts'])).toBe(true);
	});
});

describe('the benchmark stays out of the product', () => {
	it('no file under src/ mentions the baseline build flag; bench/baseline-render.ts replaces the renderer at build time', () => {
		const hits = [...files('src/lib'), ...files('src/routes')].filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('BENCH_BASELINE'));
		expect(hits).toEqual([]);
		expect(fs.readFileSync(path.join(root, 'vite.config.ts'), 'utf8')).toMatch(/bench\/baseline-render\.ts/);
	});
});
