/**
 * The catalog: the real one loads and is complete; a malformed entry fails (the loader and
 * the build) with a message naming the file, the entry and the field.
 */
import { FIXED_IDS } from '../helpers/indicator-ids.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogError, loadCatalog } from '../../pipelines/catalog/load.ts';

const repo = path.resolve(__dirname, '../..');
const CATALOG = path.join(repo, 'data/catalog');

const temps: string[] = [];
afterEach(() => {
	for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

/** A copy of the catalog with one file edited. */
function brokenCatalog(file: string, edit: (text: string) => string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-catalog-'));
	temps.push(dir);
	fs.cpSync(CATALOG, dir, { recursive: true });
	const f = path.join(dir, file);
	const before = fs.readFileSync(f, 'utf8');
	const after = edit(before);
	expect(after, 'the edit must change the file').not.toBe(before);
	fs.writeFileSync(f, after);
	return dir;
}

function loadError(dir: string): string {
	try {
		loadCatalog(dir);
	} catch (e) {
		expect(e).toBeInstanceOf(CatalogError);
		return (e as Error).message;
	}
	throw new Error('the catalog loaded although it is malformed');
}

describe('the catalog', () => {
	const c = loadCatalog(CATALOG);

	it('has the twelve indicators with their fixed ids and every documented field', () => {
		expect(c.indicators.map((i) => i.id)).toEqual(FIXED_IDS);
		expect(c.indicators.map((i) => i.subgoal)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
		for (const i of c.indicators) {
			expect(i.name.sv && i.name.en && i.definition.sv && i.definition.en && i.question.sv && i.question.en).toBeTruthy();
			expect(['V', 'T', 'I', '?']).toContain(i.verification.level);
			expect(i.periods.national.list.length).toBeGreaterThan(0);
			expect(Number(i.periods.national.list[0].slice(0, 4))).toBeGreaterThanOrEqual(i.first_year);
		}
	});

	it('records the known source facts', () => {
		const by = Object.fromEntries(c.indicators.map((i) => [i.id, i]));
		expect(by.trust_others.source.derived).toMatchObject({ kind: 'complement', code: '40' });
		expect(by.trust_others.source.table).toBe('A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socxreg.px');
		expect(by.no_confidant.source.selection['Sociala relationer']).toEqual(['25']);
		expect(by.refrained_going_out.source.selection['Sociala relationer']).toEqual(['01']);
		expect(by.trust_others.periods.regional).toMatchObject({ type: 'pooled', length: 4 });
		expect(by.trust_others.periods.regional.list).toHaveLength(15);
		expect(by.trust_others.periods.national.list).toEqual(['2004', '2005', '2006', '2007', '2008', '2009', '2010', '2011', '2012', '2013', '2014', '2015', '2016', '2018', '2020', '2021', '2022', '2024']);
		expect(by.trust_others.suppression?.min_n).toBe(100);
		expect(by.no_close_friend.series_breaks.map((b) => b.year)).toEqual([2021]);
		expect(by.school_unsafe.series_breaks.map((b) => b.year)).toEqual([2022]);
		expect(by.lonely_often_always.series_breaks.map((b) => b.year)).toEqual([2024]);
		expect(by.school_lonely.periods.national.list).toEqual(['2002', '2006', '2010', '2014', '2018', '2022']);
		expect(by.association_active.periods.regional).toMatchObject({ type: 'pooled', length: 2 });
	});

	it('has the nation, the 21 counties with NUTS2, the 290 municipalities, groups and publishers', () => {
		expect(c.regions.map((r) => r.code)).toEqual(['00', '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25']);
		const nuts = Object.fromEntries(c.regions.filter((r) => r.nuts2).map((r) => [r.code, r.nuts2]));
		expect(nuts).toMatchObject({ '01': 'SE11', '18': 'SE12', '09': 'SE21', '12': 'SE22', '14': 'SE23', '21': 'SE31', '23': 'SE32', '25': 'SE33' });
		expect(c.municipalities).toHaveLength(290);
		const dims = Object.fromEntries(c.groups.map((g) => [g.id, g.codes.map((x) => x.code)]));
		expect(dims.age).toEqual(expect.arrayContaining(['16-29', '30-44', '45-64', '65-84', '85+']));
		for (const d of ['total', 'country_of_birth', 'education', 'disability', 'employment', 'household', 'school_year']) expect(dims[d]?.length).toBeGreaterThan(0);
		expect(c.publishers.find((p) => p.id === 'scb')?.attribution.sv).toBe('Källa: SCB');
		expect(c.publishers.find((p) => p.id === 'fohm')?.attribution.sv).toBe('Källa: Folkhälsomyndigheten, Nationella folkhälsoenkäten');
	});
});

describe('a malformed catalog entry', () => {
	const cases: [string, string, (t: string) => string, RegExp][] = [
		[
			'a bad enum value',
			'indicators.yaml',
			(t) => t.replace(/(id: trust_others[\s\S]*?)polarity: higher-is-better/, '$1polarity: sometimes-better'),
			/indicators\.yaml: entry "trust_others": field "polarity"/
		],
		['a missing field', 'indicators.yaml', (t) => t.replace(/(id: no_confidant[\s\S]*?)\n  first_year: 2004/, '$1'), /indicators\.yaml: entry "no_confidant": field "first_year"/],
		[
			'a nested field',
			'indicators.yaml',
			(t) => t.replace(/(id: school_unsafe[\s\S]*?)url: https:\/\/skolinspektionen\.se\/skolenkaten\/resultat-fran-skolenkaten\//, '$1url: not a url'),
			/indicators\.yaml: entry "school_unsafe": field "source\.url"/
		],
		['an unknown publisher', 'indicators.yaml', (t) => t.replace('publisher: skolinspektionen', 'publisher: nobody'), /indicators\.yaml: entry "school_unsafe": field "source\.publisher": unknown publisher "nobody"/],
		['a window of the wrong length', 'indicators.yaml', (t) => t.replace('"2021-2024"]', '"2021-2023"]'), /indicators\.yaml: entry "trust_others": field "periods\.regional\.list\.14"/],
		['a region code without its zero', 'regions.yaml', (t) => t.replace('code: "09"', 'code: "9"'), /regions\.yaml: entry "9": field "code"/],
		['a group without a label', 'groups.yaml', (t) => t.replace('label: { sv: Hushåll, en: Household }', 'label: { sv: Hushåll }'), /groups\.yaml: entry "household": field "label\.en"/],
		['a municipality in an unknown county', 'municipalities.csv', (t) => t.replace('0114,Upplands Väsby,01', '0114,Upplands Väsby,02'), /municipalities\.csv: entry "0114": field "county_code"/]
	];
	for (const [what, file, edit, message] of cases)
		it(`fails on ${what}, naming file, entry and field`, () => {
			expect(loadError(brokenCatalog(file, edit))).toMatch(message);
		});

	it('stops the build (exit 1, message on stderr) and leaves the output untouched', () => {
		const dir = brokenCatalog('indicators.yaml', (t) => t.replace(/(id: trust_others[\s\S]*?)polarity: higher-is-better/, '$1polarity: sometimes-better'));
		const out = path.join(dir, 'out');
		const res = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'data', '--catalog', dir], {
			cwd: repo,
			env: { ...process.env, ENSAMHET_OUT_DIR: out },
			encoding: 'utf8'
		});
		expect(res.status).toBe(1);
		expect(res.stderr).toMatch(/indicators\.yaml: entry "trust_others": field "polarity"/);
		expect(fs.existsSync(out)).toBe(false);
	});
});
