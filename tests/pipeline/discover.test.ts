/**
 * `npm run pipeline -- discover`: proposals from folder listings and metadata, replayed.
 * - Folkhälsodata (v1): our hand-written folder listings and metadata (fixtures-api/fohm,
 *   shaped like the real API; the HBSC table names there are made up), walked from the
 *   catalog's HBSC folder for school_lonely.
 * - SCB v1: the recorded folder listing ME0104C and table metadata ME0104T24.
 * - SCB v2: the recorded TAB638 / TAB5974 metadata, behind a /tables?query= listing built from
 *   the recorded table record TAB5974.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startReplayServer, FIXTURES, type ReplayServer } from '../helpers/replay-server.ts';
import { discoverTables, keywords, matchedStems } from '../../pipelines/fetch/discover.ts';
import { startFromUrl } from '../../pipelines/commands/discover.ts';
import { runCli } from '../helpers/run-cli.ts';

const repo = path.resolve(__dirname, '../..');
const FOHM_ROOT = path.join(repo, 'tests/pipeline/fixtures-api/fohm');


let fohm: ReplayServer;
let scb: ReplayServer;
beforeAll(async () => {
	fohm = await startReplayServer(FOHM_ROOT);
	scb = await startReplayServer(FIXTURES);
});
afterAll(async () => {
	await fohm?.close();
	await scb?.close();
});

const getVia = (srv: ReplayServer) => async (url: string) => {
	const res = await srv.fetch(url);
	if (!res.ok) throw new Error(`${res.status} for ${url}`);
	return res.json() as Promise<unknown>;
};

describe('discover: wording → stems → matches', () => {
	it('stems drop stop words and match word starts', () => {
		expect(keywords('Andel som saknar en nära vän')).toEqual(['saknar', 'nära', 'vän']);
		expect(matchedStems('Har du någon nära vän?', keywords('saknar nära vän'))).toEqual(['nära', 'vän']);
		expect(matchedStems('Vänner och bekanta', ['vän'])).toEqual(['vän']);
		expect(startFromUrl('https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/pxweb/sv/A_Folkhalsodata/A_Folkhalsodata__C_HBSC/')).toBe('A_Folkhalsodata/C_HBSC');
		expect(startFromUrl('https://www.scb.se/hitta-statistik/')).toBeUndefined();
	});
});

describe('discover (CLI): Folkhälsodata folder listings, school_lonely', () => {
	it('walks C_HBSC (folders with spaces too), reads the best metadata, proposes the loneliness table first with its answer codes', async () => {
		const res = await runCli(['discover', 'school_lonely'], { ENSAMHET_API_BASE_FOHM_HBSC: fohm.urlFor('https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1'), ENSAMHET_FETCH_TRIES: '1' });
		expect(res.stderr).toBe('');
		expect(res.code).toBe(0);
		const gets = fohm.requests.map((r) => decodeURIComponent(r.path).replace(/^.*\/api\/v1\/sv\//, ''));
		// Breadth first from the catalog's folder: listings, then the metadata of the best-titled tables.
		expect(gets.slice(0, 6)).toEqual([
			'A_Folkhalsodata/C_HBSC',
			'A_Folkhalsodata/C_HBSC/Nationellt',
			'A_Folkhalsodata/C_HBSC/Regionalt',
			'A_Folkhalsodata/C_HBSC/Nationellt/aHalsa',
			'A_Folkhalsodata/C_HBSC/Nationellt/bLevnadsvanor',
			'A_Folkhalsodata/C_HBSC/Regionalt/Levnadsvanor'
		]);
		expect(gets).toContain('A_Folkhalsodata/C_HBSC/Regionalt/Levnadsvanor/Alkohol tobak och narkotika');
		expect(gets).toContain('A_Folkhalsodata/C_HBSC/Nationellt/aHalsa/HBSC_Ensam.px');
		expect(fohm.requests.every((r) => r.method === 'GET' && r.status === 200)).toBe(true);
		const lines = res.stdout.split('\n');
		expect(lines[0]).toBe('discover school_lonely — Andel skolbarn som för det mesta eller alltid känt sig ensamma');
		expect(res.stdout).toMatch(/read 7 folder listing\(s\), 5 table\(s\) listed, metadata of 5/);
		const first = lines.findIndex((l) => l.startsWith('  1. '));
		expect(lines[first]).toMatch(/^ {2}1\. A_Folkhalsodata\/C_HBSC\/Nationellt\/aHalsa\/HBSC_Ensam\.px — "Känt sig ensam efter ålder, kön och läsår" \(score \d+\)$/);
		expect(res.stdout).toContain('Ensamhet: 1 "Aldrig", 2 "Sällan", 3 "Ibland", 4 "För det mesta", 5 "Alltid"');
		expect(res.stdout).toContain('variables: Ensamhet, Ålder, Kön, Läsår');
		// Unrelated tables score lower or not at all.
		const second = lines.find((l) => l.startsWith('  2. ')) ?? '';
		expect(second).not.toContain('HBSC_Ensam');
		expect(res.stdout).not.toMatch(/\d\. .*A_RokvanorReg/);
		expect(res.stdout).toMatch(/Proposals only: confirm a table in data\/catalog\/indicators\.yaml/);
	});

	it('refuses what it cannot discover, with a clear message', async () => {
		const res = await runCli(['discover', 'transit_access'], {});
		expect(res.code).toBe(2);
		expect(res.stderr).toMatch(/discover works on PxWeb sources; transit_access uses kolada-v3/);
	});
});

describe('discover: SCB recordings', () => {
	it('v1: lists ME0104C, reads metadata, proposes the personal-votes table first; tables without recorded metadata are noted, not fatal', async () => {
		scb.reset();
		const r = await discoverTables({
			api: 'pxweb-v1',
			baseUrl: 'https://api.scb.se/OV0104/v1/doris',
			lang: 'sv',
			start: 'ssd/START/ME/ME0104/ME0104C',
			stems: keywords('personröster per parti och kön i riksdagens valkretsar'),
			get: getVia(scb),
			maxMetadata: 3
		});
		expect(r.foldersRead).toBe(1);
		expect(r.tablesListed).toBeGreaterThan(5);
		expect(r.candidates[0].table).toBe('ssd/START/ME/ME0104/ME0104C/ME0104T24');
		expect(r.candidates[0].metadataRead).toBe(true);
		expect(r.candidates[0].values.some((v) => v.variable === 'Region' && /valkrets/.test(v.text))).toBe(true);
		expect(r.metadataRead).toBe(1);
		expect(r.failures).toHaveLength(2);
		expect(r.failures.every((f) => /404/.test(f))).toBe(true);
	});

	it('v2: searches /tables?query=, reads the metadata of the hits, ranks by value texts', async () => {
		scb.reset();
		const rec = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'statistikdatabasen.scb.se/api/v2/tables/TAB5974.json'), 'utf8'));
		const meta638 = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'statistikdatabasen.scb.se/api/v2/tables/TAB638/metadata-f01ece.json'), 'utf8'));
		const listing = {
			language: 'sv',
			tables: [rec, { ...rec, id: 'TAB638', label: meta638.label, variableNames: Object.keys(meta638.dimension) }],
			page: { pageNumber: 1, pageSize: 50, totalElements: 2, totalPages: 1 }
		};
		const stems = keywords('Folkmängd efter civilstånd: gifta, skilda, änkor');
		scb.script('/api/v2/tables?query=', stems.slice(0, 4).map(() => ({ status: 200, body: JSON.stringify(listing) })));
		const r = await discoverTables({ api: 'pxweb-v2', baseUrl: 'https://statistikdatabasen.scb.se/api/v2', lang: 'sv', stems, get: getVia(scb) });
		const searches = scb.requests.filter((q) => q.path.includes('/tables?query='));
		expect(searches.map((q) => decodeURIComponent(q.path).replace(/^.*query=/, ''))).toEqual(stems.slice(0, 4).map((s) => `${s}*&lang=sv&pageSize=50`));
		expect(r.tablesListed).toBe(2);
		expect(r.metadataRead).toBe(2);
		expect(r.candidates.map((c) => c.table)).toEqual(['TAB638', 'TAB5974']);
		expect(r.candidates[0].values.filter((v) => v.variable === 'Civilstand').map((v) => v.text)).toEqual(['gifta', 'skilda', 'änkor/änklingar']);
		expect(r.candidates[0].score).toBeGreaterThan(r.candidates[1].score);
	});
});
