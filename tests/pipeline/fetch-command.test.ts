/**
 * `npm run pipeline -- fetch` end to end against the replay server: a test-only catalog
 * whose one indicator points at a recorded SCB table (BefolkningNy, recording e57f52), raw
 * answers + manifest saved under <raw>/scb/, the build rerun (observation in the Parquet,
 * fetch listed in the manifest). And offline: a clear failure per source, data unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';
import { runCli } from '../helpers/run-cli.ts';

const repo = path.resolve(__dirname, '../..');

const TEST_INDICATOR = `
- id: population_men
  subgoal: 1
  name: { sv: Folkmängd män (test), en: Population men (test) }
  short: { sv: Män, en: Men }
  definition: { sv: Testindikator mot en inspelad SCB-tabell., en: Test indicator against a recorded SCB table. }
  question: { sv: Ingen, en: None }
  unit: count
  polarity: no-judgement
  source:
    publisher: scb
    producer: { sv: SCB, en: Statistics Sweden }
    api: pxweb-v1
    table: ssd/BE/BE0101/BE0101A/BefolkningNy
    selection: { Kon: ["1"], ContentsCode: ["BE0101N1"], Tid: ["2017"] }
    url: https://www.statistikdatabasen.scb.se/
  breakdowns: [sex]
  age: { from: 0, to: null }
  periods:
    national: { type: single-year, list: ["2017"] }
    regional: { type: single-year, list: ["2017"] }
  series_breaks: []
  suppression: null
  first_year: 2017
  geography: [nation]
  verification: { level: V, note: test }
`;


const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function closedPort(): Promise<number> {
	const srv = net.createServer();
	await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
	const port = (srv.address() as net.AddressInfo).port;
	await new Promise<void>((r) => srv.close(() => r()));
	return port;
}

let server: ReplayServer;
let tmp: string;
let env: Record<string, string>;

beforeAll(async () => {
	server = await startReplayServer();
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-fetch-'));
	const catalog = path.join(tmp, 'catalog');
	fs.cpSync(path.join(repo, 'data/catalog'), catalog, { recursive: true });
	fs.writeFileSync(path.join(catalog, 'indicators.yaml'), TEST_INDICATOR);
	fs.mkdirSync(path.join(tmp, 'raw'));
	fs.cpSync(path.join(repo, 'data/raw/published'), path.join(tmp, 'raw/published'), { recursive: true });
	env = {
		ENSAMHET_CATALOG_DIR: catalog,
		ENSAMHET_RAW_DIR: path.join(tmp, 'raw'),
		ENSAMHET_OUT_DIR: path.join(tmp, 'out'),
		ENSAMHET_FETCH_TRIES: '1'
	};
});

afterAll(async () => {
	await server?.close();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('pipeline fetch', () => {
	it('fetches the catalog table from the (replayed) API, saves raw answers + manifest, and rebuilds', async () => {
		const res = await runCli(['fetch', 'population_men'], { ...env, ENSAMHET_API_BASE: server.urlFor('https://api.scb.se/OV0104/v1/doris') });
		expect(res.stderr).toBe('');
		expect(res.code).toBe(0);
		expect(res.stdout).toMatch(/fetch: population_men \(ssd\/BE\/BE0101\/BE0101A\/BefolkningNy\): .* call\(s\)/);
		expect(res.stdout).toMatch(/rebuilt static data/);

		const pubDir = path.join(tmp, 'raw/scb');
		const manifest = JSON.parse(fs.readFileSync(path.join(pubDir, 'manifest.json'), 'utf8')) as { method: string; status: number; savedAs: string; sha256: string }[];
		expect(manifest.map((e) => [e.method, e.status])).toEqual([
			['GET', 200],
			['POST', 200]
		]);
		for (const e of manifest) expect(sha(path.join(tmp, e.savedAs))).toBe(e.sha256);
		const index = JSON.parse(fs.readFileSync(path.join(pubDir, 'fetched.json'), 'utf8'));
		expect(index).toHaveLength(1);
		expect(index[0]).toMatchObject({ indicator: 'population_men', publisher: 'scb', table: 'ssd/BE/BE0101/BE0101A/BefolkningNy' });
		expect(fs.existsSync(path.join(pubDir, 'population_men.json-stat.json'))).toBe(true);

		// The rebuild read it: the recorded value (men, 2017) is a real observation in the Parquet.
		const out = path.join(tmp, 'out');
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		const rows = (
			await con.runAndReadAll(
				`SELECT region_code, period_start, sex, value, is_demo, source_id FROM read_parquet('${path.join(out, 'observations.parquet')}') WHERE indicator_id = 'population_men'`
			)
		).getRowObjectsJS();
		con.closeSync();
		db.closeSync();
		expect(rows).toEqual([expect.objectContaining({ region_code: '00', period_start: 2017, sex: 'M', value: 5082662, is_demo: false })]);
		const built = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		expect(built.fetches).toEqual([expect.objectContaining({ indicator: 'population_men', status: '1 observations, 0 rejects' })]);
		const sources = JSON.parse(fs.readFileSync(path.join(out, 'sources.json'), 'utf8')) as { source_id: string; fetched_at: string | null; kind: string }[];
		const src = sources.find((s) => s.source_id === rows[0].source_id);
		expect(src).toMatchObject({ kind: 'fetched' });
		expect(src?.fetched_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	});

	it('offline: fails with a clear message per source and leaves raw files and built data unchanged', async () => {
		const out = path.join(tmp, 'out');
		if (!fs.existsSync(path.join(out, 'observations.parquet'))) {
			const b = await runCli(['data'], env);
			expect(b.code).toBe(0);
		}
		const before = sha(path.join(out, 'observations.parquet'));
		const indexFile = path.join(tmp, 'raw/scb/fetched.json');
		const indexBefore = fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : null;
		const port = await closedPort();
		const res = await runCli(['fetch'], { ...env, ENSAMHET_API_BASE: `http://127.0.0.1:${port}/OV0104/v1/doris` });
		expect(res.code).toBe(1);
		expect(res.stderr).toMatch(/fetch: population_men: FAILED to fetch from scb \(pxweb-v1 http:\/\/127\.0\.0\.1:\d+\/OV0104\/v1\/doris ssd\/BE\/BE0101\/BE0101A\/BefolkningNy\): .+\. Previous raw files and built data are unchanged\./);
		expect(res.stdout).toMatch(/nothing fetched; the built data is unchanged/);
		expect(sha(path.join(out, 'observations.parquet'))).toBe(before);
		expect(fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : null).toBe(indexBefore);
	});

	it('Kolada (transit_access, real catalog): paged answers → nation, county and municipality rows, real values win over example data', async () => {
		const requests: string[] = [];
		const srv = http.createServer((req, res) => {
			requests.push(req.url ?? '');
			const page2 = (req.url ?? '').includes('page=2');
			const rows = page2
				? [{ kpi: 'N07418', municipality: '2180', period: 2021, values: [{ gender: 'T', value: 88.2 }, { gender: 'K', value: null, status: 'Saknas' }] }]
				: [
						{ kpi: 'N07418', municipality: '0000', period: 2021, values: [{ gender: 'T', value: 80.9 }, { gender: 'K', value: 81.4 }, { gender: 'M', value: 80.4 }] },
						{ kpi: 'N07418', municipality: '0021', period: 2021, values: [{ gender: 'T', value: 77.7 }] }
					];
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ values: rows, ...(page2 ? {} : { next_page: `${req.url}${req.url?.includes('?') ? '&' : '?'}page=2` }) }));
		});
		await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
		const port = (srv.address() as net.AddressInfo).port;
		const raw = path.join(tmp, 'raw-kolada');
		const out = path.join(tmp, 'out-kolada');
		fs.cpSync(path.join(repo, 'data/raw/published'), path.join(raw, 'published'), { recursive: true });
		try {
			const res = await runCli(['fetch', 'transit_access'], {
				ENSAMHET_RAW_DIR: raw,
				ENSAMHET_OUT_DIR: out,
				ENSAMHET_CATALOG_DIR: path.join(repo, 'data/catalog'),
				ENSAMHET_FETCH_TRIES: '1',
				ENSAMHET_API_BASE_KOLADA: `http://127.0.0.1:${port}/v3`
			});
			expect(res.stderr).toBe('');
			expect(res.code).toBe(0);
		} finally {
			await new Promise<void>((r) => srv.close(() => r()));
		}
		expect(requests[0]).toMatch(new RegExp(`^/v3/data/kpi/N07418/year/2014,2015,.*,${new Date().getUTCFullYear()}\\?per_page=5000$`));
		expect(requests).toHaveLength(2);
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		const rows = (
			await con.runAndReadAll(
				`SELECT region_code AS r, sex, value, status, is_demo FROM read_parquet('${path.join(out, 'observations.parquet')}') WHERE indicator_id = 'transit_access' AND period_start = 2021 AND group_dim = 'total' AND region_code IN ('00', '21', '2180') ORDER BY 1, 2`
			)
		).getRowObjectsJS();
		con.closeSync();
		db.closeSync();
		expect(rows).toEqual([
			{ r: '00', sex: 'K', value: 81.4, status: null, is_demo: false },
			{ r: '00', sex: 'M', value: 80.4, status: null, is_demo: false },
			{ r: '00', sex: 'T', value: 80.9, status: null, is_demo: false },
			{ r: '21', sex: 'K', value: null, status: '..', is_demo: false },
			{ r: '21', sex: 'M', value: null, status: '..', is_demo: false },
			{ r: '21', sex: 'T', value: 77.7, status: null, is_demo: false },
			{ r: '2180', sex: 'K', value: null, status: 'Saknas', is_demo: false },
			{ r: '2180', sex: 'M', value: null, status: '..', is_demo: false },
			{ r: '2180', sex: 'T', value: 88.2, status: null, is_demo: false }
		]);
		const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		expect(m.counts.input_cells).toBe(m.counts.observations + m.counts.missing_cells + m.counts.rejects + m.counts.replaced_by_real);
	});

	it('real catalog: indicators without a known table are skipped, the others get specs from the catalog', async () => {
		const { planFetch } = await import('../../pipelines/commands/fetch.ts');
		const { loadCatalog } = await import('../../pipelines/catalog/load.ts');
		const c = loadCatalog(path.join(repo, 'data/catalog'));
		const plans = planFetch(c.indicators, { publishers: c.publishers, municipalities: c.municipalities, env: {}, now: new Date('2026-11-30T00:00:00Z') });
		const byId = Object.fromEntries(plans.filter((p) => !p.spec || p.spec.table === p.indicator.source.table).map((p) => [p.indicator.id, p]));
		// The HLV indicators also fetch their national breakdown table (by age) and, where one is
		// known, the A_Mo8 table with municipal values.
		expect(plans.filter((p) => p.indicator.id === 'trust_others').map((p) => p.spec?.table)).toEqual([
			'A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socxreg.px',
			'A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socaald.px',
			'A_Folkhalsodata/A_Mo8/7_Kontroll/02Civil/07.05lita/litaYreg.px'
		]);
		expect(byId.trust_others.spec).toMatchObject({
			api: 'pxweb-v1',
			baseUrl: 'https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1',
			table: 'A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socxreg.px',
			publisher: 'fohm'
		});
		expect(byId.trust_others.spec?.selection['Sociala relationer']).toEqual(['40']);
		expect(byId.transit_access.spec).toMatchObject({ api: 'kolada-v3', table: 'N07418', publisher: 'kolada' });
		// Kolada: every year from first_year up to this year; the answer decides which exist.
		expect(byId.transit_access.spec?.selection.year).toEqual(Array.from({ length: 13 }, (_, i) => String(2014 + i)));
		// school_unsafe asks for the 290 municipalities only: no nation row can come back.
		expect(byId.school_unsafe.spec?.selection.municipality).toHaveLength(290);
		expect(byId.school_unsafe.spec?.selection.municipality).not.toContain('0000');
		// The HLV age total is chosen by its text, never a hard-coded code.
		expect(plans.find((p) => p.indicator.id === 'trust_others' && p.spec?.table.endsWith('hlv1socaald.px'))?.spec?.totalTexts).toEqual({ Ålder: ['Totalt 16-84 år', '16-84 år'] });
		expect(byId.no_close_friend.spec).toBeNull();
		expect(byId.no_close_friend.skip).toMatch(/table id not known/);
		// trust_institutions: the code of "Låg tillit till samhällets institutioner" is resolved from the metadata by text.
		expect(byId.trust_institutions.spec?.selection['Sociala relationer']).toEqual({ filter: 'text', values: ['Låg tillit till samhällets institutioner'] });
		expect(byId.trust_institutions.spec?.table).toBe('A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socxreg.px');
		const overridden = planFetch(c.indicators, { publishers: c.publishers, env: { ENSAMHET_API_BASE_FOHM: 'http://127.0.0.1:9/x' } });
		expect(overridden.find((p) => p.indicator.id === 'no_confidant')?.spec?.baseUrl).toBe('http://127.0.0.1:9/x');
	});
});

describe('pipeline fetch: school_unsafe from Kolada N15643 (real catalog, replayed answers)', () => {
	it('asks for the municipalities in chunks of 25, drops the isdeleted duplicate, shows 100 − N15643 (~22, not ~78) and keeps the published nation', async () => {
		const kolada = await startReplayServer();
		const munis = fs
			.readFileSync(path.join(repo, 'data/catalog/municipalities.csv'), 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => l.split(',')[0]);
		// Shaped like Kolada v3: one row per municipality and year, gender T only, values ~78 (the
		// share who feel SAFE); no 0000 row (Kolada has none for Skolenkäten KPIs); no 2025/2026 yet.
		const safe = (m: string, y: number) => (m === '1441' ? { 2022: 77.2, 2023: 77.2, 2024: 77.3 }[y]! : Math.round((70 + ((Number(m) * 7 + y) % 17) + 0.4) * 10) / 10);
		const answers = [];
		for (let i = 0; i < munis.length; i += 25) {
			const values: unknown[] = [];
			for (const m of munis.slice(i, i + 25))
				for (const y of [2022, 2023, 2024]) {
					// Kolada keeps a deleted figure next to its replacement; listed first, it would win "first kept".
					if (m === '0114' && y === 2023) values.push({ kpi: 'N15643', municipality: m, period: y, values: [{ gender: 'T', count: 1, status: '', value: 12.3, isdeleted: true }] });
					values.push({ kpi: 'N15643', municipality: m, period: y, values: [{ gender: 'T', count: 1, status: '', value: safe(m, y), isdeleted: false }] });
				}
			answers.push({ status: 200, body: JSON.stringify({ count: values.length, values, next_url: null }) });
		}
		kolada.script('api.kolada.se/v3/data/kpi/N15643', answers);
		const raw = path.join(tmp, 'raw-school');
		const out = path.join(tmp, 'out-school');
		fs.cpSync(path.join(repo, 'data/raw/published'), path.join(raw, 'published'), { recursive: true });
		try {
			const res = await runCli(['fetch', 'school_unsafe'], {
				ENSAMHET_RAW_DIR: raw,
				ENSAMHET_OUT_DIR: out,
				ENSAMHET_CATALOG_DIR: path.join(repo, 'data/catalog'),
				ENSAMHET_FETCH_TRIES: '1',
				ENSAMHET_API_BASE_SKOLINSPEKTIONEN: kolada.urlFor('https://api.kolada.se/v3')
			});
			expect(res.stderr).toBe('');
			expect(res.code).toBe(0);
		} finally {
			await kolada.close();
		}
		// 290 municipalities → 12 calls of ≤ 25 ids, never the nation.
		expect(kolada.requests).toHaveLength(12);
		for (const r of kolada.requests) {
			const m = /\/municipality\/([\d,]+)\/year\/([\d,]+)\?per_page=5000$/.exec(r.path);
			expect(m, r.path).not.toBeNull();
			expect(m![1].split(',').length).toBeLessThanOrEqual(25);
			expect(m![1].split(',')).not.toContain('0000');
		}
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS();
		const obs = `read_parquet('${path.join(out, 'observations.parquet')}')`;
		const lerum = await q(`SELECT period_start AS y, value, is_demo FROM ${obs} WHERE indicator_id = 'school_unsafe' AND region_code = '1441' AND sex = 'T' AND group_dim = 'total' ORDER BY 1`);
		const vasby = await q(`SELECT value FROM ${obs} WHERE indicator_id = 'school_unsafe' AND region_code = '0114' AND period_start = 2023 AND sex = 'T' AND group_dim = 'total'`);
		const nation = await q(`SELECT period_start AS y, value, is_demo FROM ${obs} WHERE indicator_id = 'school_unsafe' AND region_code = '00' AND sex = 'T' AND group_dim = 'total' ORDER BY 1`);
		const range = await q(`SELECT min(value) AS lo, max(value) AS hi, count(*) AS n FROM ${obs} WHERE indicator_id = 'school_unsafe' AND length(region_code) = 4 AND NOT is_demo AND period_start BETWEEN 2022 AND 2024 AND sex = 'T'`);
		con.closeSync();
		db.closeSync();
		expect(lerum).toEqual([
			{ y: 2022, value: 22.8, is_demo: false },
			{ y: 2023, value: 22.8, is_demo: false },
			{ y: 2024, value: 22.7, is_demo: false }
		]);
		expect(vasby).toEqual([{ value: Math.round((100 - safe('0114', 2023)) * 10) / 10 }]);
		expect(Number(range[0].n)).toBe(290 * 3);
		expect(Number(range[0].lo)).toBeGreaterThan(13);
		expect(Number(range[0].hi)).toBeLessThan(31);
		// The nation is Skolinspektionen's published 17, 20, 19 %, not blanked and not from Kolada.
		expect(nation).toEqual([
			{ y: 2022, value: 17, is_demo: false },
			{ y: 2023, value: 20, is_demo: false },
			{ y: 2024, value: 19, is_demo: false }
		]);
		// What the indicator page shows: the complement's definition and the derived category.
		const ind = (JSON.parse(fs.readFileSync(path.join(out, 'indicators.json'), 'utf8')) as { id: string; definition: { sv: string; en: string }; source: { derived: { code: string; label: { sv: string } } } }[]).find(
			(i) => i.id === 'school_unsafe'
		)!;
		expect(ind.definition.sv).toMatch(/100 minus Kolada N15643/);
		expect(ind.definition.sv).toMatch(/Till viss del eller Inte alls/);
		expect(ind.definition.sv).toMatch(/Vet inte/);
		expect(ind.source.derived).toMatchObject({ code: 'N15643', label: { sv: expect.stringMatching(/helt och hållet eller till stor del/) } });
		const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		expect(manifest.fetches).toEqual([expect.objectContaining({ indicator: 'school_unsafe', status: `${290 * 3} observations, 0 rejects` })]);
	});
});

describe('pipeline fetch: Folkhälsodata codes chosen by their text (replayed, hand-written answers)', () => {
	const FOHM_ROOT = path.join(repo, 'tests/pipeline/fixtures-api/fohm');
	const TABLES = path.join(FOHM_ROOT, 'fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1/sv/A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel');
	const FOHM_API = 'https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1';
	/** The share in a recorded answer, read straight from its JSON (the oracle, not our reader). */
	const shareIn = (file: string, key: string[]) => {
		const ans = JSON.parse(fs.readFileSync(path.join(TABLES, file), 'utf8')) as { data: { key: string[]; values: string[] }[] };
		return Number(ans.data.find((d) => d.key.join('|') === key.join('|'))!.values[0].replace(',', '.'));
	};

	it('age total "Totalt 16-84 år" has code 51 here, not 30; "Låg tillit till samhällets institutioner" resolves to its code; counties are kept', async () => {
		const fohm = await startReplayServer(FOHM_ROOT);
		const raw = path.join(tmp, 'raw-fohm');
		const out = path.join(tmp, 'out-fohm');
		fs.cpSync(path.join(repo, 'data/raw/published'), path.join(raw, 'published'), { recursive: true });
		try {
			const res = await runCli(['fetch', 'trust_others', 'trust_institutions'], {
				ENSAMHET_RAW_DIR: raw,
				ENSAMHET_OUT_DIR: out,
				ENSAMHET_CATALOG_DIR: path.join(repo, 'data/catalog'),
				ENSAMHET_FETCH_TRIES: '1',
				ENSAMHET_API_BASE_FOHM: fohm.urlFor(FOHM_API)
			});
			expect(res.stderr).toBe('');
			expect(res.code).toBe(0);
		} finally {
			await fohm.close();
		}
		const posts = fohm.requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => [r.status, r.answeredWith?.split('-').at(-2)])).toEqual([
			[200, 'b40000'],
			[200, 'a40000'],
			[200, 'c40000'],
			[200, 'b45000'],
			[200, 'a45000']
		]);
		// The A_Mo8 alternative: its other variables (Region, År) asked whole, by name.
		expect((JSON.parse(posts[2].body!) as { query: { code: string; selection: { values: string[] } }[] }).query).toEqual([
			{ code: 'Region', selection: { filter: 'item', values: ['00', '20', '2080', '2081'] } },
			{ code: 'Tillit', selection: { filter: 'item', values: ['40'] } },
			{ code: 'År', selection: { filter: 'item', values: ['2017-2020', '2021-2024'] } }
		]);
		const soc = (body: string | null) => (JSON.parse(body!) as { query: { code: string; selection: { values: string[] } }[] }).query.find((q) => q.code === 'Sociala relationer')!.selection.values;
		expect(posts.filter((r) => !r.path.includes('A_Mo8')).map((r) => soc(r.body))).toEqual([['40'], ['40'], ['45'], ['45']]);
		const index = JSON.parse(fs.readFileSync(path.join(raw, 'fohm/fetched.json'), 'utf8')) as { indicator: string; table: string; total_codes?: string[] }[];
		expect(index.filter((e) => e.table.endsWith('hlv1socaald.px')).map((e) => [e.indicator, e.total_codes])).toEqual([
			['trust_others', ['51']],
			['trust_institutions', ['51']]
		]);

		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		const obs = `read_parquet('${path.join(out, 'observations.parquet')}')`;
		const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS();
		const nationTotal = await q(`SELECT value, ci_low, ci_high, n, is_demo FROM ${obs} WHERE indicator_id = 'trust_others' AND region_code = '00' AND period_start = 2024 AND period_end = 2024 AND sex = 'T' AND group_dim = 'total'`);
		const young = await q(`SELECT value FROM ${obs} WHERE indicator_id = 'trust_others' AND region_code = '00' AND period_start = 2024 AND period_end = 2024 AND sex = 'T' AND group_dim = 'age' AND group_code = '16-29'`);
		const instCounty = await q(`SELECT value, is_demo FROM ${obs} WHERE indicator_id = 'trust_institutions' AND region_code = '20' AND period_start = 2021 AND period_end = 2024 AND sex = 'T' AND group_dim = 'total'`);
		const falun = await q(`SELECT period_start AS a, period_end AS b, value, ci_low, n, is_demo FROM ${obs} WHERE indicator_id = 'trust_others' AND region_code = '2080' ORDER BY 1`);
		const dalarna = await q(`SELECT value FROM ${obs} WHERE indicator_id = 'trust_others' AND region_code = '20' AND period_start = 2021 AND period_end = 2024 AND sex = 'T' AND group_dim = 'total'`);
		const instNation = await q(`SELECT value, is_demo FROM ${obs} WHERE indicator_id = 'trust_institutions' AND region_code = '00' AND period_start = 2024 AND period_end = 2024 AND sex = 'K' AND group_dim = 'total'`);
		con.closeSync();
		db.closeSync();
		const c = (x: number) => Math.round((100 - x) * 10) / 10;
		// The total comes from code 51 ("Totalt 16-84 år"), not 50 ("Totalt 16- år") and not a code 30.
		expect(nationTotal).toEqual([
			{
				value: c(shareIn('hlv1socaald.px-a40000-POST.json', ['40', '01', '51', '1', '2024'])),
				ci_low: c(shareIn('hlv1socaald.px-a40000-POST.json', ['40', '03', '51', '1', '2024'])),
				ci_high: c(shareIn('hlv1socaald.px-a40000-POST.json', ['40', '02', '51', '1', '2024'])),
				n: shareIn('hlv1socaald.px-a40000-POST.json', ['40', '04', '51', '1', '2024']),
				is_demo: false
			}
		]);
		expect(young).toEqual([{ value: c(shareIn('hlv1socaald.px-a40000-POST.json', ['40', '01', '52', '1', '2024'])) }]);
		// Municipal values from the A_Mo8 alternative (100 − "Svårt att lita på andra"); its nation and
		// county rows are rejects, so Dalarna keeps hlv1socxreg's value.
		expect(falun).toEqual([
			{ a: 2017, b: 2020, value: c(shareIn('../../../A_Mo8/7_Kontroll/02Civil/07.05lita/litaYreg.px-c40000-POST.json', ['2080', '40', '2017-2020'])), ci_low: null, n: null, is_demo: false },
			{ a: 2021, b: 2024, value: c(shareIn('../../../A_Mo8/7_Kontroll/02Civil/07.05lita/litaYreg.px-c40000-POST.json', ['2080', '40', '2021-2024'])), ci_low: null, n: null, is_demo: false }
		]);
		expect(dalarna).toEqual([{ value: c(shareIn('hlv1socxreg.px-b40000-POST.json', ['20', '40', '01', '1', '2021-2024'])) }]);
		const rejects = fs.readFileSync(path.join(out, 'rejects.csv'), 'utf8');
		expect(rejects).toMatch(/trust_others: region=20, period=2021-2024, sex=T","county values of trust_others do not come from A_Folkhalsodata\/A_Mo8\/7_Kontroll\/02Civil\/07\.05lita\/litaYreg\.px \(catalog alternative_tables\.api_geography: municipality\)"/);
		expect(instCounty).toEqual([{ value: c(shareIn('hlv1socxreg.px-b45000-POST.json', ['20', '45', '01', '1', '2021-2024'])), is_demo: false }]);
		expect(instNation).toEqual([{ value: c(shareIn('hlv1socaald.px-a45000-POST.json', ['45', '01', '51', '2', '2024'])), is_demo: false }]);
	});

	it('fails with a clear message, before any data call, when the metadata has no "Totalt 16-84 år"', async () => {
		const fohm = await startReplayServer(FOHM_ROOT);
		const meta = JSON.parse(fs.readFileSync(path.join(TABLES, 'hlv1socaald.px.json'), 'utf8'));
		meta.variables[2].valueTexts = ['Totalt 16- år', '16-64 år', '16-29 år', '65-84 år'];
		fohm.script('hlv1socaald.px', [{ status: 200, body: JSON.stringify(meta) }]);
		const raw = path.join(tmp, 'raw-fohm-bad');
		fs.cpSync(path.join(repo, 'data/raw/published'), path.join(raw, 'published'), { recursive: true });
		let res: Awaited<ReturnType<typeof runCli>>;
		try {
			res = await runCli(['fetch', 'trust_others', '--no-build'], {
				ENSAMHET_RAW_DIR: raw,
				ENSAMHET_OUT_DIR: path.join(tmp, 'out-fohm-bad'),
				ENSAMHET_CATALOG_DIR: path.join(repo, 'data/catalog'),
				ENSAMHET_FETCH_TRIES: '1',
				ENSAMHET_API_BASE_FOHM: fohm.urlFor(FOHM_API)
			});
		} finally {
			await fohm.close();
		}
		expect(res.code).toBe(1);
		expect(res.stderr).toContain(
			'fetch: trust_others: FAILED to fetch from fohm (pxweb-v1 ' +
				fohm.urlFor(FOHM_API) +
				' A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socaald.px): A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socaald.px: no value of "Ålder" has the text "Totalt 16-84 år" or "16-84 år" (the metadata has 50 "Totalt 16- år", 51 "16-64 år", 52 "16-29 år", 53 "65-84 år")'
		);
		// The county table was fetched; the national table sent no data call.
		expect(fohm.requests.filter((r) => r.method === 'POST' && r.path.includes('hlv1socaald'))).toEqual([]);
	});
});
