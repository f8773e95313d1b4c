/**
 * Details of the statistics package, one behaviour per expectation, so that a changed operator,
 * bound or branch fails here (issue 19 item 5: mutants in src/lib/stats are killed, not tolerated).
 */
import { describe, expect, it } from 'vitest';
import {
	adjustedZ,
	changeIsUp,
	changeSinceBaseline,
	chanceOfAnyFalsePositive,
	ciAtLevel,
	compareToBenchmark,
	directionOutcome,
	expectedFalsePositives,
	gap,
	hasValidCi,
	hasValue,
	isHigher,
	moverRatio,
	multipleComparisonsNote,
	normCdf,
	samePeriod,
	seFromCi,
	seLower,
	seUpper,
	trend,
	twoSidedP,
	usableEstimate,
	wilsonInterval,
	wlsSlope,
	Z95,
	Z998,
	type Estimate
} from '../../../src/lib/stats';
import { est, year } from './helpers';

type WithCi = Estimate & { value: number; ci_low: number; ci_high: number };

describe('types', () => {
	it('a usable CI: finite, containing the value, wider than 0', () => {
		expect(hasValidCi(year(2024, 10, 9, 11))).toBe(true);
		expect(hasValidCi(year(2024, 10, 10, 11))).toBe(true);
		expect(hasValidCi(year(2024, 10, 9, 10))).toBe(true);
		expect(hasValidCi(year(2024, 10, 10, 10))).toBe(false);
		expect(hasValidCi(year(2024, 10, 10.5, 11))).toBe(false);
		expect(hasValidCi(year(2024, 10, 9, 9.5))).toBe(false);
		expect(hasValidCi(year(2024, 10, -Infinity, 11))).toBe(false);
		expect(hasValidCi(year(2024, 10, 9, Infinity))).toBe(false);
		expect(hasValidCi(year(2024, NaN, 9, 11))).toBe(false);
		expect(hasValidCi(year(2024, null, 9, 11))).toBe(false);
		expect(hasValidCi(year(2024, 10, null, 11))).toBe(false);
		expect(hasValidCi(year(2024, 10, 9, null))).toBe(false);
		expect(hasValue(null)).toBe(false);
		expect(hasValue(year(2024, Infinity, null, null))).toBe(false);
		expect(hasValue(year(2024, 0, null, null))).toBe(true);
	});
	it('SEs from a CI', () => {
		const e = year(2024, 10, 8, 14) as WithCi;
		expect(seFromCi(e)).toBeCloseTo(6 / (2 * Z95), 12);
		expect(seLower(e)).toBeCloseTo(2 / Z95, 12);
		expect(seUpper(e)).toBeCloseTo(4 / Z95, 12);
		expect(samePeriod(est(1, 0, 2, 2021, 2024), est(1, 0, 2, 2021, 2024))).toBe(true);
		expect(samePeriod(est(1, 0, 2, 2021, 2024), est(1, 0, 2, 2022, 2024))).toBe(false);
		expect(samePeriod(est(1, 0, 2, 2021, 2024), est(1, 0, 2, 2021, 2023))).toBe(false);
	});
	it('Wilson: worked example, levels, and only for percentages with n', () => {
		// 50 % of 100 at 95 %: centre 0.5, half = 1.959964·√(0.0025 + 0.000096)/1.038415 = 0.096165 → 40.38–59.62
		const [lo, hi] = wilsonInterval(50, 100);
		expect(lo).toBeCloseTo(40.383, 2);
		expect(hi).toBeCloseTo(59.617, 2);
		const [lo998, hi998] = wilsonInterval(50, 100, 0.998);
		expect(lo998).toBeLessThan(lo);
		expect(hi998).toBeGreaterThan(hi);
		expect(hi - 50).toBeCloseTo(50 - lo, 10);
		// 10 % of 100: asymmetric, longer above
		const [l10, h10] = wilsonInterval(10, 100);
		expect(h10 - 10).toBeGreaterThan(10 - l10);
		expect(l10).toBeCloseTo(5.522, 2);
		expect(h10).toBeCloseTo(17.437, 2);
		const withN = { ...year(2024, 20, null, null), n: 400 };
		expect(usableEstimate(withN, { unit: 'number' }).ciSource).toBe('none');
		expect(usableEstimate({ ...withN, n: 0 }).ciSource).toBe('none');
		expect(usableEstimate({ ...withN, value: 120 }).ciSource).toBe('none');
		expect(usableEstimate({ ...withN, value: -1 }).ciSource).toBe('none');
		expect(usableEstimate(year(2024, null, null, null)).ciSource).toBe('none');
		expect(usableEstimate(year(2024, 20, 19, 21)).ciSource).toBe('published');
		expect(usableEstimate(year(2024, 20, 19, 21), { sampling: 'register' }).ciSource).toBe('register');
		expect(usableEstimate(withN).ciSource).toBe('wilson-from-n');
		expect(usableEstimate(withN).estimate).not.toBe(withN);
	});
	it('99.8 % rebuild: each path', () => {
		const e = year(2024, 20, 18, 22.2) as WithCi;
		expect(ciAtLevel(e, 0.95)).toEqual([18, 22.2]);
		// Wilson from n when the interval was ours, whatever the bounds
		const ours = { ...e, n: 1000 } as WithCi;
		expect(ciAtLevel(ours, 0.998, { ciSource: 'wilson-from-n' })).toEqual(wilsonInterval(20, 1000, 0.998));
		// logit rebuild keeps the bounds inside 0–100 near 100
		const [, hiNear100] = ciAtLevel(year(2024, 99, 98, 99.6) as WithCi, 0.998);
		expect(hiNear100).toBeLessThan(100);
		expect(hiNear100).toBeGreaterThan(99.6);
		// a bound at 100 without n: natural scale, clipped at 100
		const [lo100, hi100] = ciAtLevel(year(2024, 99, 97, 100) as WithCi, 0.998);
		expect(hi100).toBe(100);
		expect(lo100).toBeCloseTo(99 - (Z998 * 2) / Z95, 10);
		// a value of 0 with a bound at 0 and no n: natural, clipped at 0
		const [lo0, hi0] = ciAtLevel(year(2024, 0, 0, 1) as WithCi, 0.998);
		expect(lo0).toBe(0);
		expect(hi0).toBeCloseTo(Z998 / Z95, 10);
		// value at 100 with bounds inside: not logit (value not strictly inside)
		expect(ciAtLevel(year(2024, 100, 99, 100) as WithCi, 0.998)[1]).toBe(100);
		// numbers: no clipping below 0
		expect(ciAtLevel(year(2024, 1, -1, 3) as WithCi, 0.998, { unit: 'number' })[0]).toBeCloseTo(1 - (Z998 * 2) / Z95, 10);
	});
});

