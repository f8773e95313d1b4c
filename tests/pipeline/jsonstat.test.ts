/** JSON-stat reader on the real fixtures: exact values from /work/shared/fixtures/README.md §3. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../pipelines/cube/errors.ts';
import { cellCount, strides, type Cube } from '../../pipelines/cube/model.ts';
import { readJsonStat, validateJsonStat } from '../../pipelines/read/jsonstat.ts';

const FIX = new URL('../../../shared/fixtures/', import.meta.url).pathname;
const JS = `${FIX}jsonstat/`;
const V2 = `${JS}json-stat.org-samples/v2/`;
const SCB2 = `${FIX}pxweb-api/statistikdatabasen.scb.se/api/v2/tables/`;
const SCB1 = `${FIX}pxweb-api/api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/`;

function read(path: string, lang = 'en') {
	return readJsonStat(readFileSync(path, 'utf8'), { origin: path, lang });
}
function one(path: string, lang = 'en'): Cube {
	const { cubes } = read(path, lang);
	expect(cubes).toHaveLength(1);
	return cubes[0];
}
/** Cell index of a coordinate given as category codes, via the model's own strides. */
function at(cube: Cube, codes: string[]): number {
	const s = strides(cube.dimensions);
	return codes.reduce((i, code, d) => {
		const pos = cube.dimensions[d].categories.findIndex((c) => c.code === code);
		expect(pos, `${code} in ${cube.dimensions[d].id}`).toBeGreaterThanOrEqual(0);
		return i + pos * s[d];
	}, 0);
}

