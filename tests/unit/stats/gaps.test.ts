import { describe, expect, it } from 'vitest';
import { gap } from '../../../src/lib/stats';
import { year } from './helpers';

// Disabled vs not disabled (disjoint samples → independent), 2024 and 2026.
const disabled24 = year(2024, 22.0, 20.0, 24.0);
const notDisabled24 = year(2024, 10.0, 9.5, 10.5);
const disabled26 = year(2026, 18.0, 16.0, 20.0);
const notDisabled26 = year(2026, 10.0, 9.5, 10.5);

describe('gap between two independent groups', () => {
	it('absolute gap with its CI', () => {
		// se_a = 4/(2·1.959964) = 1.020427; se_b = 1/(2·1.959964) = 0.255107
		// se = √(1.020427² + 0.255107²) = √(1.041271 + 0.065080) = √1.106351 = 1.051832
		// gap = 22 − 10 = 12 pp; CI = 12 ± 1.959964·1.051832 = 12 ± √(2² + 0.5²) = 12 ± 2.061553 → (9.9384, 14.0616)
		const g = gap(disabled24, notDisabled24, 0.95);
		expect(g.outcome).toBe('a-higher');
		expect(g.diff).toBe(12);
		expect(g.diffSe).toBeCloseTo(1.051832, 5);
		expect(g.diffCiLow).toBeCloseTo(9.9384, 4);
		expect(g.diffCiHigh).toBeCloseTo(14.0616, 4);
	});
	it('ratio with its MOVER-R CI from the two intervals (issue 13 item 6)', () => {
		// ratio = 22/10 = 2.2; a = 22 (20–24), b = 10 (9.5–10.5)
		// L = (220 − √(220² − 20·10.5·(44 − 20)·(20 − 10.5)))/(10.5·(20 − 10.5)) = (220 − √520)/99.75 = 1.97691
		// U = (220 + √(220² − 24·9.5·(44 − 24)·(20 − 9.5)))/(9.5·(20 − 9.5)) = (220 + √520)/99.75 = 2.43412
		// (The log-scale delta method gave 1.9832–2.4405.) se_log is still reported.
		const g = gap(disabled24, notDisabled24, 0.95);
		expect(g.ratio).toBeCloseTo(2.2, 12);
		expect(g.seLogRatio).toBeCloseTo(0.052936, 5);
		expect(g.ratioCiLow).toBeCloseTo(1.97691, 4);
		expect(g.ratioCiHigh).toBeCloseTo(2.43412, 4);
	});
	it('a gap that is not significant', () => {
		// 11.0 (10.0–12.0) vs 10.0 (9.5–10.5): half-widths combine: √(1² + 0.5²) = 1.118 > 1 → CI (−0.118, 2.118)
		const g = gap(year(2024, 11, 10, 12), notDisabled24, 0.95);
		expect(g.outcome).toBe('no-significant-gap');
		expect(g.diffCiLow).toBeCloseTo(-0.118034, 5);
	});
	it('ratio is null when a value is 0', () => {
		const g = gap(year(2024, 0, 0, 2), notDisabled24, 0.95);
		expect(g.ratio).toBeNull();
		expect(g.outcome).toBe('b-higher');
	});
	it('not assessable without values, CIs or aligned periods', () => {
		expect(gap(year(2024, null, null, null), notDisabled24, 0.95).reason).toBe('missing-value');
		expect(gap(year(2024, 12, null, null), notDisabled24, 0.95).reason).toBe('no-ci');
		expect(gap(disabled26, notDisabled24, 0.95).reason).toBe('periods-not-aligned');
	});
});

describe('subgroup vs the total it belongs to (overlapping: true)', () => {
	const total = year(2024, 12.9, 12.6, 13.2);
	it('uses the benchmark-inside-CI rule: the total is treated as fixed', () => {
		// 16–29: 20.0 (17.0–23.0); gap CI = (17 − 12.9, 23 − 12.9) = (4.1, 10.1) → higher
		const g = gap(year(2024, 20, 17, 23), total, 0.95, { overlapping: true });
		expect(g.outcome).toBe('a-higher');
		expect(g.diffCiLow).toBeCloseTo(4.1, 10);
		expect(g.diffCiHigh).toBeCloseTo(10.1, 10);
		// ratio CI = (17/12.9, 23/12.9) = (1.3178, 1.7829)
		expect(g.ratioCiLow).toBeCloseTo(1.3178, 4);
		expect(g.ratioCiHigh).toBeCloseTo(1.7829, 4);
		// se = only the subgroup's: 6/3.919928 = 1.530640
		expect(g.diffSe).toBeCloseTo(1.53064, 5);
	});
	it('12.9 inside 12.5–17.5 → no significant gap', () => {
		expect(gap(year(2024, 15, 12.5, 17.5), total, 0.95, { overlapping: true }).outcome).toBe('no-significant-gap');
	});
	it('the total needs no CI of its own', () => {
		expect(gap(year(2024, 20, 17, 23), year(2024, 12.9, null, null), 0.95, { overlapping: true }).outcome).toBe('a-higher');
	});
});