describe('comparison details', () => {
	it('direction words by polarity', () => {
		expect(directionOutcome(1, 'higher-is-better')).toBe('better');
		expect(directionOutcome(-1, 'higher-is-better')).toBe('worse');
		expect(directionOutcome(1, 'higher-is-worse')).toBe('worse');
		expect(directionOutcome(-1, 'higher-is-worse')).toBe('better');
		expect(directionOutcome(1, 'no-judgement')).toBe('higher');
		expect(directionOutcome(-1, 'no-judgement')).toBe('lower');
		expect(directionOutcome(0, 'no-judgement')).toBe('lower');
		expect(isHigher('higher', 'no-judgement')).toBe(true);
		expect(isHigher('lower', 'no-judgement')).toBe(false);
		expect(isHigher('better', 'higher-is-better')).toBe(true);
		expect(isHigher('better', 'higher-is-worse')).toBe(false);
		expect(isHigher('worse', 'higher-is-worse')).toBe(true);
		expect(isHigher('worse', 'higher-is-better')).toBe(false);
		expect(isHigher('similar', 'higher-is-better')).toBeNull();
		expect(isHigher('not-compared', 'higher-is-worse')).toBeNull();
	});
	it('the details of a comparison and of one that could not be made', () => {
		const r = compareToBenchmark(year(2024, 15, 13, 17), year(2024, 12, 11.8, 12.2), { polarity: 'higher-is-worse', level: 0.95 });
		expect(r.details).toMatchObject({ value: 15, benchmarkValue: 12, diff: 3, ciLow: 13, ciHigh: 17, diffCiLow: 1, diffCiHigh: 5, zCritical: Z95, period_start: 2024, period_end: 2024, benchmark_period_start: 2024, benchmark_period_end: 2024, ciSource: 'published' });
		// z = 3/(2/1.959964) = 2.939946, p = 0.003283
		expect(r.details.z).toBeCloseTo(2.939946, 5);
		expect(r.details.p).toBeCloseTo(twoSidedP(2.939946), 6);
		const none = compareToBenchmark(year(2024, 15, 13, 17), null, { polarity: 'higher-is-worse', level: 0.998 });
		expect(none.details).toMatchObject({ benchmarkValue: null, benchmark_period_start: null, benchmark_period_end: null, diff: null, ciLow: null, z: null, zCritical: Z998, ciSource: 'published' });
		const missing = compareToBenchmark(year(2024, null, null, null), year(2024, 12, 11, 13), { polarity: 'higher-is-worse', level: 0.95 });
		expect(missing.details).toMatchObject({ value: null, diff: null, ciSource: 'none' });
		const lower = compareToBenchmark(year(2024, 9, 8, 10), year(2024, 12, 11.8, 12.2), { polarity: 'no-judgement', level: 0.95 });
		expect(lower.details.z).toBeCloseTo(-3 / (1 / Z95), 8);
		const equal = compareToBenchmark(year(2024, 12, 11, 13), year(2024, 12, 11.8, 12.2), { polarity: 'no-judgement', level: 0.95 });
		expect(equal.details.z).toBe(0);
		expect(equal.outcome).toBe('similar');
	});
	it('z-test needs the benchmark’s CI too; the benchmark rule does not', () => {
		const e = year(2024, 15, 13, 17);
		const b = year(2024, 12, null, null);
		expect(compareToBenchmark(e, b, { polarity: 'higher-is-worse', level: 0.95, method: 'z-test' }).reason).toBe('no-ci');
		expect(compareToBenchmark(e, b, { polarity: 'higher-is-worse', level: 0.95 }).outcome).toBe('worse');
		expect(compareToBenchmark(e, year(2024, 12, 11.9, 12.1), { polarity: 'higher-is-worse', level: 0.998, method: 'z-test' }).details.ciLow).toBeCloseTo(
			ciAtLevel(e as WithCi, 0.998)[0],
			10
		);
	});
	it('register data: z and p are not computed; at both levels the same', () => {
		for (const level of [0.95, 0.998] as const) {
			const r = compareToBenchmark(year(2024, 80, null, null), year(2024, 79, null, null), { polarity: 'higher-is-better', level, sampling: 'register' });
			expect(r.method).toBe('register-direct');
			expect(r.outcome).toBe('better');
			expect(r.details).toMatchObject({ z: null, p: null, ciLow: 80, ciHigh: 80, diffCiLow: 1, diffCiHigh: 1, ciSource: 'register' });
		}
		expect(compareToBenchmark(year(2024, 78, null, null), year(2024, 79, null, null), { polarity: 'higher-is-better', level: 0.95, sampling: 'register', method: 'z-test' }).outcome).toBe('worse');
		expect(compareToBenchmark(year(2024, null, null, null, ), year(2024, 79, null, null), { polarity: 'higher-is-better', level: 0.95, sampling: 'register' }).reason).toBe('missing-value');
	});
	it('one side demo, the other unknown: compared (only known mixing is refused)', () => {
		expect(compareToBenchmark({ ...year(2024, 15, 13, 17), is_demo: true }, year(2024, 12, 11.8, 12.2), { polarity: 'higher-is-worse', level: 0.95 }).outcome).toBe('worse');
		expect(compareToBenchmark({ ...year(2024, 15, 13, 17), is_demo: false }, { ...year(2024, 12, 11.8, 12.2), is_demo: true }, { polarity: 'higher-is-worse', level: 0.95 }).reason).toBe('demo-vs-real');
	});
});

