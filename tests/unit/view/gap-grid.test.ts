/**
 * Issue #20 item 6: the subgoal page's gap grid (view/gap-grid.ts). Worked example, computed by
 * hand: born abroad 16 % (14–18) against born in Sweden 10 % (9–11), independent groups.
 *   gap 6 pp; SEs 2/1.96 and 1/1.96, so the 95 % CI is 6 ± 1.96·√(1.0204² + 0.5102²) = 6 ± √5
 *   = 3.764–8.236; ratio 1.6 with the MOVER-R interval (160 ∓ √652)/99 = 1.358–1.874.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/lib/data/observation';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { cellParams, gapCell, gapCellText, gapGridFrom } from '../../../src/lib/view/gap-grid';

const g = (group_dim: string, group_code: string, value: number | null, ci: [number, number] | null, period: [number, number] = [2024, 2024], extra: Partial<Observation> = {}): Observation => ({
	indicator_id: 'no_confidant',
	region_code: '00',
	period_start: period[0],
	period_end: period[1],
	sex: 'T',
	group_dim,
	group_code,
	value,
	ci_low: ci?.[0] ?? null,
	ci_high: ci?.[1] ?? null,
	n: null,
	status: null,
	source_id: 'fohm-x',
	is_demo: false,
	...extra
});
const ind = (id: string) => ({ id, subgoal: 3, name: { sv: id, en: id }, short: { sv: id, en: id }, unit: 'percent', polarity: 'higher-is-worse' }) as IndicatorMeta;
const labels: Record<string, string> = { foreign_born: 'Utrikes födda', sweden: 'Födda i Sverige', nordic: 'Födda i Norden', primary: 'Förgymnasial', secondary: 'Gymnasial' };

const rows = [
	// An older period with a different gap: the latest period is the one shown.
	g('country_of_birth', 'sweden', 10, [9, 11], [2021, 2021]),
	g('country_of_birth', 'foreign_born', 11, [10, 12], [2021, 2021]),
	g('country_of_birth', 'sweden', 10, [9, 11]),
	g('country_of_birth', 'foreign_born', 16, [14, 18]),
	g('country_of_birth', 'nordic', 30, [25, 35]),
	g('education', 'primary', 12, [11, 13]),
	g('education', 'secondary', 11, [10, 12])
];

describe('gap grid', () => {
	it('takes the strategy’s pair in the latest period, with the gap’s and the ratio’s intervals', () => {
		const cell = gapCell(ind('no_confidant'), 'country_of_birth', rows)!;
		expect(cell.period).toBe('2024');
		expect(cell.gap.basis).toBe('strategy-pair');
		expect([cell.gap.a.group_code, cell.gap.b.group_code]).toEqual(['foreign_born', 'sweden']); // not the highest (nordic)
		const r = cell.gap.result;
		expect(r.diff).toBeCloseTo(6, 9);
		expect(r.diffCiLow).toBeCloseTo(6 - Math.sqrt(5), 4);
		expect(r.diffCiHigh).toBeCloseTo(6 + Math.sqrt(5), 4);
		expect(r.ratio).toBeCloseTo(1.6, 9);
		expect(r.ratioCiLow).toBeCloseTo(1.35824, 4);
		expect(r.ratioCiHigh).toBeCloseTo(1.87408, 4);
		expect(r.outcome).toBe('a-higher');
		expect(cellParams(cell)).toBe('grupp=country_of_birth&period=2024');
	});

	it('says it in words a reader can check, in Swedish and English', () => {
		const cell = gapCell(ind('no_confidant'), 'country_of_birth', rows)!;
		expect(gapCellText(cell, (c) => labels[c], 'sv')).toEqual({
			pair: 'Utrikes födda − födda i Sverige',
			diff: '+6,0\u00a0procentenheter (3,8–8,2)',
			ratio: 'kvot 1,60 (1,36–1,87)',
			outcome: 'Utrikes födda högre, statistiskt säkerställt',
			basis: ''
		});
		const en = gapCellText(cell, (c) => ({ foreign_born: 'Born abroad', sweden: 'Born in Sweden' })[c] ?? c, 'en');
		expect(en.pair).toBe('Born abroad − Born in Sweden');
		expect(en.diff).toBe('+6.0\u00a0percentage points (3.8–8.2)');
		expect(en.outcome).toBe('Born abroad higher, statistically significant');
	});

	it('without a named pair compares highest and lowest, and two groups need no adjustment', () => {
		const cell = gapCell(ind('no_confidant'), 'education', rows)!; // no tertiary: no named pair
		expect(cell.gap.basis).toBe('highest-lowest-adjusted');
		expect(cell.gap.result.comparisons).toBe(1);
		const text = gapCellText(cell, (c) => labels[c], 'sv');
		// 12 (11–13) vs 11 (10–12): 1 ± 1.96·√(0.5102² + 0.5102²) = 1 ± 1.414 → not significant.
		expect(text.diff).toBe('+1,0\u00a0procentenheter (−0,4 till 2,4)');
		expect(text.outcome).toBe('Ingen statistiskt säkerställd skillnad');
		expect(text.basis).toBe('högst mot lägst');
	});

	it('never pairs example data with real statistics, and marks example cells', () => {
		const mixed = [g('disability', 'disabled', 30, [28, 32], [2024, 2024], { is_demo: true }), g('disability', 'not_disabled', 10, [9, 11]), g('disability', 'not_disabled', 11, [10, 12], [2024, 2024], { is_demo: true })];
		const cell = gapCell(ind('x'), 'disability', mixed)!;
		expect(cell.demo).toBe(true);
		expect(cell.gap.a.is_demo && cell.gap.b.is_demo).toBe(true);
		expect(cell.gap.result.diff).toBeCloseTo(19, 9);
		// One group of each kind in a period is no cell at all.
		expect(gapCell(ind('x'), 'disability', mixed.slice(0, 2))).toBeNull();
	});

	it('a pair without CI or n cannot be assessed, and says why', () => {
		const cell = gapCell(ind('x'), 'household', [g('household', 'living_alone', 20, null), g('household', 'not_living_alone', 12, null)])!;
		expect(gapCellText(cell, (c) => c, 'sv').outcome).toBe('Kan inte bedömas (varken konfidensintervall eller antal svarande)');
		expect(gapCellText(cell, (c) => c, 'sv').ratio).toBe('–');
	});

	it('leaves out breakdowns that are empty for every indicator', () => {
		const grid = gapGridFrom([ind('no_confidant'), ind('other')], rows, ['age', 'country_of_birth', 'disability', 'education']);
		expect(grid.dims).toEqual(['country_of_birth', 'education']);
		expect(Object.keys(grid.rows[0].cells)).toEqual(['country_of_birth', 'education']);
		expect(grid.rows[1].cells).toEqual({});
		expect(grid.level).toBe(0.95);
	});
});