describe('JSON-stat 2.0 samples', () => {
	it('oecd.json: 432 values, status "e", no-index single category, units, child, notes', () => {
		const c = one(`${V2}oecd.json`);
		expect(c.format).toBe('json-stat');
		expect(c.values).toHaveLength(432);
		expect(cellCount(c.dimensions)).toBe(432);
		expect(c.values.slice(0, 3)).toEqual([5.943826289, 5.39663128, 5.044790587]);
		expect(c.dimensions.map((d) => [d.id, d.role, d.categories.length])).toEqual([
			['concept', 'metric', 1],
			['area', 'geo', 36],
			['year', 'time', 12]
		]);
		expect(c.status.size).toBe(72);
		expect(c.status.get(10)).toBe('e');
		expect(c.status.get(11)).toBe('e');
		expect(c.status.has(0)).toBe(false);
		const unr = c.dimensions[0].categories[0];
		expect(unr.code).toBe('UNR');
		expect(unr.label).toEqual({ en: 'unemployment rate' });
		expect(unr.unit).toEqual({ en: '%' });
		expect(unr.decimals).toBe(9);
		const area = c.dimensions[1];
		expect(area.categories.find((x) => x.code === 'EU15')?.children).toContain('DE');
		expect(area.categories.find((x) => x.code === 'DE')?.notes[0].text.en).toMatch(/^Germany \(code DE\)/);
		expect(area.notes).toHaveLength(1);
		expect(c.notes[0].text.en).toMatch(/^Most of the data/);
		expect(c.notes[0].mandatory).toBe(false);
		expect(c.lastUpdated).toBe('2012-11-27');
		expect(c.source?.en).toMatch(/^Economic Outlook No 92/);
		expect(c.contact).toEqual({ en: 'EcoOutlook@oecd.org' });
		expect((c.extra.extension as { contact: string }).contact).toBe('EcoOutlook@oecd.org');
		expect(c.extra.dimensionExtension).toHaveProperty('concept');
	});

	it('canada.json: status ["a"] applies to all 120 cells; unit multiplier kept', () => {
		const c = one(`${V2}canada.json`);
		expect(c.values).toHaveLength(120);
		expect(c.values.slice(0, 3)).toEqual([34880.5, 17309.1, 17571.3]);
		expect(c.status.size).toBe(120);
		expect([...c.status.values()].every((s) => s === 'a')).toBe(true);
		expect(JSON.stringify(c.extra.categoryUnits)).toContain('"multiplier":3');
	});

	it('galicia.json: nulls exactly at 3278, 3288, 3298, 3947; two geo dimensions', () => {
		const c = one(`${V2}galicia.json`);
		expect(c.values).toHaveLength(3960);
		expect(c.values.slice(0, 3)).toEqual([2695880, 1096027, 357648]);
		const nulls = c.values.flatMap((v, i) => (v === null ? [i] : []));
		expect(nulls).toEqual([3278, 3288, 3298, 3947]);
		expect(c.dimensions.filter((d) => d.role === 'geo').map((d) => d.id)).toEqual(['birth', 'residence']);
	});

	it('us-unr.json: large object index', () => {
		const c = one(`${V2}us-unr.json`);
		expect(c.dimensions[1].categories).toHaveLength(3220);
		expect(c.values.slice(0, 3)).toEqual([6.5, 6.8, 11.2]);
	});

	it('order.json: row-major, last dimension fastest; text values kept in extra.textValues', () => {
		const { cubes, warnings } = read(`${V2}order.json`);
		const c = cubes[0];
		const tv = c.extra.textValues as Record<string, string>;
		expect(tv[at(c, ['2', '1', '3'])]).toBe('A2B1C3');
		expect(at(c, ['2', '1', '3'])).toBe(10);
		for (const a of ['1', '2', '3'])
			for (const b of ['1', '2'])
				for (const cc of ['1', '2', '3', '4']) {
					// The upstream sample itself has a typo at A2B1C4 (position 11 reads "A1B1C4").
					const want = a === '2' && b === '1' && cc === '4' ? 'A1B1C4' : `A${a}B${b}C${cc}`;
					expect(tv[at(c, [a, b, cc])]).toBe(want);
				}
		expect(c.values.every((v) => v === null)).toBe(true);
		expect(warnings.map((w) => w.code)).toEqual(['VALUE_NOT_NUMERIC']);
	});

	it('hierarchy.json: sparse {"0": null} value and the child tree', () => {
		const c = one(`${V2}hierarchy.json`);
		expect(c.values).toHaveLength(132);
		expect(c.values.every((v) => v === null)).toBe(true);
		const cats = new Map(c.dimensions[0].categories.map((x) => [x.code, x]));
		expect(cats.get('T')?.children).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
		expect(cats.get('2')?.children).toEqual(['2.1', '2.2']);
		// every child is a known code and every non-root has exactly one parent
		const parents = new Map<string, number>();
		for (const cat of cats.values()) for (const k of cat.children ?? []) parents.set(k, (parents.get(k) ?? 0) + 1);
		expect([...parents.keys()].every((k) => cats.has(k))).toBe(true);
		expect(parents.size).toBe(131);
		expect(parents.has('T')).toBe(false);
	});

	it('collection.json (href only): zero cubes, no error, the 8 links', () => {
		const r = read(`${V2}collection.json`);
		expect(r.cubes).toEqual([]);
		expect(r.warnings).toEqual([]);
		expect(r.links).toHaveLength(8);
		expect(r.links[0]).toMatchObject({ href: 'http://json-stat.org/samples/oecd.json', class: 'dataset', where: '/link/item/0' });
	});

	it('oecd-canada-col.json: two embedded cubes equal in numbers to oecd.json and canada.json', () => {
		const [oecd, canada] = read(`${V2}oecd-canada-col.json`).cubes;
		expect(oecd.values).toEqual(one(`${V2}oecd.json`).values);
		expect([...oecd.status]).toEqual([...one(`${V2}oecd.json`).status]);
		expect(canada.values).toEqual(one(`${V2}canada.json`).values);
	});
});