describe('change details', () => {
	it('which way a change points', () => {
		expect(changeIsUp('increased', 'no-judgement')).toBe(true);
		expect(changeIsUp('decreased', 'no-judgement')).toBe(false);
		expect(changeIsUp('improved', 'higher-is-better')).toBe(true);
		expect(changeIsUp('improved', 'higher-is-worse')).toBe(false);
		expect(changeIsUp('worsened', 'higher-is-worse')).toBe(true);
		expect(changeIsUp('worsened', 'higher-is-better')).toBe(false);
		expect(changeIsUp('no-detectable-change', 'higher-is-better')).toBeNull();
		expect(changeIsUp('not-assessable', 'higher-is-better')).toBeNull();
	});
	it('the result’s fields', () => {
		const c = changeSinceBaseline([year(2023, 10, 9, 11), year(2024, 12, 11, 13), year(2025, 13, 12, 14), year(2026, 15, 14, 16)], { polarity: 'higher-is-better', level: 0.95 });
		expect(c).toMatchObject({ outcome: 'improved', baselineBefore: 2025, change: 3, method: 'z-test', overlappingPeriods: false, baselineChoice: 'latest', skippedBaseline: null });
		expect(c.baseline).toMatchObject({ period_start: 2024 });
		expect(c.latest).toMatchObject({ period_start: 2026 });
		// z = 3/(√2/1.959964) = 3/0.721548 = 4.15771; CI 3 ± 1.959964·0.721537 = 3 ± 1.414214
		expect(c.z).toBeCloseTo(4.15771, 4);
		expect(c.changeCiLow).toBeCloseTo(1.585786, 5);
		expect(c.changeCiHigh).toBeCloseTo(4.414214, 5);
		expect(c.p).toBeCloseTo(twoSidedP(4.15771), 5);
		const worse = changeSinceBaseline([year(2024, 12, 11, 13), year(2026, 9, 8, 10)], { polarity: 'higher-is-better', level: 0.95 });
		expect(worse.outcome).toBe('worsened');
		const up = changeSinceBaseline([year(2024, 12, 11, 13), year(2025, 15, 14, 16)], { polarity: 'no-judgement', level: 0.95, baselineBefore: 2026 });
		expect(up).toMatchObject({ outcome: 'not-assessable', reason: 'no-later-value', baselineBefore: 2026 });
		const early = changeSinceBaseline([year(2024, 12, 11, 13), year(2027, 15, 14, 16)], { polarity: 'no-judgement', level: 0.95, baselineBefore: 2026 });
		expect(early.outcome).toBe('increased');
		const reg = changeSinceBaseline([year(2024, 80, null, null), year(2026, 82, null, null)], { polarity: 'higher-is-worse', level: 0.95, sampling: 'register' });
		expect(reg).toMatchObject({ outcome: 'worsened', changeCiLow: 2, changeCiHigh: 2, z: null });
		const regNo = changeSinceBaseline([year(2024, 80, null, null), year(2026, 80, null, null)], { polarity: 'no-judgement', level: 0.95, sampling: 'register' });
		expect(regNo.outcome).toBe('no-detectable-change');
		const regDown = changeSinceBaseline([year(2024, 80, null, null), year(2026, 79, null, null)], { polarity: 'no-judgement', level: 0.95, sampling: 'register' });
		expect(regDown.outcome).toBe('decreased');
	});
});

