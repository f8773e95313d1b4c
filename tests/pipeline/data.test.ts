/**
 * The built data, read back with DuckDB: `npm run pipeline` (the CLI, into a temporary
 * output folder) → Parquet + JSON dimension files + map. Real figures are checked against
 * /work/shared/reference/published_values.csv and mapping.yaml, read here independently of
 * the pipeline's code.
 */
import { sharedPath } from '../helpers/shared.ts';
import { FIXED_IDS } from '../helpers/indicator-ids.ts';
import { parseCsv } from '../../src/lib/export/csv.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const repo = path.resolve(__dirname, '../..');
const REFERENCE_CSV = sharedPath('reference/published_values.csv');
const COUNTIES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];


let tmp: string;
let out: string;
let db: DuckDBInstance;
let con: DuckDBConnection;
let buildOutput = '';

async function q<T = Record<string, unknown>>(sql: string): Promise<T[]> {
	return (await con.runAndReadAll(sql)).getRowObjectsJS() as T[];
}
const obs = () => `read_parquet('${path.join(out, 'observations.parquet')}')`;

beforeAll(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-data-'));
	out = path.join(tmp, 'data');
	const res = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts'], {
		cwd: repo,
		env: { ...process.env, ENSAMHET_OUT_DIR: out },
		encoding: 'utf8'
	});
	buildOutput = res.stdout + res.stderr;
	if (res.status !== 0) throw new Error(`pipeline failed: ${buildOutput}`);
	db = await DuckDBInstance.create(':memory:');
	con = await db.connect();
}, 60_000);