describe('JSON-stat 1.x and agency dialects', () => {
	it('v1 bundle oecd-canada.json: same numbers and dimensions as the v2 samples; BUNDLE_DEPRECATED', () => {
		const r = read(`${JS}json-stat.org-samples/v1/oecd-canada.json`);
		expect(r.cubes.map((c) => c.id)).toEqual(['oecd', 'canada']);
		const [o1, c1] = r.cubes;
		const o2 = one(`${V2}oecd.json`);
		const c2 = one(`${V2}canada.json`);
		expect(o1.values).toEqual(o2.values);
		expect(c1.values).toEqual(c2.values);
		expect(o1.dimensions.map((d) => [d.id, d.role, d.categories.map((x) => x.code)])).toEqual(
			o2.dimensions.map((d) => [d.id, d.role, d.categories.map((x) => x.code)])
		);
		expect(r.warnings.map((w) => w.code)).toContain('BUNDLE_DEPRECATED');
	});

	it('cso.ie NQQ25: {"dataset": …}, size [8,76,2], 1,216 values, no nulls', () => {
		const c = one(`${JS}agencies-v1/cso.ie/cso_ie-NQQ25.json`);
		expect(c.dimensions.map((d) => d.categories.length)).toEqual([8, 76, 2]);
		expect(c.values).toHaveLength(1216);
		expect(c.values.some((v) => v === null)).toBe(false);
		expect(c.values.slice(0, 3)).toEqual([19960, 20342, 21473]);
		expect(c.lastUpdated?.slice(0, 10)).toBe('2016-04-03');
		expect(c.id).toBeUndefined();
	});

	it('ssb.no 29843: 7,200 nulls, each with status "."; position 60 = 114.6', () => {
		const c = one(`${JS}agencies-v1/ssb.no/29843.json`);
		expect(c.values).toHaveLength(37440);
		const nulls = c.values.flatMap((v, i) => (v === null ? [i] : []));
		expect(nulls).toHaveLength(7200);
		expect(nulls.every((i) => c.status.get(i) === '.')).toBe(true);
		expect(c.values.findIndex((v) => v !== null)).toBe(60);
		expect(c.values[60]).toBe(114.6);
	});

	it('eurostat wsVersion V1_1 is rejected with NOT_JSONSTAT, also in lenient mode', () => {
		const path = `${JS}agencies-v1/eurostat/eurostat-name_gpd_c-geo_IT_FR.json`;
		for (const lenient of [false, true]) {
			try {
				readJsonStat(readFileSync(path, 'utf8'), { origin: path, lenient });
				expect.unreachable();
			} catch (e) {
				expect(e).toBeInstanceOf(ReadError);
				const p = (e as ReadError).problems;
				expect(p.map((x) => x.code)).toEqual(['NOT_JSONSTAT']);
				expect(p[0].where).toBe('/nama_gdp_c/wsVersion');
				expect(p[0].file).toBe(path);
			}
		}
	});
});

describe('PxWeb API answers (Statistics Sweden)', () => {
	it('v2 TAB5974 data: [50080, 47361]', () => {
		const c = one(`${SCB2}TAB5974/data-35e0e2-fb7f17-POST.json`, 'sv');
		expect(c.values).toEqual([50080, 47361]);
		expect(c.id).toBe('TAB5974');
		expect(c.dimensions.map((d) => d.categories.length)).toEqual([1, 1, 2, 1, 1]);
		expect(c.dimensions[2].categories.map((x) => x.label.sv)).toEqual(['män', 'kvinnor']);
		expect(c.dimensions[0].elimination).toBe('83');
		expect(c.dimensions[1].elimination).toBe(false);
		expect(c.dimensions[3].categories[0].unit).toEqual({ sv: 'antal' });
		expect(c.contact?.sv).toContain('lena.lundkvist@scb.se');
	});

	it('v2 TAB638 data: [50937], equal to the v1 json answer', () => {
		expect(one(`${SCB2}TAB638/data-35e0e2-5aec69-POST.json`, 'sv').values).toEqual([50937]);
	});

	it('v2 TAB638 metadata: dimensions only; noteMandatory and categoryNoteMandatory → Note.mandatory', () => {
		const r = read(`${SCB2}TAB638/metadata-f01ece.json`, 'sv');
		const c = r.cubes[0];
		expect(r.warnings.map((w) => w.code)).toEqual(['METADATA_ONLY']);
		expect(c.extra.metadataOnly).toBe(true);
		expect(c.values).toEqual([]);
		expect(c.dimensions.map((d) => d.categories.length)).toEqual([312, 4, 102, 2, 2, 57]);
		expect(c.notes).toHaveLength(3);
		expect(c.notes.every((n) => n.mandatory)).toBe(true);
		const region = c.dimensions[0];
		expect(region.categories[0]).toMatchObject({ code: '00', label: { sv: 'Riket' } });
		const n0140 = region.categories.find((x) => x.code === '0140')!.notes;
		expect(n0140.map((n) => n.mandatory)).toEqual([false, true]);
		expect(region.categories.find((x) => x.code === '0186')!.notes.map((n) => n.mandatory)).toEqual([true]);
		expect(region.categories.find((x) => x.code === '01')!.notes).toEqual([]);
	});

	it('v2 TAB5974 metadata: size [3,106,2,1,95], codelists kept in the dimension extension', () => {
		const c = one(`${SCB2}TAB5974/metadata.json`, 'sv');
		expect(c.dimensions.map((d) => d.id)).toEqual(['InrikesUtrikes', 'Alder', 'Kon', 'ContentsCode', 'Tid']);
		expect(c.dimensions.map((d) => d.categories.length)).toEqual([3, 106, 2, 1, 95]);
		expect(JSON.stringify(c.extra.dimensionExtension)).toContain('agg_Ålder10år_1');
	});

	it('v1 json-stat answer {"dataset": …}: 5082662, tableid TAB638', () => {
		const c = one(`${SCB1}BefolkningNy-28a10f-POST.json`, 'sv');
		expect(c.values).toEqual([5082662]);
		expect(c.id).toBe('TAB638');
	});
});