describe('gap details', () => {
	it('adjusted critical values', () => {
		expect(adjustedZ(0.95)).toBe(Z95);
		expect(adjustedZ(0.95, 1)).toBe(Z95);
		expect(adjustedZ(0.95, 0)).toBe(Z95);
		expect(adjustedZ(0.95, 6)).toBeCloseTo(2.638257, 5);
		expect(adjustedZ(0.998, 10)).toBeCloseTo(3.719016, 5);
	});
	it('MOVER: a lower bound never below 0; a denominator interval reaching 0 exactly → open', () => {
		expect(moverRatio(1, [0, 5], 10, [9, 11])[0]).toBe(0);
		expect(moverRatio(20, [18, 22], 10, [0, 11])[1]).toBe(Infinity);
		expect(moverRatio(20, [18, 22], 10, [0.5, 11])[1]).toBeLessThan(Infinity);
	});
	it('adjusted gap: the difference CI widens with the number of pairs', () => {
		// 11.8 vs 10.0, each ±1: z = 1.8/0.721548 = 2.4946: above 1.959964, below 2.638257 (6 pairs)
		const a = year(2024, 11.8, 10.8, 12.8);
		const b = year(2024, 10, 9, 11);
		const g1 = gap(a, b, 0.95);
		const g6 = gap(a, b, 0.95, { comparisons: 6 });
		expect(g1.outcome).toBe('a-higher');
		expect(g6.outcome).toBe('no-significant-gap');
		expect(g6.diffCiLow!).toBeLessThan(g1.diffCiLow!);
		expect(g6.ratioCiLow!).toBeLessThan(g1.ratioCiLow!);
		expect(g6.ratioCiHigh!).toBeGreaterThan(g1.ratioCiHigh!);
		expect(g6.zCritical).toBeCloseTo(2.638257, 5);
		expect(gap(b, a, 0.95).outcome).toBe('b-higher');
	});
	it('overlapping: subgroup below the total; ratio needs positive values', () => {
		const total = year(2024, 12.9, 12.6, 13.2);
		const g = gap(year(2024, 8, 6, 10), total, 0.95, { overlapping: true });
		expect(g.outcome).toBe('b-higher');
		expect(g.ratioCiLow).toBeCloseTo(6 / 12.9, 10);
		expect(g.seLogRatio).toBeCloseTo(4 / (2 * Z95) / 8, 10);
		const zero = gap(year(2024, 0, 0, 1), total, 0.95, { overlapping: true });
		expect(zero.ratio).toBeNull();
		expect(zero.ratioCiHigh).toBeNull();
		const at998 = gap(year(2024, 14, 13.5, 14.5), total, 0.998, { overlapping: true });
		expect(at998.diffCiLow).toBeCloseTo(14 - (Z998 * 0.5) / Z95 - 12.9, 10);
	});

});

