/**
 * gap and moverRatio at their edges (mutation survivors, issue 19 item 5). Every
 * expected value is worked by hand in the comments (z = 1.959964 at 95 %; with three pairwise
 * comparisons the Bonferroni z is 2.393980).
 */
import { describe, expect, it } from 'vitest';
import { gap, moverRatio } from '../../../src/lib/stats/gaps';
import { est } from './helpers';

describe('gap: the overlapping case (a group against a total that contains it)', () => {
	// a = 20 (18–22): at 95 % its own interval is 18–22; the total b is tested against it.
	it('significant when b lies outside a’s interval; the ratio and its bounds from that interval', () => {
		const g = gap(est(20, 18, 22), est(10, null, null), 0.95, { overlapping: true });
		expect(g.outcome).toBe('a-higher');
		expect(g.ratio).toBe(2);
		expect(g.ratioCiLow).toBeCloseTo(1.8, 10);
		expect(g.ratioCiHigh).toBeCloseTo(2.2, 10);
		expect(g.diffCiLow).toBeCloseTo(8, 10);
	});
	it('b on the interval’s edge is not a significant gap (18 and 22 are inside 18–22)', () => {
		expect(gap(est(20, 18, 22), est(18, null, null), 0.95, { overlapping: true }).outcome).toBe('no-significant-gap');
		expect(gap(est(20, 18, 22), est(22, null, null), 0.95, { overlapping: true }).outcome).toBe('no-significant-gap');
		expect(gap(est(20, 18, 22), est(23, null, null), 0.95, { overlapping: true }).outcome).toBe('b-higher');
	});
	it('no ratio when one value is 0', () => {
		const g = gap(est(5, 4, 6), est(0, null, null), 0.95, { overlapping: true });
		expect([g.ratio, g.ratioCiLow, g.ratioCiHigh, g.seLogRatio]).toEqual([null, null, null, null]);
		expect(gap(est(5, 4, 6), est(0, 0, 1), 0.95).ratio).toBeNull();
	});
});

describe('gap: what cannot be assessed keeps what it knows', () => {
	it('a missing value: no difference', () => {
		const g = gap(est(20, 18, 22), est(null, null, null), 0.95);
		expect([g.outcome, g.reason, g.a, g.b, g.diff]).toEqual(['not-assessable', 'missing-value', 20, null, null]);
		expect(gap(est(null, null, null), est(10, 9, 11), 0.95).diff).toBeNull();
	});
	it('b without a CI (two separate groups): no test, but the difference is kept', () => {
		const g = gap(est(20, 18, 22), est(12, null, null), 0.95);
		expect([g.outcome, g.reason, g.diff]).toEqual(['not-assessable', 'no-ci', 8]);
	});
});

describe('gap with three pairwise comparisons: each group’s interval at the Bonferroni z', () => {
	// a = 20 (18–22) → SE 1.0204 → 20 ± 2.39398·1.0204 = 17.5571–22.4429; b = 10 (9–11) → 8.7786–11.2214.
	// MOVER-R: lower = (ab − √(ab² − la·ub·(2a − la)·(2b − ub))) / (ub·(2b − ub)) = 1.680893,
	//          upper = (ab + √(ab² − ua·lb·(2a − ua)·(2b − lb))) / (lb·(2b − lb)) = 2.379688.
	it('the ratio interval', () => {
		const g = gap(est(20, 18, 22), est(10, 9, 11), 0.95, { comparisons: 3 });
		expect(g.zCritical).toBeCloseTo(2.39398, 4);
		expect(g.ratio).toBe(2);
		expect(g.ratioCiLow).toBeCloseTo(1.680893, 4);
		expect(g.ratioCiHigh).toBeCloseTo(2.379688, 4);
	});
});

describe('moverRatio', () => {
	it('an open upper bound when the denominator’s interval reaches below 0', () => {
		const [lo, hi] = moverRatio(10, [8, 12], 1, [-0.5, 2.5]);
		expect(hi).toBe(Infinity);
		expect(lo).toBeGreaterThanOrEqual(0);
	});
});