afterAll(() => {
	con?.closeSync();
	db?.closeSync();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run pipeline → static data', () => {
	// Its speed is measured by `npm run bench` (pipeline.*), never by a timed test.
	it('runs offline and reports its counts', () => {
		expect(buildOutput).toMatch(/pipeline: \d+ observations \(\d+ real\)/);
	});

	it('has the 12 indicators, the nation and the 21 counties, and the nation for every indicator', async () => {
		const ids = (await q<{ id: string }>(`SELECT DISTINCT indicator_id AS id FROM ${obs()} ORDER BY 1`)).map((r) => r.id);
		expect(ids).toEqual([...FIXED_IDS].sort());
		const regions = (await q<{ r: string }>(`SELECT DISTINCT region_code AS r FROM ${obs()} WHERE length(region_code) = 2 ORDER BY 1`)).map((r) => r.r);
		expect(regions).toEqual(['00', ...COUNTIES]);
		// Municipalities only where real municipal figures exist (Kolada N07418: all 290).
		const [muni] = await q<{ n: number; demo: number }>(`SELECT count(DISTINCT region_code)::INT AS n, count(*) FILTER (WHERE is_demo)::INT AS demo FROM ${obs()} WHERE length(region_code) = 4`);
		expect(muni).toEqual({ n: 290, demo: 0 });
		const nation = await q<{ id: string; n: number }>(
			`SELECT indicator_id AS id, count(*)::INT AS n FROM ${obs()} WHERE region_code = '00' AND sex = 'T' AND group_dim = 'total' AND value IS NOT NULL GROUP BY 1`
		);
		expect(nation.map((r) => r.id).sort()).toEqual([...FIXED_IDS].sort());
		for (const r of nation) expect(r.n).toBeGreaterThan(0);
		// Every indicator has county observations too.
		const withCounties = await q<{ id: string; c: number }>(`SELECT indicator_id AS id, count(DISTINCT region_code)::INT AS c FROM ${obs()} WHERE length(region_code) = 2 GROUP BY 1`);
		for (const r of withCounties) expect(r.c).toBe(22);
	});

	it('carries every real published figure that maps to an indicator: present, equal, is_demo = false', async () => {
		const rows = parseCsv(fs.readFileSync(REFERENCE_CSV, 'utf8'));
		expect(rows).toHaveLength(108);
		// The copy in data/raw is verbatim.
		expect(fs.readFileSync(path.join(repo, 'data/raw/published/published_values.csv'), 'utf8')).toBe(fs.readFileSync(REFERENCE_CSV, 'utf8'));
		const mapping = parseYaml(fs.readFileSync(path.join(repo, 'data/raw/published/mapping.yaml'), 'utf8')) as Record<
			string,
			{ indicator: string; derive?: string; whole_population: string; from_year?: number; pooled?: { match: string; years: number } }
		>;
		const groups = parseYaml(fs.readFileSync(path.join(repo, 'data/catalog/groups.yaml'), 'utf8')) as { id: string; codes: { code: string; aliases?: string[] }[] }[];
		const dimOf: Record<string, string> = { age: 'age', education: 'education', country_of_birth: 'country_of_birth', main_activity: 'employment', school_year: 'school_year' };
		const sexOf: Record<string, string> = { total: 'T', women: 'K', men: 'M' };
		const expected = new Map<string, number[]>();
		for (const r of rows) {
			const m = mapping[r.indicator_key];
			if (!m || !/^\d{4}(-\d{4})?$/.test(r.period) || !/^\d{2}$/.test(r.region_code)) continue;
			let [start, end = start] = r.period.split('-').map(Number);
			if (m.pooled && start === end && new RegExp(m.pooled.match).test(r.source)) start = end - m.pooled.years + 1;
			if (m.from_year && start < m.from_year) continue;
			const whole = r.group_value === m.whole_population || r.group_dimension === 'region_nuts2';
			const dim = whole ? 'total' : dimOf[r.group_dimension];
			const code = whole
				? 'total'
				: groups
						.find((g) => g.id === dim)
						?.codes.find((c) => c.code === r.group_value || c.aliases?.some((a) => a.toLowerCase() === r.group_value.toLowerCase()))?.code;
			expect(code, `line for ${r.indicator_key} ${r.group_value}`).toBeTruthy();
			const value = m.derive === 'complement' ? Math.round((100 - Number(r.value_pct)) * 10) / 10 : Number(r.value_pct);
			const key = [m.indicator, r.region_code, start, end, sexOf[r.sex], dim, code].join('|');
			expected.set(key, [...(expected.get(key) ?? []), value]);
		}
		expect(expected.size).toBeGreaterThanOrEqual(40);
		const real = await q<{ k: string; value: number; is_demo: boolean }>(
			`SELECT concat_ws('|', indicator_id, region_code, period_start, period_end, sex, group_dim, group_code) AS k, value, is_demo FROM ${obs()} WHERE NOT is_demo`
		);
		const byKey = new Map(real.map((r) => [r.k, r]));
		// A published figure for a cell that a more detailed extract also gives (read first) is listed in the
		// rejects as "same cell as <extract>"; the kept value agrees with it to its rounding.
		const rejects = parseCsv(fs.readFileSync(path.join(out, 'rejects.csv'), 'utf8'));
		const sameCell = new Set(rejects.filter((r) => r.file === 'data/raw/published/published_values.csv' && r.reason.startsWith('same cell as data/raw/')).map((r) => r.key));
		let fromPublished = 0;
		for (const [key, values] of expected) {
			const got = byKey.get(key);
			expect(got, `real figure ${key} missing`).toBeDefined();
			expect(got!.is_demo).toBe(false);
			if (sameCell.has(key)) expect(values.some((v) => Math.abs(v - got!.value) <= 0.5), `${key}: ${got!.value} vs ${values}`).toBe(true);
			else {
				expect(values).toContain(got!.value);
				fromPublished++;
			}
		}
		expect(sameCell.size).toBeGreaterThan(0);
		// … and nothing from the published file that the reference does not give.
		const [pub] = await q<{ n: number }>(`SELECT count(*)::INT AS n FROM ${obs()} WHERE source_id LIKE 'pub-%'`);
		expect(pub.n).toBe(fromPublished);
	});

	it('marks every generated row is_demo = true, with a demo source saying "Exempeldata (syntetiska)"', async () => {
		const [bad] = await q<{ n: number }>(
			`SELECT count(*)::INT AS n FROM ${obs()} WHERE (source_id LIKE 'demo-%' AND NOT is_demo) OR (is_demo AND source_id NOT LIKE 'demo-%')`
		);
		expect(bad.n).toBe(0);
		const sources = JSON.parse(fs.readFileSync(path.join(out, 'sources.json'), 'utf8')) as { source_id: string; publisher: string; kind: string; url: string; citation: string }[];
		const used = (await q<{ s: string; d: boolean }>(`SELECT DISTINCT source_id AS s, is_demo AS d FROM ${obs()}`));
		for (const u of used) {
			const s = sources.find((x) => x.source_id === u.s);
			expect(s, u.s).toBeDefined();
			if (u.d) expect(s!.publisher).toBe('Exempeldata (syntetiska)');
			else {
				expect(s!.kind).not.toBe('demo');
				expect(s!.url).toMatch(/^https?:\/\//);
				expect(s!.citation).toMatch(/^Källa: /);
			}
		}
	});

	it('every source has English forms without Swedish publisher names; a secondary page is only where the figure is cited (#20 item 13)', () => {
		const sources = JSON.parse(fs.readFileSync(path.join(out, 'sources.json'), 'utf8')) as { source_id: string; publisher: string; publisher_en?: string; citation: string; citation_en?: string; cited_in?: string; kind: string }[];
		const swedish = ['Exempeldata', 'syntetiska', 'Folkhälsomyndigheten', 'Statistiska centralbyrån', 'Skolinspektionen', 'Nationella folkhälsoenkäten', 'Skolenkäten', 'Källa', 'citerad i', 'kollektivtrafiknära', 'it-användning'];
		for (const s of sources) {
			expect(s.publisher_en, s.source_id).toBeTruthy();
			expect(s.citation_en, s.source_id).toBeTruthy();
			for (const w of swedish) {
				expect(s.publisher_en, `${s.source_id} publisher_en`).not.toContain(w);
				expect(s.citation_en, `${s.source_id} citation_en`).not.toContain(w);
			}
		}
		expect(sources.find((s) => s.kind === 'demo')!.publisher_en).toBe('Example data (synthetic)');
		const secondary = sources.filter((s) => s.cited_in);
		expect(secondary.length).toBeGreaterThan(0);
		for (const s of secondary) {
			expect(s.publisher).not.toMatch(/ via /);
			expect(s.citation).toMatch(new RegExp(`^Källa: ${s.publisher.replace(/[()]/g, '\\$&')}, .+, citerad i ${s.cited_in!.replace(/[()/]/g, '\\$&')}$`));
			expect(s.citation_en).toMatch(/^Source: .+, cited in /);
		}
		// The SCB figures read from a newspaper name SCB (in English: Statistics Sweden) as their source.
		const nyd = sources.find((s) => s.cited_in === 'Nya Dagbladet')!;
		expect([nyd.publisher, nyd.publisher_en]).toEqual(['SCB (ULF/SILC)', 'Statistics Sweden (ULF/SILC)']);
	});

	it('every CI contains its estimate; suppressed cells carry their status and no number', async () => {
		const [ci] = await q<{ n: number }>(`SELECT count(*)::INT AS n FROM ${obs()} WHERE ci_low > value OR ci_high < value OR (ci_low IS NULL) <> (ci_high IS NULL)`);
		expect(ci.n).toBe(0);
		const [orphan] = await q<{ n: number }>(`SELECT count(*)::INT AS n FROM ${obs()} WHERE value IS NULL AND (status IS NULL OR ci_low IS NOT NULL OR ci_high IS NOT NULL)`);
		expect(orphan.n).toBe(0);
		const [supp] = await q<{ n: number }>(`SELECT count(*)::INT AS n FROM ${obs()} WHERE status = '..' AND value IS NULL`);
		expect(supp.n).toBeGreaterThan(0);
		const gotland = await q(`SELECT * FROM ${obs()} WHERE region_code = '09' AND group_code = '85+' AND status = '..'`);
		expect(gotland.length).toBeGreaterThan(0);
		for (const g of gotland) expect(g.n).not.toBeNull();
	});

	it('writes sorted per-indicator partitions that add up to observations.parquet', async () => {
		const [all] = await q<{ n: number }>(`SELECT count(*)::INT AS n FROM ${obs()}`);
		let sum = 0;
		for (const id of FIXED_IDS) {
			const file = path.join(out, 'indicators', `${id}.parquet`);
			const rows = await q<{ indicator_id: string; region_code: string; period_start: number; period_end: number }>(
				`SELECT indicator_id, region_code, period_start, period_end FROM read_parquet('${file}')`
			);
			sum += rows.length;
			expect(new Set(rows.map((r) => r.indicator_id))).toEqual(new Set([id]));
			const keys = rows.map((r) => [r.region_code, r.period_start, r.period_end] as const);
			const cmp = (a: readonly [string, number, number], b: readonly [string, number, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]);
			expect(keys).toEqual([...keys].sort(cmp));
			const meta = await q<{ c: string }>(`SELECT DISTINCT compression AS c FROM parquet_metadata('${file}')`);
			expect(meta.map((m) => m.c)).toEqual(['ZSTD']);
		}
		expect(sum).toBe(all.n);
	});

	it('writes a manifest whose counts reconcile with the files', async () => {
		const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		const c = m.counts;
		expect(c.input_cells).toBe(c.observations + c.missing_cells + c.rejects + c.replaced_by_real);
		expect(c.example_withheld).toBeGreaterThan(0);
		expect(c.example_withheld).toBeLessThanOrEqual(c.replaced_by_real);
		const [rows] = await q<{ n: number; missing: number }>(`SELECT count(*)::INT AS n, count(*) FILTER (WHERE value IS NULL)::INT AS missing FROM ${obs()}`);
		expect(rows.n).toBe(c.observations + c.missing_cells);
		expect(rows.missing).toBe(c.missing_cells);
		const rejectRows = parseCsv(fs.readFileSync(path.join(out, 'rejects.csv'), 'utf8'));
		expect(rejectRows.length).toBe(c.rejects + c.suppressed);
		expect(rejectRows.filter((r) => r.reason.startsWith('suppressed')).length).toBe(c.suppressed);
		expect(c.replaced_by_real).toBeGreaterThan(0);
		// sha256 for inputs and outputs
		expect(m.inputs.map((i: { file: string }) => i.file)).toContain('data/raw/published/published_values.csv');
		for (const o of m.outputs) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(m.outputs.map((o: { file: string }) => o.file)).toEqual(expect.arrayContaining(['observations.parquet', 'indicators.json', 'regions.json', 'groups.json', 'sources.json', 'map/counties.json']));
		expect(Object.keys(m.rows_per_indicator).sort()).toEqual([...FIXED_IDS].sort());
	});

	it('writes the JSON dimension files with the fields the site reads (and the new ones)', () => {
		const ind = JSON.parse(fs.readFileSync(path.join(out, 'indicators.json'), 'utf8'));
		expect(ind.map((i: { id: string }) => i.id)).toEqual(FIXED_IDS);
		for (const i of ind) {
			for (const f of ['id', 'subgoal', 'name', 'short', 'unit', 'polarity', 'definition', 'question', 'source', 'breakdowns', 'periods', 'series_breaks', 'verification', 'data'])
				expect(i, `${i.id}.${f}`).toHaveProperty(f);
			expect(i.source.attribution.sv).toMatch(/^Källa: /);
		}
		const regions = JSON.parse(fs.readFileSync(path.join(out, 'regions.json'), 'utf8'));
		expect(regions.filter((r: { level: string }) => r.level === 'county').map((r: { code: string }) => r.code)).toEqual(COUNTIES);
		expect(regions.filter((r: { level: string }) => r.level === 'municipality')).toHaveLength(290);
		expect(regions.find((r: { code: string }) => r.code === '21')).toMatchObject({ name: { sv: 'Gävleborgs län' }, nuts2: 'SE31', parent: '00' });
		const groups = JSON.parse(fs.readFileSync(path.join(out, 'groups.json'), 'utf8'));
		const age = groups.find((g: { id: string }) => g.id === 'age');
		expect(age.codes.filter((c: { standard: boolean }) => c.standard).map((c: { code: string }) => c.code)).toEqual(['11', '13', '15', '16-29', '30-44', '45-64', '65-84', '85+']);
		for (const f of ['indicators', 'regions', 'groups', 'sources']) expect(fs.existsSync(path.join(out, `${f}.parquet`))).toBe(true);
	});

	it('writes the county map with all 21 counties, the viewBox and the attribution', () => {
		const map = JSON.parse(fs.readFileSync(path.join(out, 'map/counties.json'), 'utf8'));
		expect(Object.keys(map.counties).sort()).toEqual(COUNTIES);
		expect(map.codes).toEqual(COUNTIES);
		expect(map.viewBox).toMatch(/^\d+ \d+ \d+ \d+$/);
		expect(map.attribution).toMatch(/@svg-maps\/sweden.*CC BY 4\.0/);
		for (const c of Object.values(map.counties) as { path: string; label: { sv: string }; anchor: number[] }[]) {
			expect(c.path).toMatch(/^m /);
			expect(c.label.sv).toMatch(/län$/);
			expect(c.anchor).toHaveLength(2);
		}
		expect(map.counties['09'].svg_id).toBe('gotland');
		expect(map.counties['14'].svg_id).toBe('vastra gotaland');
	});
});