describe('trend details', () => {
	it('weighted least squares: a worked example', () => {
		// x 0,1,2; y 1,3,2; equal weights 1: x̄ = 1, ȳ = 2, Sxx = 2, Sxy = (−1)(−1) + 0 + (1)(0) = 1 → slope 0.5, se 1/√2
		const r = wlsSlope([{ x: 0, y: 1, w: 1 }, { x: 1, y: 3, w: 1 }, { x: 2, y: 2, w: 1 }]);
		expect(r.slope).toBeCloseTo(0.5, 12);
		expect(r.se).toBeCloseTo(1 / Math.sqrt(2), 12);
		// weights move the means: w = 4 on the last point
		const w = wlsSlope([{ x: 0, y: 0, w: 1 }, { x: 1, y: 0, w: 1 }, { x: 2, y: 3, w: 4 }]);
		// x̄ = 9/6 = 1.5, ȳ = 12/6 = 2; Sxx = 2.25 + 0.25 + 4·0.25 = 3.5; Sxy = (−1.5)(−2) + (−0.5)(−2) + 4·(0.5)(1) = 6 → 12/7
		expect(w.slope).toBeCloseTo(12 / 7, 12);
		expect(w.se).toBeCloseTo(1 / Math.sqrt(3.5), 12);
	});
	it('slope CI at 99.8 % and the leave-one-out slopes', () => {
		const s = [10, 11, 12, 13, 14].map((v, i) => year(2020 + i, v, v - 1, v + 1));
		const t = trend(s, { polarity: 'no-judgement' });
		expect(t.slope).toBeCloseTo(1, 12);
		expect(t.slopeSe).toBeCloseTo(1 / Math.sqrt(10 / (1 / Z95) ** 2), 10);
		expect(t.slopeCiLow).toBeCloseTo(1 - Z998 * t.slopeSe!, 12);
		expect(t.slopeCiHigh).toBeCloseTo(1 + Z998 * t.slopeSe!, 12);
		expect(t.leaveOneOutSlopes).toHaveLength(5);
		for (const x of t.leaveOneOutSlopes) expect(x).toBeCloseTo(1, 10);
		expect(t.leaveOneOutSameSign).toBe(true);
		expect(t.chi2).toBeCloseTo((1 / t.slopeSe!) ** 2, 8);
		expect(t.label).toBe('increasing');
		expect(trend(s, { polarity: 'higher-is-better' }).label).toBe('getting-better');
		expect(trend(s, { polarity: 'higher-is-worse' }).label).toBe('getting-worse');
	});
	it('one outlying year cannot make a trend; a flat series has none', () => {
		const s = [10, 10, 10, 10, 18].map((v, i) => year(2020 + i, v, v - 0.2, v + 0.2));
		const t = trend(s, { polarity: 'no-judgement' });
		expect(t.leaveOneOutSameSign).toBe(false);
		expect(t.outcome).toBe('no-significant-trend');
		const flat = trend([10, 10, 10, 10, 10].map((v, i) => year(2020 + i, v, v - 1, v + 1)), { polarity: 'no-judgement' });
		expect(flat.outcome).toBe('no-significant-trend');
		expect(flat.leaveOneOutSameSign).toBe(false);
		const reg = trend([10, 10, 10, 10, 18].map((v, i) => year(2020 + i, v, null, null)), { polarity: 'no-judgement', sampling: 'register' });
		expect(reg).toMatchObject({ outcome: 'no-significant-trend', method: 'register-sign', chi2: null, slopeSe: null });
	});
	it('two values for the same year: not assessable; an empty series: too few', () => {
		const s = [2020, 2021, 2022, 2023, 2023].map((y, i) => year(y, 10 + i, 9 + i, 11 + i));
		expect(trend(s, { polarity: 'no-judgement' }).reason).toBe('too-few-points');
		expect(trend([], { polarity: 'no-judgement' }).reason).toBe('too-few-points');
		expect(trend([year(2024, null, null, null)], { polarity: 'no-judgement' }).reason).toBe('too-few-points');
	});
	it('only the last five are used', () => {
		const s = [50, 40, 10, 11, 12, 13, 14].map((v, i) => year(2016 + i, v, v - 1, v + 1));
		expect(trend(s, { polarity: 'no-judgement' }).years).toEqual([2018, 2019, 2020, 2021, 2022]);
	});
});

