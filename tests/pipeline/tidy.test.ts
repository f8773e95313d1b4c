/**
 * select + tidy of a fetched table, on a cube shaped like Folkhälsodata's hlv1socxreg
 * (Region × Sociala relationer × Andel och konfidensintervall × Kön × År): the statistic
 * dimension folds into value/CI/n, the complement flips value and CI, missing cells keep
 * their marker, and unplaceable cells become rejects with the reason.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Cube, Dimension } from '../../pipelines/cube/model.ts';
import { loadCatalog } from '../../pipelines/catalog/load.ts';
import { periodOf, regionCode, sexOf, tidyCube } from '../../pipelines/tidy/tidy.ts';

const catalog = loadCatalog(path.resolve(__dirname, '../../data/catalog'));
const trust = catalog.indicators.find((i) => i.id === 'trust_others')!;

function dim(id: string, cats: [string, string][], role: Dimension['role'] = 'other'): Dimension {
	return { id, code: id, label: { sv: id }, role, notes: [], categories: cats.map(([code, label]) => ({ code, label: { sv: label }, notes: [] })) };
}

function cube(values: (number | null)[], status: [number, string][] = [], extraDim?: Dimension): Cube {
	const dimensions = [
		dim('Region', [
			['00', '00 Riket'],
			['21', '21 Gävleborgs län']
		]),
		dim('Sociala relationer', [['40', 'Svårt att lita på andra']]),
		dim('Andel och konfidensintervall', [
			['01', 'Andel'],
			['02', 'Konfidensintervall nedre gräns'],
			['03', 'Konfidensintervall övre gräns'],
			['04', 'Antal svar']
		]),
		dim('Kön', [
			['00', 'Totalt'],
			['01', 'Kvinnor']
		]),
		dim('År', [['2021-2024', '2021-2024']], 'time'),
		...(extraDim ? [extraDim] : [])
	];
	return {
		origin: 'test',
		format: 'json-stat',
		languages: ['sv'],
		defaultLanguage: 'sv',
		title: { sv: 'Sociala relationer efter region, kön och år' },
		dimensions,
		values,
		status: new Map(status),
		notes: [],
		cellNotes: [],
		extra: {}
	};
}

describe('tidyCube', () => {
	it('folds share/CI/n, takes the complement (swapping the CI bounds), keeps missing markers', () => {
		// Order: Region(2) × Soc(1) × measure(4) × Kön(2) × År(1): index = r*8 + m*2 + k
		const v: (number | null)[] = [
			28.0, 30.1, // 00 share T, K
			27.3, 29.1, // 00 ci low
			28.7, 31.1, // 00 ci high
			17000, 8600, // 00 n
			31.2, null, // 21 share T, K (K suppressed)
			29.2, null,
			33.2, null,
			2100, 90
		];
		const res = tidyCube(cube(v, [[9, '..']]), trust, 'api-x', 'raw/fohm/x.json');
		expect(res.inputCells).toBe(4);
		expect(res.rejects).toEqual([]);
		expect(res.observations).toEqual([
			expect.objectContaining({ region_code: '00', sex: 'T', period_start: 2021, period_end: 2024, value: 72, ci_low: 71.3, ci_high: 72.7, n: 17000, status: null, is_demo: false }),
			expect.objectContaining({ region_code: '00', sex: 'K', value: 69.9, ci_low: 68.9, ci_high: 70.9, n: 8600 }),
			expect.objectContaining({ region_code: '21', sex: 'T', value: 68.8, ci_low: 66.8, ci_high: 70.8, n: 2100 }),
			expect.objectContaining({ region_code: '21', sex: 'K', value: null, ci_low: null, ci_high: null, n: 90, status: '..' })
		]);
		for (const o of res.observations) expect(o).toMatchObject({ indicator_id: 'trust_others', group_dim: 'total', group_code: 'total', source_id: 'api-x' });
	});

	it('rejects cells of a dimension the catalog does not select, with the reason', () => {
		const extra = dim('Ålder', [
			['31', '16-29 år'],
			['32', '30-44 år']
		]);
		const res = tidyCube(cube(new Array(32).fill(10), [], extra), trust, 'api-x', 'raw/fohm/x.json');
		expect(res.observations).toEqual([]);
		expect(res.inputCells).toBe(8);
		expect(res.rejects).toHaveLength(8);
		expect(res.rejects[0].reason).toMatch(/dimension "Ålder" has several values/);
	});

	it('maps a breakdown dimension (Ålder) onto the group catalog; whole-population codes become total', () => {
		// National table: no Region; Ålder × measure × Kön × År with one sex.
		const dims = [
			dim('Sociala relationer', [['40', 'Svårt att lita på andra']]),
			dim('Andel och konfidensintervall', [
				['01', 'Andel'],
				['04', 'Antal svar']
			]),
			dim('Ålder', [
				['29', 'Totalt 16- år'],
				['30', 'Totalt 16-84 år'],
				['31', '16-29 år'],
				['35', '85- år']
			]),
			dim('Kön', [['00', 'Totalt']]),
			dim('År', [['2024', '2024']], 'time')
		];
		const c: Cube = { ...cube([]), dimensions: dims, values: [30, 27, 35, 31, 17000, 16000, 3000, 400] };
		const res = tidyCube(c, trust, 'api-y', 'raw/fohm/y.json', { groups: { Ålder: 'age' }, total_codes: ['30'], catalog: catalog.groups });
		expect(res.observations.map((o) => [o.region_code, o.period_start, o.group_dim, o.group_code, o.value, o.n])).toEqual([
			['00', 2024, 'total', 'total', 73, 16000],
			['00', 2024, 'age', '16-29', 65, 3000],
			['00', 2024, 'age', '85+', 69, 400]
		]);
		expect(res.rejects).toHaveLength(1);
		expect(res.rejects[0].reason).toMatch(/Ålder "Totalt 16- år" is not a code of age/);
		expect(res.inputCells).toBe(4);
	});

	it('reads region, sex and period codes of the different publishers', () => {
		expect(['00', '0000', '0021', '21', '2180', '00 Riket', 'SE11'].map(regionCode)).toEqual(['00', '00', '21', '21', '2180', '00', null]);
		expect(sexOf('00', 'Totalt')).toBe('T');
		expect(sexOf('01', 'Kvinnor')).toBe('K');
		expect(sexOf('02', 'Män')).toBe('M');
		expect(sexOf('1', 'män')).toBe('M');
		expect(sexOf('2', 'kvinnor')).toBe('K');
		expect(sexOf('1', 'Pojkar')).toBe('M');
		expect(sexOf('2', 'Flickor')).toBe('K');
		// Issue 13 item 15: both sexes named together are the total.
		expect(sexOf('1+2', 'Män och kvinnor')).toBe('T');
		expect(sexOf('T', 'Flickor och pojkar')).toBe('T');
		expect(sexOf('3', 'Flickor och pojkar')).toBe('T');
		expect(sexOf('00', 'Kvinnor och män')).toBe('T');
		expect(sexOf('1+2', 'Both sexes')).toBe('T');
		expect(sexOf('4', 'Women and men')).toBe('T');
		expect(sexOf('T', 'T')).toBe('T');
		expect(periodOf('2021-2024')).toEqual([2021, 2024]);
		expect(periodOf('2024')).toEqual([2024, 2024]);
		expect(periodOf('2024M01')).toBeNull();
	});
});
