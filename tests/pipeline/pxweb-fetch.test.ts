import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sharedPath } from '../helpers/shared.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fetchTable, FetchError, RateLimiter, type FetchOptions, type TableSpec } from '../../pipelines/fetch/index.ts';
import { readManifest, appendManifest, type ManifestEntry } from '../../pipelines/fetch/manifest.ts';
import { requestHash, mockPath } from '../../pipelines/fetch/hash.ts';
import { cellsOf, planLeaves, planQuery, resolveSelection, v1Body, v2Body, koladaUrls, metadataUrl, SpecError } from '../../pipelines/fetch/query.ts';
import { shapeFromCube } from '../../pipelines/fetch/shape.ts';
import { defaultLimits } from '../../pipelines/fetch/spec.ts';
import { parseRetryAfter } from '../../pipelines/fetch/http.ts';
import { readPxWebJson, readPxWebMetadata } from '../../pipelines/read/pxweb-json.ts';
import { startReplayServer, type ReplayServer } from '../helpers/replay-server.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { BEF_EN, BEF_SV, readJson, readText } from '../helpers/fixtures.ts';
import { cell, cellMap } from '../helpers/cube-lookup.ts';

const QUERIES = sharedPath('fixtures/pxweb-api/queries/inst');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let server: ReplayServer;
let tmp: string;
let clock: FakeClock;

beforeAll(async () => {
	server = await startReplayServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pxweb-fetch-'));
	clock = new FakeClock();
	server.reset();
});
afterEach(() => {
	fs.rmSync(tmp, { recursive: true, force: true });
});

const v1 = (lang: string, selection: TableSpec['selection'], table = 'ssd/BE/BE0101/BE0101A/BefolkningNy'): TableSpec => ({
	api: 'pxweb-v1',
	baseUrl: server.urlFor('https://api.scb.se/OV0104/v1/doris'),
	table,
	lang,
	selection
});
const v2 = (table: string, selection: TableSpec['selection']): TableSpec => ({
	api: 'pxweb-v2',
	baseUrl: server.urlFor('https://statistikdatabasen.scb.se/api/v2'),
	table,
	lang: 'sv',
	selection
});
const opts = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
	outDir: path.join(tmp, 'raw'),
	manifestPath: path.join(tmp, 'manifest.json'),
	clock,
	repoRoot: tmp,
	retry: { random: () => 0 },
	...extra
});
const years = ['2016', '2017', '2018', '2019'];
const popSel = (tid: string[]) => ({ Region: ['00'], Alder: ['tot'], ContentsCode: ['BE0101N1'], Tid: tid });
const posts = () => server.requests.filter((r) => r.method === 'POST');
const manifestOk = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as ManifestEntry[];