describe('many comparisons details', () => {
	it('expected false positives and the chance of any', () => {
		expect(expectedFalsePositives(21, 0.95)).toBeCloseTo(1.05, 12);
		expect(expectedFalsePositives(-3, 0.95)).toBe(0);
		expect(chanceOfAnyFalsePositive(10, 0.95)).toBeCloseTo(1 - 0.95 ** 10, 12);
		expect(chanceOfAnyFalsePositive(-1, 0.95)).toBe(0);
	});
	it('thresholds and rounding', () => {
		expect(multipleComparisonsNote(9, 0.95, 'en')).toBeNull();
		expect(multipleComparisonsNote(10, 0.998, 'sv')).toBeNull();
		expect(multipleComparisonsNote(19, 0.95, 'sv')).toContain('risken ungefär 62\u00a0% att minst en');
		expect(multipleComparisonsNote(20, 0.95, 'sv')).toContain('väntas ungefär 1 av dem');
		expect(multipleComparisonsNote(30, 0.95, 'en')).toBe(
			'30 comparisons are shown at the 95% level. Even with no real differences, about 2 of them would be expected to differ by chance. Choose the 99.8% level for safer conclusions.'
		);
	});
});

describe('normal distribution details', () => {
	it('the far tail and NaN', () => {
		expect(normCdf(NaN)).toBeNaN();
		expect(normCdf(8)).toBeCloseTo(1 - 6.22096057427178e-16, 15);
		expect(normCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 6);
		expect(normCdf(-7) / 1.279812543885835e-12).toBeCloseTo(1, 6);
		expect(twoSidedP(NaN)).toBeNaN();
		expect(twoSidedP(-1)).toBeCloseTo(twoSidedP(1), 15);
	});
});