describe('reader behaviour', () => {
	const base = () => ({
		version: '2.0',
		class: 'dataset',
		id: ['a', 'b'],
		size: [2, 2],
		dimension: { a: { category: { index: ['x', 'y'] } }, b: { category: { index: { p: 1, q: 0 } } } },
		value: [1, 2, 3, 4] as unknown
	});

	it('object index orders categories by position, not key order', () => {
		const c = readJsonStat(base(), { origin: 't' }).cubes[0];
		expect(c.dimensions[1].categories.map((x) => x.code)).toEqual(['q', 'p']);
	});

	it('sparse value object and status string', () => {
		const o = { ...base(), value: { '1': 7, '3': 9 }, status: 'p' };
		const c = readJsonStat(o, { origin: 't' }).cubes[0];
		expect(c.values).toEqual([null, 7, null, 9]);
		expect(c.status.size).toBe(4);
	});

	it('per-cell status array, nulls skipped', () => {
		const o = { ...base(), status: ['a', null, 'c', 'd'] };
		const c = readJsonStat(o, { origin: 't' }).cubes[0];
		expect([...c.status]).toEqual([[0, 'a'], [2, 'c'], [3, 'd']]);
	});

	it('parse errors carry the line', () => {
		try {
			readJsonStat('{\n"a": 1\n"b": 2}', { origin: 'bad.json' });
			expect.unreachable();
		} catch (e) {
			const p = (e as ReadError).problems[0];
			expect(p).toMatchObject({ code: 'PARSE_ERROR', file: 'bad.json', line: 3, where: '/' });
		}
	});

	it('Infinity from 1e400 is an error; lenient reads it as null with a warning', () => {
		const text = JSON.stringify(base()).replace('[1,2,3,4]', '[1,1e400,3,4]');
		expect(() => readJsonStat(text, { origin: 't' })).toThrow(/not finite/);
		const r = readJsonStat(text, { origin: 't', lenient: true });
		expect(r.cubes[0].values).toEqual([1, null, 3, 4]);
		expect(r.warnings.map((w) => [w.code, w.where])).toEqual([['VALUE_NOT_FINITE', '/value/1']]);
	});

	it('lenient mode downgrades recoverable errors and ignores the offending part', () => {
		const o = base();
		(o.dimension.a.category as Record<string, unknown>).label = { x: 'X', zz: 'nope' };
		(o.dimension.a.category as Record<string, unknown>).child = { x: ['y'], y: ['x'] };
		expect(() => readJsonStat(o, { origin: 't' })).toThrow(ReadError);
		const r = readJsonStat(o, { origin: 't', lenient: true });
		expect(r.warnings.map((w) => w.code).sort()).toEqual(['CHILD_CYCLE', 'LABEL_KEY_UNKNOWN']);
		expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
		expect(r.cubes[0].dimensions[0].categories.map((x) => x.children)).toEqual([undefined, undefined]);
		expect(r.cubes[0].dimensions[0].categories[0].label).toEqual({ en: 'X' });
	});

	it('lenient mode still rejects a cube that cannot be laid out', () => {
		const o = { ...base(), value: [1, 2, 3] };
		expect(() => readJsonStat(o, { origin: 't', lenient: true })).toThrow(/VALUE_LEN_MISMATCH|3 values/);
	});

	it('validateJsonStat is clean on every valid fixture (errors only)', () => {
		for (const f of ['oecd', 'canada', 'galicia', 'us-unr', 'hierarchy', 'order', 'collection', 'oecd-canada-col']) {
			const obj = JSON.parse(readFileSync(`${V2}${f}.json`, 'utf8'));
			expect(validateJsonStat(obj, f).filter((p) => p.severity === 'error'), f).toEqual([]);
		}
	});
});