describe('request hashes and bodies (httptest naming of the recordings)', () => {
	it('reproduces the recorded query-string hashes', () => {
		expect(requestHash('config')).toBe('249173');
		expect(requestHash('lang=sv')).toBe('f01ece');
		expect(requestHash('lang=sv&outputFormat=json-stat2')).toBe('35e0e2');
	});

	it('v1 body of json_single_query_test.json = recording e57f52 (and 28a10f as json-stat)', () => {
		const q = readJson(`${QUERIES}/extdata/test_files/json_queries/json_single_query_test.json`) as { query: { code: string; selection: { filter: string; values: string[] } }[] };
		const vars = q.query.map((x) => ({ code: x.code, filter: 'item' as const, values: x.selection.values, count: x.selection.values.length, splittable: true }));
		expect(requestHash(v1Body(vars))).toBe('e57f52');
		expect(requestHash(v1Body(vars, 'json-stat'))).toBe('28a10f');
		expect(mockPath('https://api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy', 'POST', v1Body(vars))).toBe(
			'api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy-e57f52-POST.json'
		);
	});

	it('resolved selections in table order give the recorded bodies (eec451, b4ec21, d7786c, 3e8562) and v2 5aec69', () => {
		const shape = shapeFromCube(readPxWebMetadata(readJson(`${BEF_EN}.json`), 'en'));
		const h = (tid: string[]) => requestHash(v1Body(resolveSelection({ Tid: tid, ContentsCode: ['BE0101N1'], Alder: ['tot'], Region: ['00'] }, shape, 't')));
		expect(h(years)).toBe('eec451');
		expect(h(['2016', '2017'])).toBe('b4ec21');
		expect(h(['2018', '2019'])).toBe('d7786c');
		const one = resolveSelection({ Region: ['00'], Civilstand: ['OG'], Alder: ['0'], Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2024'] }, shape, 't');
		expect(requestHash(v1Body(one))).toBe('3e8562');
		expect(requestHash(v2Body(one))).toBe('5aec69');
	});
});

describe('selection resolution and splitting', () => {
	const shape = shapeFromCube(readPxWebMetadata(readJson(`${BEF_SV}.json`), 'sv'));
	it("expands '*', all-patterns and top from the metadata; checks codes; requires non-eliminable variables", () => {
		const r = resolveSelection({ Region: { filter: 'all', values: ['01*'] }, ContentsCode: '*', Tid: { filter: 'top', values: ['3'] } }, shape, 'T');
		expect(r.map((v) => v.code)).toEqual(['Region', 'ContentsCode', 'Tid']);
		expect(r[0].values[0]).toBe('01');
		expect(r[0].values.every((c) => c.startsWith('01'))).toBe(true);
		expect(r[1].values).toEqual(['BE0101N1', 'BE0101N2']);
		expect(r[2].values).toEqual(['2022', '2023', '2024']);
		expect(() => resolveSelection({ ContentsCode: ['BE0101N1'] }, shape, 'T')).toThrow(/"Tid" can't be eliminated/);
		expect(() => resolveSelection({ ContentsCode: ['X'], Tid: ['2020'] }, shape, 'T')).toThrow(/ContentsCode has no value\(s\) "X"/);
		expect(() => resolveSelection({ Nope: ['1'], Tid: ['2020'], ContentsCode: ['BE0101N1'] }, shape, 'T')).toThrow(SpecError);
	});

	it('splits time first into balanced chunks, then the next variable; every leaf is under the limit', () => {
		const all = resolveSelection({ Region: '*', Kon: '*', ContentsCode: ['BE0101N1'], Tid: '*' }, shape, 'T');
		expect(cellsOf(all)).toBe(312 * 2 * 57);
		const plan = planQuery(all, shape, 5000, 'T');
		const leaves = planLeaves(plan);
		expect(plan.kind === 'split' && plan.dimension).toBe('Tid');
		expect(leaves.every((l) => cellsOf(l) <= 5000)).toBe(true);
		expect(leaves.reduce((n, l) => n + cellsOf(l), 0)).toBe(312 * 2 * 57);
		// one year is 624 cells; a 500-cell limit must split Region inside each year
		const small = planLeaves(planQuery(all, shape, 500, 'T'));
		expect(small.every((l) => cellsOf(l) <= 500)).toBe(true);
		expect(small.reduce((n, l) => n + cellsOf(l), 0)).toBe(312 * 2 * 57);
		const fourYears = resolveSelection(popSel(years), shape, 'T');
		for (const lim of [2, 3]) expect(planLeaves(planQuery(fourYears, shape, lim)).map((l) => l.find((v) => v.code === 'Tid')!.values)).toEqual([['2016', '2017'], ['2018', '2019']]);
	});

	it('limits come from data-sources.md (stricter figure) and can be overridden', () => {
		expect(defaultLimits({ api: 'pxweb-v1', baseUrl: 'https://api.scb.se/OV0104/v1/doris' })).toEqual({ maxCells: 100_000, maxCalls: 10, windowMs: 10_000 });
		expect(defaultLimits({ api: 'pxweb-v2', baseUrl: 'https://statistikdatabasen.scb.se/api/v2' }).maxCells).toBe(150_000);
		expect(defaultLimits({ api: 'pxweb-v1', baseUrl: 'https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1' }).maxCells).toBe(10_000);
	});

	it('URLs: language segment, percent-encoded Folkhälsodata paths, v2 metadata, Kolada v3', () => {
		const fohm: TableSpec = { api: 'pxweb-v1', baseUrl: 'https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1/', table: 'sv/A_Folkhalsodata/C_HBSC/Regionalt/Alkohol tobak och narkotika/A_RokvanorReg.px', lang: 'sv', selection: {} };
		expect(metadataUrl(fohm)).toBe('https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1/sv/A_Folkhalsodata/C_HBSC/Regionalt/Alkohol%20tobak%20och%20narkotika/A_RokvanorReg.px');
		expect(metadataUrl({ api: 'pxweb-v2', baseUrl: 'https://statistikdatabasen.scb.se/api/v2', table: 'TAB638', lang: 'sv', selection: {} })).toBe(
			'https://statistikdatabasen.scb.se/api/v2/tables/TAB638/metadata?lang=sv'
		);
		expect(koladaUrls({ api: 'kolada-v3', baseUrl: 'https://api.kolada.se/v3', table: 'N07418', lang: 'sv', selection: { municipality: ['0000', '0020'], year: ['2021', '2022'] } })).toEqual([
			'https://api.kolada.se/v3/data/kpi/N07418/municipality/0000,0020/year/2021,2022?per_page=5000'
		]);
	});

	it('Kolada: at most 25 ids per path segment; the URLs cover the cross product of the chunks once', () => {
		const munis = Array.from({ length: 60 }, (_, i) => String(1000 + i));
		const years = Array.from({ length: 30 }, (_, i) => String(1995 + i));
		const urls = koladaUrls({ api: 'kolada-v3', baseUrl: 'https://api.kolada.se/v3/', table: 'N15643', lang: 'sv', selection: { municipality: munis, year: years } });
		expect(urls).toHaveLength(3 * 2);
		const pairs = new Set<string>();
		for (const u of urls) {
			const m = /^https:\/\/api\.kolada\.se\/v3\/data\/kpi\/N15643\/municipality\/([\d,]+)\/year\/([\d,]+)\?per_page=5000$/.exec(u);
			expect(m, u).not.toBeNull();
			const [ms, ys] = [m![1].split(','), m![2].split(',')];
			expect(ms.length).toBeLessThanOrEqual(25);
			expect(ys.length).toBeLessThanOrEqual(25);
			for (const a of ms) for (const b of ys) pairs.add(`${a}/${b}`);
		}
		expect(pairs.size).toBe(60 * 30);
		expect(koladaUrls({ api: 'kolada-v3', baseUrl: 'https://api.kolada.se/v3', table: 'N07418', lang: 'sv', selection: { year: years.slice(0, 25) } })).toEqual([
			`https://api.kolada.se/v3/data/kpi/N07418/year/${years.slice(0, 25).join(',')}?per_page=5000`
		]);
	});
});

describe('replay server', () => {
	it('GET metadata, POST by body hash, POST by answer content (ÄNKL), unknown → 404 JSON', async () => {
		const base = server.urlFor('https://api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy');
		const meta = await (await fetch(base)).json();
		expect(meta).toEqual(readJson(`${BEF_SV}.json`));
		const single = readText(`${QUERIES}/extdata/test_files/json_queries/json_single_query_test.json`);
		const r1 = await fetch(base, { method: 'POST', body: single });
		expect(((await r1.json()) as { data: { values: string[] }[] }).data[0].values).toEqual(['5082662']);
		expect(server.requests.at(-1)!.answeredWith).toMatch(/BefolkningNy-e57f52-POST\.json$/);
		expect(server.requests.at(-1)!.matchedBy).toBe('hash');
		const vars = readText(`${QUERIES}/extdata/examples/json_query_variables_example.json`);
		await (await fetch(base, { method: 'POST', body: vars })).json();
		expect(server.requests.at(-1)!.answeredWith).toMatch(/BefolkningNy-21059a-POST\.json$/);
		expect(server.requests.at(-1)!.matchedBy).toBe('content');
		const ex = readText(`${QUERIES}/extdata/examples/json_query_example.json`);
		await (await fetch(base, { method: 'POST', body: ex })).json();
		expect(server.requests.at(-1)!.answeredWith).toMatch(/sv\/.*BefolkningNy-b51455-POST\.json$/);
		const js = readText(`${QUERIES}/extdata/examples/json-stat_query_example.json`);
		const r404 = await fetch(base, { method: 'POST', body: js }); // json-stat format of b51455's query was not recorded
		expect(r404.status).toBe(404);
		expect(((await r404.json()) as { error: string }).error).toMatch(/no recording/);
		expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST', 'POST', 'POST']);
		expect(server.requests[1].body).toBe(single);
	});
});

describe('fetchTable: PxWeb v1 against the recordings', () => {
	it('single call e57f52 → 5082662; files named like the recordings; manifest sha256 = sha256 of the saved files', async () => {
		const res = await fetchTable(v1('sv', { Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2017'] }), opts());
		expect(cell(res.cube, { Kon: '1', ContentsCode: 'BE0101N1', Tid: '2017' })).toBe(5082662);
		expect(res.files).toEqual(['raw/sv/BefolkningNy.json', 'raw/sv/BefolkningNy-e57f52-POST.json']);
		expect(fs.readFileSync(path.join(tmp, res.files[1]), 'utf8')).toBe(readText(`${BEF_SV}-e57f52-POST.json`));
		const m = await readManifest(path.join(tmp, 'manifest.json'));
		expect(m).toHaveLength(2);
		expect(m.map((e) => [e.method, e.status, e.savedAs])).toEqual([
			['GET', 200, 'raw/sv/BefolkningNy.json'],
			['POST', 200, 'raw/sv/BefolkningNy-e57f52-POST.json']
		]);
		for (const e of m) {
			expect(e.sha256).toBe(sha(path.join(tmp, e.savedAs!)));
			expect(e.bytes).toBe(fs.statSync(path.join(tmp, e.savedAs!)).size);
			expect(new Date(e.requestedAt).toISOString()).toBe(e.requestedAt);
		}
		expect(m[0].body).toBeNull();
		expect(requestHash(m[1].body!)).toBe('e57f52');
		expect(m[1].url).toBe(server.urlFor('https://api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy'));
	});

	it('ME0104T24: M/1/2002 → 133222, C/1/2002 → 59183', async () => {
		const res = await fetchTable(v1('sv', { Parti: ['M', 'C'], Kon: ['1'], ContentsCode: ['ME0104AV'], Tid: ['2002'] }, 'ssd/START/ME/ME0104/ME0104C/ME0104T24'), opts());
		expect(cell(res.cube, { Parti: 'M', Kon: '1', Tid: '2002' })).toBe(133222);
		expect(cell(res.cube, { Parti: 'C', Kon: '1', Tid: '2002' })).toBe(59183);
		expect(posts()[0].answeredWith).toMatch(/ME0104T24-c9f73a-POST\.json$/);
	});

	it('with a 2-cell limit, splits 2016–2019 into the two recorded calls and merges to the single call eec451', async () => {
		const single = await fetchTable(v1('en', popSel(years)), opts());
		expect(posts().map((r) => r.answeredWith)).toEqual([expect.stringMatching(/eec451/)]);
		server.requests.length = 0;
		const split = await fetchTable(v1('en', popSel(years)), opts({ limits: { maxCells: 2 } }));
		expect(posts().map((r) => path.basename(r.answeredWith!))).toEqual(['BefolkningNy-b4ec21-POST.json', 'BefolkningNy-d7786c-POST.json']);
		// found by the hash of our body: the client sent byte-identical bodies to the recorded ones
		expect(posts().map((r) => r.matchedBy)).toEqual(['hash', 'hash']);
		expect(split.calls).toBe(2);
		expect(split.cube.values).toEqual([9995153, 10120242, 10230185, 10327589]);
		expect(split.cube.values).toEqual(single.cube.values);
		expect([...cellMap(split.cube)]).toEqual([...cellMap(single.cube)]);
		expect(split.cube.dimensions.map((d) => d.code)).toEqual(single.cube.dimensions.map((d) => d.code));
		expect(split.files).toEqual(['raw/en/BefolkningNy.json', 'raw/en/BefolkningNy-b4ec21-POST.json', 'raw/en/BefolkningNy-d7786c-POST.json']);
	});

	it('per-year split (limit 4 cells) → 74adc2 + 4f411e + b770f2 = 21059a', async () => {
		const sel = { Civilstand: ['OG', 'G', 'SK', 'ÄNKL'], ContentsCode: ['BE0101N1'], Tid: ['2015', '2016', '2017'] };
		const res = await fetchTable(v1('sv', sel), opts({ limits: { maxCells: 4 } }));
		expect(posts().map((r) => path.basename(r.answeredWith!))).toEqual(['BefolkningNy-74adc2-POST.json', 'BefolkningNy-4f411e-POST.json', 'BefolkningNy-b770f2-POST.json']);
		const single = readPxWebJson(readText(`${BEF_SV}-21059a-POST.json`), { origin: 'x', metadata: readJson(`${BEF_SV}.json`) }).cube;
		expect(res.cube.values).toEqual(single.values);
		expect(cell(res.cube, { Civilstand: 'OG', Tid: '2015' })).toBe(5157443);
		expect(cell(res.cube, { Civilstand: 'ÄNKL', Tid: '2017' })).toBe(435643);
	});

	it('403 (over the limit) → the call is split in two and retried once', async () => {
		server.maxCells = 2;
		const res = await fetchTable(v1('en', popSel(years)), opts());
		expect(posts().map((r) => r.status)).toEqual([403, 200, 200]);
		expect(posts().slice(1).map((r) => path.basename(r.answeredWith!))).toEqual(['BefolkningNy-b4ec21-POST.json', 'BefolkningNy-d7786c-POST.json']);
		expect(res.cube.values).toEqual([9995153, 10120242, 10230185, 10327589]);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m.map((e) => e.status)).toEqual([200, 403, 200, 200]);
	});

	it('403 again after the split → FetchError over-limit with URL', async () => {
		server.maxCells = 1;
		const err = await fetchTable(v1('en', popSel(years)), opts()).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(FetchError);
		expect((err as FetchError).kind).toBe('over-limit');
		expect((err as FetchError).message).toContain(server.urlFor('https://api.scb.se/OV0104/v1/doris/en/ssd/BE/BE0101/BE0101A/BefolkningNy'));
		expect((err as FetchError).message).toMatch(/still over the limit after splitting a 4-cell query/);
		expect(posts().map((r) => r.status)).toEqual([403, 403]);
	});
});

describe('fetchTable: PxWebApi 2 and cross-format', () => {
	it('TAB638 v2 json-stat2 = 50937 = v1 json 3e8562', async () => {
		const sel = { Region: ['00'], Civilstand: ['OG'], Alder: ['0'], Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2024'] };
		const a = await fetchTable(v2('TAB638', sel), opts());
		expect(server.requests.map((r) => [r.method, r.path.replace(/^\/statistikdatabasen\.scb\.se\/api\/v2/, ''), r.answeredWith && path.basename(r.answeredWith)])).toEqual([
			['GET', '/tables/TAB638/metadata?lang=sv', 'metadata-f01ece.json'],
			['POST', '/tables/TAB638/data?lang=sv&outputFormat=json-stat2', 'data-35e0e2-5aec69-POST.json']
		]);
		expect(JSON.parse(posts()[0].body!)).toEqual({ selection: Object.entries(sel).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })) });
		expect(a.files).toEqual(['raw/TAB638-metadata-f01ece.json', 'raw/TAB638-data-35e0e2-5aec69-POST.json']);
		expect(a.cube.values).toEqual([50937]);
		const b = await fetchTable(v1('sv', sel), opts());
		expect(b.cube.values).toEqual([50937]);
		expect([...cellMap(a.cube)]).toEqual([...cellMap(b.cube)]);
	});

	it('TAB5974 (metadata recorded without ?lang) → [50080, 47361]', async () => {
		const res = await fetchTable(v2('TAB5974', { InrikesUtrikes: ['83'], Alder: ['0'], Kon: ['1', '2'], ContentsCode: ['000005NO'], Tid: ['2026'] }), opts());
		expect(res.cube.values).toEqual([50080, 47361]);
		expect(cell(res.cube, { Kon: '2' })).toBe(47361);
		expect(posts()[0].answeredWith).toMatch(/data-35e0e2-fb7f17-POST\.json$/);
	});

	it('v2: split calls that were never recorded → 404 → error naming table and URL; the split selection is in the body', async () => {
		const sel = { InrikesUtrikes: ['83'], Alder: ['0'], Kon: ['1', '2'], ContentsCode: ['000005NO'], Tid: ['2026'] };
		// the halves were never recorded: the replay answers 404 → unknown-table error names the URL
		const err = await fetchTable(v2('TAB5974', sel), opts({ limits: { maxCells: 1 } })).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(FetchError);
		expect((err as FetchError).message).toMatch(/^unknown table TAB5974 at http:\/\/127\.0\.0\.1:\d+\/statistikdatabasen\.scb\.se\/api\/v2\/tables\/TAB5974\/data\?lang=sv&outputFormat=json-stat2/);
		expect(JSON.parse(posts()[0].body!).selection[2]).toEqual({ variableCode: 'Kon', valueCodes: ['1'] });
	});
});

describe('fetchTable: error answers', () => {
	const spec = () => v1('sv', { Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2017'] });

	it('404 on the metadata → "unknown table <id> at <url>", no retry', async () => {
		const err = (await fetchTable(v1('sv', {}, 'ssd/BE/BE0101/BE0101A/Nope'), opts()).catch((e: unknown) => e)) as FetchError;
		expect(err).toBeInstanceOf(FetchError);
		expect(err.kind).toBe('unknown-table');
		expect(err.status).toBe(404);
		expect(err.message).toContain(`unknown table ssd/BE/BE0101/BE0101A/Nope at ${server.urlFor('https://api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/Nope')}`);
		expect(server.requests).toHaveLength(1);
	});

	it('429 with Retry-After: waits at least that long (fake clock), then succeeds', async () => {
		server.script('BefolkningNy', [{ replay: true }, { status: 429, body: '{"error":"Too many requests"}', headers: { 'retry-after': '7' } }]);
		const res = await fetchTable(spec(), opts());
		expect(res.cube.values).toEqual([5082662]);
		expect(clock.sleeps).toEqual([7000]);
		expect(posts().map((r) => r.status)).toEqual([429, 200]);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m.map((e) => [e.status, e.attempt])).toEqual([
			[200, 1],
			[429, 1],
			[200, 2]
		]);
		expect(m[1].savedAs).toBe('raw/sv/BefolkningNy-e57f52-POST.try1-429.raw');
		expect(parseRetryAfter('Wed, 01 Jan 2026 00:00:30 GMT', Date.UTC(2026, 0, 1))).toBe(30_000);
	});

	it('503 twice then success: exponential backoff with jitter (random = 0 → half delays)', async () => {
		server.script('BefolkningNy', [{ replay: true }, { status: 503, body: 'busy' }, { status: 503, body: 'busy' }]);
		const res = await fetchTable(spec(), opts());
		expect(res.cube.values).toEqual([5082662]);
		expect(clock.sleeps).toEqual([500, 1000]);
		expect(posts().map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('503 forever: gives up after maxTries with URL, status and tries; delays capped', async () => {
		server.script('BefolkningNy', [{ replay: true }, ...Array.from({ length: 6 }, () => ({ status: 503, body: 'busy' }))]);
		const err = (await fetchTable(spec(), opts({ retry: { random: () => 1, maxTries: 5, baseDelayMs: 1000, maxDelayMs: 4000 } })).catch((e: unknown) => e)) as FetchError;
		expect(err).toBeInstanceOf(FetchError);
		expect(err.kind).toBe('retries-exhausted');
		expect(err.tries).toBe(5);
		expect(err.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/api\.scb\.se\/OV0104\/v1\/doris\/sv\/ssd\/BE\/BE0101\/BE0101A\/BefolkningNy: gave up after 5 tries; last: HTTP 503/);
		expect(clock.sleeps).toEqual([1000, 2000, 4000, 4000]);
	});

	it('500: retried once, then a clear error; 500 once then success works', async () => {
		server.script('BefolkningNy', [{ replay: true }, { status: 500, body: '<h1>Server Error</h1>' }]);
		expect((await fetchTable(spec(), opts())).cube.values).toEqual([5082662]);
		server.requests.length = 0;
		server.script('BefolkningNy', [{ replay: true }, { status: 500, body: 'err' }, { status: 500, body: 'err' }, { status: 500, body: 'never reached' }]);
		const err = (await fetchTable(spec(), opts()).catch((e: unknown) => e)) as FetchError;
		expect(err.message).toMatch(/gave up after 2 tries; last: HTTP 500; answer saved as raw\/sv\/BefolkningNy-e57f52-POST\.try2-500\.raw/);
		expect(posts()).toHaveLength(2);
	});

	it('truncated body (Content-Length larger than sent): retried; if it persists, error with URL and byte count, partial answer saved', async () => {
		const part = readText(`${BEF_SV}-e57f52-POST.json`).slice(0, 100);
		const partBytes = Buffer.byteLength(part);
		server.script('BefolkningNy', [{ replay: true }, { truncate: { declared: 772, send: part } }]);
		expect((await fetchTable(spec(), opts())).cube.values).toEqual([5082662]);
		server.script('BefolkningNy', [{ replay: true }, ...Array.from({ length: 5 }, () => ({ truncate: { declared: 772, send: part } }))]);
		const err = (await fetchTable(spec(), opts()).catch((e: unknown) => e)) as FetchError;
		expect(err).toBeInstanceOf(FetchError);
		expect(err.kind).toBe('truncated');
		expect(err.bytes).toBe(partBytes);
		expect(err.message).toContain(`BefolkningNy: gave up after 5 tries; last: truncated answer (${partBytes} bytes)`);
		expect(fs.readFileSync(path.join(tmp, err.savedAs!), 'utf8')).toBe(part);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m.at(-1)!.error).toBe(`truncated answer: ${partBytes} bytes received of 772 declared`);
	});

	it('non-JSON (HTML error page with 200): no retry; error with URL and bytes; raw saved; manifest stays valid JSON', async () => {
		const html = '<!DOCTYPE html><html><body>Service unavailable</body></html>';
		server.script('BefolkningNy', [{ replay: true }, { status: 200, body: html, headers: { 'content-type': 'text/html' } }]);
		const err = (await fetchTable(spec(), opts()).catch((e: unknown) => e)) as FetchError;
		expect(err.kind).toBe('not-json');
		expect(err.message).toContain(`POST ${server.urlFor('https://api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy')}: answer is not JSON (HTTP 200, ${html.length} bytes, starts "<!DOCTYPE html>`);
		expect(fs.readFileSync(path.join(tmp, err.savedAs!), 'utf8')).toBe(html);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m).toHaveLength(2);
		expect(m[1]).toMatchObject({ status: 200, bytes: html.length, sha256: sha(path.join(tmp, err.savedAs!)), error: `answer is not JSON (${html.length} bytes)` });
		expect(posts()).toHaveLength(1);
	});

	it('network error (connection refused / reset) is retried', async () => {
		let n = 0;
		const flaky: typeof fetch = (input, init) => {
			if (init?.method === 'POST' && n++ === 0) return Promise.reject(new TypeError('fetch failed'));
			return fetch(input, init);
		};
		const res = await fetchTable(spec(), opts({ fetch: flaky }));
		expect(res.cube.values).toEqual([5082662]);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m.map((e) => e.status)).toEqual([200, 0, 200]);
		expect(m[1]).toMatchObject({ sha256: null, savedAs: null, bytes: 0, error: 'network error: fetch failed' });
	});
});

describe('rate limit', () => {
	it('40 calls through 30 per 10 s: the 31st waits until the window frees', async () => {
		const c = new FakeClock(0);
		const lim = new RateLimiter(30, 10_000, c);
		const times: number[] = [];
		for (let i = 0; i < 40; i++) {
			await lim.acquire();
			times.push(c.now());
		}
		expect(times.slice(0, 30).every((t) => t === 0)).toBe(true);
		expect(times[30]).toBe(10_000);
		expect(times.slice(30).every((t) => t === 10_000)).toBe(true);
		expect(c.sleeps).toEqual([10_000]);
	});

	it('concurrent callers are served in order and never more than 30 in any 10 s', async () => {
		const c = new FakeClock(0);
		const lim = new RateLimiter(30, 10_000, c);
		const times: number[] = [];
		await Promise.all(Array.from({ length: 75 }, () => lim.acquire().then(() => times.push(c.now()))));
		expect(times).toHaveLength(75);
		for (let i = 30; i < times.length; i++) expect(times[i] - times[i - 30]).toBeGreaterThanOrEqual(10_000);
		expect(times.at(-1)).toBe(20_000);
	});

	it('calls spread over time only wait for the part of the window still taken', async () => {
		const c = new FakeClock(0);
		const lim = new RateLimiter(2, 10_000, c);
		await lim.acquire();
		c.advance(4000);
		await lim.acquire();
		await lim.acquire(); // oldest at 0 → free at 10 000
		expect(c.now()).toBe(10_000);
		await lim.acquire(); // second at 4000 → free at 14 000
		expect(c.now()).toBe(14_000);
	});

	it('fetchTable goes through the limiter: metadata + 2 split calls at 2 per 10 s → one wait', async () => {
		const res = await fetchTable(v1('en', popSel(years)), opts({ limits: { maxCells: 2, maxCalls: 2, windowMs: 10_000 } }));
		expect(res.cube.values).toEqual([9995153, 10120242, 10230185, 10327589]);
		expect(clock.sleeps).toEqual([10_000]);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(Date.parse(m[2].requestedAt) - Date.parse(m[0].requestedAt)).toBe(10_000);
	});
});

describe('rate limit shared between tables', () => {
	it('two fetchTable calls to the same host with the same clock share one limiter', async () => {
		const spec = v1('sv', { Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2017'] });
		const o = opts({ limits: { maxCalls: 2, windowMs: 10_000 } });
		await fetchTable(spec, o);
		expect(clock.sleeps).toEqual([]);
		await fetchTable(spec, o);
		expect(clock.sleeps).toEqual([10_000]);
	});
});

describe('manifest', () => {
	it('concurrent appends keep every entry and valid JSON; temp files are gone', async () => {
		const file = path.join(tmp, 'sub', 'manifest.json');
		const e = (i: number): ManifestEntry => ({ url: `u${i}`, method: 'GET', body: null, requestedAt: new Date(i).toISOString(), status: 200, sha256: null, bytes: 0, savedAs: null, attempt: 1 });
		await Promise.all(Array.from({ length: 25 }, (_, i) => appendManifest(file, e(i))));
		const m = manifestOk(file);
		expect(m.map((x) => x.url)).toEqual(Array.from({ length: 25 }, (_, i) => `u${i}`));
		expect(fs.readdirSync(path.dirname(file))).toEqual(['manifest.json']);
	});

	it('appends to an existing manifest across runs', async () => {
		await fetchTable(v1('sv', { Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2017'] }), opts());
		await fetchTable(v1('en', popSel(years)), opts());
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m).toHaveLength(4);
		for (const e of m) expect(e.sha256).toBe(sha(path.join(tmp, e.savedAs!)));
	});
});

const API_FIX = path.join(import.meta.dirname, 'fixtures-api');

describe('hand-written answers (tests/pipeline/fixtures-api)', () => {
	it('SCB-style 403 with an HTML body → split and retried once, merged like eec451', async () => {
		server.script('BefolkningNy', [{ replay: true }, { status: 403, body: readText(path.join(API_FIX, 'scb-403.html')), headers: { 'content-type': 'text/html' } }]);
		const res = await fetchTable(v1('en', popSel(years)), opts());
		expect(posts().map((r) => r.status)).toEqual([403, 200, 200]);
		expect(res.cube.values).toEqual([9995153, 10120242, 10230185, 10327589]);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m[1]).toMatchObject({ status: 403, savedAs: expect.stringMatching(/eec451-POST\.try1-403\.raw$/) });
	});

	it('Kolada v3: GET by municipality and year, follows next_url, builds kpi × municipality × period × gender', async () => {
		server.script('api.kolada.se', [
			{ status: 200, body: readText(path.join(API_FIX, 'kolada-N07418-page1.json')) },
			{ status: 200, body: readText(path.join(API_FIX, 'kolada-N07418-page2.json')) }
		]);
		const spec: TableSpec = { api: 'kolada-v3', baseUrl: 'https://api.kolada.se/v3', table: 'N07418', lang: 'sv', selection: { municipality: ['0000', '0020'], year: ['2021', '2022'] } };
		const res = await fetchTable(spec, opts({ fetch: server.fetch }));
		expect(server.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/api.kolada.se/v3/data/kpi/N07418/municipality/0000,0020/year/2021,2022?per_page=5000'],
			['GET', '/api.kolada.se/v3/data/kpi/N07418/municipality/0000,0020/year/2021,2022?page=2']
		]);
		expect(res.calls).toBe(2);
		expect(res.cube.dimensions.map((d) => [d.code, d.categories.map((c) => c.code)])).toEqual([
			['kpi', ['N07418']],
			['municipality', ['0000', '0020']],
			['period', ['2021', '2022']],
			['gender', ['T']]
		]);
		expect(cell(res.cube, { municipality: '0000', period: '2021' })).toBe(80.9);
		expect(res.cube.values).toEqual([80.9, null, 71.5, null]);
		expect(res.cube.status).toEqual(
			new Map([
				[1, 'Saknas'],
				[3, '..']
			])
		);
		const m = manifestOk(path.join(tmp, 'manifest.json'));
		expect(m.map((e) => e.url)).toEqual(['https://api.kolada.se/v3/data/kpi/N07418/municipality/0000,0020/year/2021,2022?per_page=5000', 'https://api.kolada.se/v3/data/kpi/N07418/municipality/0000,0020/year/2021,2022?page=2']);
		for (const e of m) expect(e.sha256).toBe(sha(path.join(tmp, e.savedAs!)));
		expect(new Set(res.files).size).toBe(2);
	});
});

describe('compressed answers', () => {
	it('a gzip answer whose Content-Length counts compressed bytes is not mistaken for a truncated one', async () => {
		const { gzipSync } = await import('node:zlib');
		const http = await import('node:http');
		const meta = fs.readFileSync(`${BEF_SV}.json`);
		const data = fs.readFileSync(`${BEF_SV}-e57f52-POST.json`);
		const srv = http.createServer((req, res) => {
			const z = gzipSync(req.method === 'GET' ? meta : data);
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(z.length) });
			res.end(z);
		});
		await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
		try {
			const port = (srv.address() as import('node:net').AddressInfo).port;
			const spec: TableSpec = { ...v1('sv', { Kon: ['1'], ContentsCode: ['BE0101N1'], Tid: ['2017'] }), baseUrl: `http://127.0.0.1:${port}/doris` };
			const res = await fetchTable(spec, opts());
			expect(res.cube.values).toEqual([5082662]);
			const m = manifestOk(path.join(tmp, 'manifest.json'));
			expect(m[1].bytes).toBe(data.length);
			expect(m[1].sha256).toBe(createHash('sha256').update(data).digest('hex'));
		} finally {
			srv.closeAllConnections();
			await new Promise<void>((r) => srv.close(() => r()));
		}
	});
});
