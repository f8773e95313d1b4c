/**
 * gap, moverRatio and gapChange at their edges (mutation survivors, issue 19 item 5). Every
 * expected value is worked by hand in the comments (z = 1.959964 at 95 %; with three pairwise
 * comparisons the Bonferroni z is 2.393980).
 */
import { describe, expect, it } from 'vitest';
import { gap, gapChange, moverRatio, type GapResult } from '../../../src/lib/stats/gaps';
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

describe('gapChange edges', () => {
	const g = (p: Partial<GapResult> & { diff: number | null; diffSe: number | null; outcome: GapResult['outcome'] }, start: number): GapResult => ({
		level: 0.95,
		comparisons: 1,
		zCritical: 1.959964,
		overlapping: false,
		period_start: start,
		period_end: start,
		a: null,
		b: null,
		diffCiLow: null,
		diffCiHigh: null,
		ratio: null,
		ratioCiLow: null,
		ratioCiHigh: null,
		seLogRatio: null,
		...p
	});
	const notAssessable = {
		outcome: 'not-assessable',
		reason: 'gap-not-assessable',
		level: 0.95,
		change: null,
		changeCiLow: null,
		changeCiHigh: null,
		z: null,
		absoluteGapChange: null,
		sizeChangeCiLow: null,
		sizeChangeCiHigh: null,
		sizeZ: null,
		reversed: false
	};
	const ok = (diff: number, start: number, outcome: GapResult['outcome'] = 'a-higher', diffSe = 1) => g({ diff, diffSe, outcome }, start);

	it('either gap not assessable, or without a difference or its SE: nothing is claimed', () => {
		expect(gapChange(g({ diff: 5, diffSe: 1, outcome: 'not-assessable' }, 2018), ok(5, 2024))).toEqual(notAssessable);
		expect(gapChange(ok(5, 2018), g({ diff: 5, diffSe: 1, outcome: 'not-assessable' }, 2024))).toEqual(notAssessable);
		expect(gapChange(g({ diff: null, diffSe: 1, outcome: 'a-higher' }, 2018), ok(5, 2024))).toEqual(notAssessable);
		expect(gapChange(ok(5, 2018), g({ diff: null, diffSe: 1, outcome: 'a-higher' }, 2024))).toEqual(notAssessable);
		expect(gapChange(g({ diff: 5, diffSe: null, outcome: 'a-higher' }, 2018), ok(5, 2024))).toEqual(notAssessable);
		expect(gapChange(ok(5, 2018), g({ diff: 5, diffSe: null, outcome: 'a-higher' }, 2024))).toEqual(notAssessable);
	});

	it('a series break between the gaps', () => {
		expect(gapChange(ok(5, 2018), ok(9, 2024), { seriesBreaks: [2021] })).toMatchObject({ outcome: 'not-assessable', reason: 'series-break' });
		expect(gapChange(ok(5, 2018), ok(9, 2024)).outcome).toBe('widened');
	});

	it('+10 → −9, both significant: reversed; SE √(2² + 2²) = 2.828, z = −19/2.828 = −6.72', () => {
		const c = gapChange(ok(10, 2018, 'a-higher', 2), ok(-9, 2024, 'b-higher', 2));
		expect(c.outcome).toBe('reversed');
		expect(c.reversed).toBe(true);
		expect(c.z).toBeCloseTo(-19 / Math.SQRT2 / 2, 10);
	});

	it('+10 → −9 where −9 is not significant: judged by size (9 − 10 = −1, z −0.71): no detectable change, still marked reversed', () => {
		const c = gapChange(ok(10, 2018), ok(-9, 2024, 'no-significant-gap'));
		expect([c.outcome, c.reversed]).toEqual(['no-detectable-change', true]);
		expect(c.absoluteGapChange).toBe(-1);
	});

	it('size: 10 → 6 narrowed, 10 → 14 widened (SE √2, |z| = 2.83)', () => {
		expect(gapChange(ok(10, 2018), ok(6, 2024)).outcome).toBe('narrowed');
		expect(gapChange(ok(10, 2018), ok(14, 2024)).outcome).toBe('widened');
		expect(gapChange(ok(-10, 2018, 'b-higher'), ok(-6, 2024, 'b-higher')).outcome).toBe('narrowed');
	});

	it('from no gap at all (0) the sign does not "reverse"', () => {
		expect(gapChange(ok(0, 2018, 'no-significant-gap'), ok(5, 2024)).reversed).toBe(false);
	});

	it('register gaps (SE 0): an unchanged gap has z 0, a changed one an infinite z', () => {
		const same = gapChange(ok(3, 2018, 'a-higher', 0), ok(3, 2024, 'a-higher', 0));
		expect([same.outcome, same.z, same.sizeZ]).toEqual(['no-detectable-change', 0, 0]);
		expect(gapChange(ok(3, 2018, 'a-higher', 0), ok(4, 2024, 'a-higher', 0)).z).toBe(Infinity);
	});
});
