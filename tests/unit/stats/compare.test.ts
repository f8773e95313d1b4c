import { describe, expect, it } from 'vitest';
import { compareToBenchmark, gap } from '../../../src/lib/stats';
import { est } from './helpers';

// Nation, 2021–2024 pooled: 12.9 % (CI 12.6–13.2).
const SWEDEN = est(12.9, 12.6, 13.2);
const WORSE = { polarity: 'higher-is-worse' as const };

describe('benchmark inside the estimate’s CI, 95 % (Fingertips single overlapping CIs)', () => {
	it('1. Gävleborg 15.2 (13.1–17.4) vs 12.9: 12.9 < 13.1, outside and below → higher → worse', () => {
		const r = compareToBenchmark(est(15.2, 13.1, 17.4), SWEDEN, { ...WORSE, level: 0.95 });
		expect(r.outcome).toBe('worse');
		expect(r.method).toBe('ci-overlap-benchmark');
		// diff = 15.2 − 12.9 = 2.3; diff CI = (13.1 − 12.9, 17.4 − 12.9) = (0.2, 4.5)
		expect(r.details.diff).toBeCloseTo(2.3, 10);
		expect(r.details.diffCiLow).toBeCloseTo(0.2, 10);
		expect(r.details.diffCiHigh).toBeCloseTo(4.5, 10);
		// z uses the side facing the benchmark: SE_low = (15.2 − 13.1)/1.959964 = 1.071448; z = 2.3/1.071448 = 2.1466
		expect(r.details.z).toBeCloseTo(2.1466, 4);
	});
	it('2. 13.4 (11.2–15.8) vs 12.9: 11.2 ≤ 12.9 ≤ 15.8 → similar', () => {
		expect(compareToBenchmark(est(13.4, 11.2, 15.8), SWEDEN, { ...WORSE, level: 0.95 }).outcome).toBe('similar');
	});
	it('3. 10.1 (8.4–12.0) vs 12.9: 12.9 > 12.0 → lower → better when higher is worse', () => {
		expect(compareToBenchmark(est(10.1, 8.4, 12.0), SWEDEN, { ...WORSE, level: 0.95 }).outcome).toBe('better');
	});
	it('4. bounds are inclusive: 14.0 (12.9–15.1) vs 12.9 → similar', () => {
		expect(compareToBenchmark(est(14.0, 12.9, 15.1), SWEDEN, { ...WORSE, level: 0.95 }).outcome).toBe('similar');
	});
	it('5. higher is better (trust): 55.0 (52.0–58.0) vs 60.0: 60 > 58 → lower → worse', () => {
		const r = compareToBenchmark(est(55, 52, 58), est(60, 59.5, 60.5), { polarity: 'higher-is-better', level: 0.95 });
		expect(r.outcome).toBe('worse');
	});
	it('6. no judgement (internet use): 90.0 (88.5–91.5) vs 92.0 → lower, never better/worse', () => {
		const r = compareToBenchmark(est(90, 88.5, 91.5), est(92, 91.8, 92.2), { polarity: 'no-judgement', level: 0.95 });
		expect(r.outcome).toBe('lower');
	});
});

describe('benchmark inside the rebuilt 99.8 % CI, natural scale (unit: number)', () => {
	// These worked examples use the natural scale, which is what a non-percentage unit gets.
	// Percentages are rebuilt on the logit scale: see the next block and issue13.test.ts item 9.
	const NAT = { unit: 'number' as const };
	it('1. Gävleborg: SE_low = (15.2 − 13.1)/1.959964 = 1.071448; low = 15.2 − 3.090232·1.071448 = 11.8890 ≤ 12.9 → similar', () => {
		const r = compareToBenchmark(est(15.2, 13.1, 17.4), SWEDEN, { ...WORSE, ...NAT, level: 0.998 });
		expect(r.outcome).toBe('similar');
		expect(r.details.ciLow).toBeCloseTo(11.8890, 4);
		// upper side: SE_high = (17.4 − 15.2)/1.959964 = 1.122470; high = 15.2 + 3.468692 = 18.6687
		expect(r.details.ciHigh).toBeCloseTo(18.6687, 4);
		expect(compareToBenchmark(est(15.2, 13.1, 17.4), SWEDEN, { ...WORSE, ...NAT, level: 0.95 }).outcome).toBe('worse');
	});
	it('2. 20.0 (18.0–22.0): SE = 4/(2·1.959964) = 1.020427; low = 20 − 3.153357 = 16.8466 > 12.9 → worse', () => {
		const r = compareToBenchmark(est(20, 18, 22), SWEDEN, { ...WORSE, ...NAT, level: 0.998 });
		expect(r.outcome).toBe('worse');
		expect(r.details.ciLow).toBeCloseTo(16.8466, 4);
		expect(compareToBenchmark(est(20, 18, 22), SWEDEN, { ...WORSE, ...NAT, level: 0.95 }).outcome).toBe('worse');
	});
	it('3. 8.0 (7.0–9.0): SE = 0.510214; high = 8 + 1.576678 = 9.5767 < 12.9 → better', () => {
		const r = compareToBenchmark(est(8, 7, 9), SWEDEN, { ...WORSE, ...NAT, level: 0.998 });
		expect(r.outcome).toBe('better');
		expect(r.details.ciHigh).toBeCloseTo(9.5767, 4);
		expect(compareToBenchmark(est(8, 7, 9), SWEDEN, { ...WORSE, ...NAT, level: 0.95 }).outcome).toBe('better');
	});
	it('4. 10.0 (8.0–12.0) vs 13.0: outside at 95 %; high at 99.8 % = 10 + 3.153357 = 13.1534 ≥ 13 → similar → better-95', () => {
		const b = est(13, 12.8, 13.2);
		expect(compareToBenchmark(est(10, 8, 12), b, { ...WORSE, level: 0.95 }).outcome).toBe('better');
		const r = compareToBenchmark(est(10, 8, 12), b, { ...WORSE, ...NAT, level: 0.998 });
		expect(r.outcome).toBe('similar');
		expect(r.details.ciHigh).toBeCloseTo(13.1534, 4);
		expect(compareToBenchmark(est(10, 8, 12), b, { ...WORSE, ...NAT, level: 0.95 }).outcome).toBe('better');
	});
	it('5. asymmetric (Wilson-like) 3.0 (1.8–5.0) vs 6.0: the UPPER side faces the benchmark', () => {
		// SE_high = (5.0 − 3.0)/1.959964 = 1.020427; high = 3 + 3.090232·1.020427 = 6.1534 ≥ 6 → similar.
		// (The lower side, SE = 1.2/1.959964 = 0.612256, would give 3 + 1.8920 = 4.892 and a false "different".)
		const b = est(6, 5.8, 6.2);
		const r = compareToBenchmark(est(3, 1.8, 5), b, { ...WORSE, ...NAT, level: 0.998 });
		expect(r.outcome).toBe('similar');
		expect(r.details.ciHigh).toBeCloseTo(6.1534, 4);
		// low = 3 − 3.090232·0.612256 = 1.1080
		expect(r.details.ciLow).toBeCloseTo(1.108, 3);
		expect(compareToBenchmark(est(3, 1.8, 5), b, { ...WORSE, ...NAT, level: 0.95 }).outcome).toBe('better');
	});
	it('6. no judgement 50 (45–55) vs 35: SE = 2.551067; low = 50 − 7.883391 = 42.1166 > 35 → higher at 99.8 %', () => {
		const r = compareToBenchmark(est(50, 45, 55), est(35, 34, 36), { polarity: 'no-judgement', ...NAT, level: 0.998 });
		expect(r.outcome).toBe('higher');
		expect(r.details.ciLow).toBeCloseTo(42.1166, 4);
	});
});

describe('benchmark inside the rebuilt 99.8 % CI, percentages (logit scale per side)', () => {
	it('Gävleborg 15.2 (13.1–17.4) vs 12.9: logit per side → low 12.005 ≤ 12.9 → similar', () => {
		// logit(0.152) = −1.719000, logit(0.131) = −1.892146, logit(0.174) = −1.557539
		// SE_low = 0.173146/1.959964 = 0.088341, SE_high = 0.161461/1.959964 = 0.082379
		// low = expit(−1.719000 − 3.090232·0.088341) = 12.005 %
		// high = expit(−1.719000 + 3.090232·0.082379) = 18.779 %
		const r = compareToBenchmark(est(15.2, 13.1, 17.4), SWEDEN, { ...WORSE, level: 0.998 });
		expect(r.outcome).toBe('similar');
		expect(r.details.ciLow).toBeCloseTo(12.005, 2);
		expect(r.details.ciHigh).toBeCloseTo(18.779, 2);
		// The long side stays long: wider above than the natural-scale 18.6687.
		expect(r.details.ciHigh!).toBeGreaterThan(18.6687);
		expect(compareToBenchmark(est(15.2, 13.1, 17.4), SWEDEN, { ...WORSE, level: 0.95 }).outcome).toBe('worse');
	});
});

describe('z-test on the difference of two independent estimates', () => {
	it('region vs region: 15.2 (13.0–17.4) vs 12.9 (11.9–13.9) → not significant', () => {
		// se_a = 4.4/(2·1.959964) = 1.122470; se_b = 2.0/3.919928 = 0.510214
		// se_diff = √(1.122470² + 0.510214²) = √(1.259939 + 0.260318) = √1.520257 = 1.232987
		// z = 2.3/1.232987 = 1.8654 < 1.959964 → similar; p = 2·(1 − Φ(1.8654)) = 0.0621
		// (the benchmark rule would say "worse": 12.9 < 13.0 — it ignores the benchmark's own error)
		const a = est(15.2, 13.0, 17.4);
		const b = est(12.9, 11.9, 13.9);
		const r = compareToBenchmark(a, b, { ...WORSE, level: 0.95, method: 'z-test' });
		expect(r.outcome).toBe('similar');
		expect(r.details.z).toBeCloseTo(1.8654, 4);
		expect(r.details.p).toBeCloseTo(0.0621, 4);
		// diff CI = 2.3 ± 1.959964·1.232987 = 2.3 ± 2.416609 → (−0.1166, 4.7166)
		expect(r.details.diffCiLow).toBeCloseTo(-0.1166, 4);
		expect(r.details.diffCiHigh).toBeCloseTo(4.7166, 4);
		expect(compareToBenchmark(a, b, { ...WORSE, level: 0.95 }).outcome).toBe('worse');
	});
	it('18.0 (16–20) vs 12.0 (11–13): z = 6/√(1.020427² + 0.510214²) = 6/1.140872 = 5.2591 → worse at 99.8 %', () => {
		const r = compareToBenchmark(est(18, 16, 20), est(12, 11, 13), { ...WORSE, level: 0.998, method: 'z-test' });
		expect(r.outcome).toBe('worse');
		expect(r.details.z).toBeCloseTo(5.2591, 4);
		// diff CI at 99.8 %: 6 ± 3.090232·1.140872 = 6 ± 3.525559
		expect(r.details.diffCiLow).toBeCloseTo(2.4744, 4);
	});
	it('needs the benchmark’s CI', () => {
		const r = compareToBenchmark(est(18, 16, 20), est(12, null, null), { ...WORSE, level: 0.95, method: 'z-test' });
		expect(r).toMatchObject({ outcome: 'not-compared', reason: 'no-ci' });
	});
});

describe('not compared, with the reason', () => {
	const opts = { ...WORSE, level: 0.95 as const };
	it('suppressed and missing values', () => {
		expect(compareToBenchmark(est(null, null, null, 2021, 2024, '..'), SWEDEN, opts)).toMatchObject({ outcome: 'not-compared', reason: 'suppressed' });
		expect(compareToBenchmark(est(null, null, null), SWEDEN, opts)).toMatchObject({ outcome: 'not-compared', reason: 'missing-value' });
	});
	it('no benchmark', () => {
		expect(compareToBenchmark(est(15, 13, 17), null, opts).reason).toBe('no-benchmark');
		expect(compareToBenchmark(est(15, 13, 17), est(null, null, null), opts).reason).toBe('no-benchmark');
	});
	it('no or invalid CI', () => {
		expect(compareToBenchmark(est(15, null, null), SWEDEN, opts).reason).toBe('no-ci');
		expect(compareToBenchmark(est(15, 16, 17), SWEDEN, opts).reason).toBe('no-ci'); // value outside its CI
		expect(compareToBenchmark(est(15, 15, 15), SWEDEN, opts).reason).toBe('no-ci'); // zero width
	});
	it('pooled window 2021–2024 is never compared with a single year', () => {
		const r = compareToBenchmark(est(15.2, 13.1, 17.4, 2021, 2024), est(12.9, 12.5, 13.3, 2024, 2024), opts);
		expect(r).toMatchObject({ outcome: 'not-compared', reason: 'periods-not-aligned' });
		expect(r.details.benchmark_period_start).toBe(2024);
		const at998 = compareToBenchmark(est(15.2, 13.1, 17.4, 2021, 2024), est(12.9, 12.5, 13.3, 2024, 2024), { ...WORSE, level: 0.998 });
		expect(at998).toMatchObject({ outcome: 'not-compared', reason: 'periods-not-aligned' });
	});
});

describe('side-aware z-test with asymmetric CIs (issue 19 item 4: swapping the sides must fail here)', () => {
	// a = 10.0 (9.0–16.0): SE_low = 1/1.959964 = 0.510214, SE_high = 6/1.959964 = 3.061281
	// b = 7.0 (6.5–7.5): SE = 0.5/1.959964 = 0.255107 on both sides
	const a = est(10, 9, 16, 2024, 2024);
	const b = est(7, 6.5, 7.5, 2024, 2024);
	it('a > b: a’s LOWER side and b’s upper side face the difference → z = 3/0.570442 = 5.2591 → worse', () => {
		// √(0.510214² + 0.255107²) = 0.570442. (a’s upper side would give √(3.061281² + 0.255107²) = 3.071892, z = 0.9766: similar.)
		const r = compareToBenchmark(a, b, { ...WORSE, level: 0.95, method: 'z-test' });
		expect(r.outcome).toBe('worse');
		expect(r.details.z).toBeCloseTo(5.2591, 4);
		// diff CI: 3 − 1.959964·0.570442 = 1.8820 … 3 + 1.959964·3.071892 = 9.0209
		expect(r.details.diffCiLow).toBeCloseTo(1.882, 3);
		expect(r.details.diffCiHigh).toBeCloseTo(9.0209, 3);
	});
	it('b < a seen from b: b’s upper side and a’s lower side → z = −5.2591 → better', () => {
		const r = compareToBenchmark(b, a, { ...WORSE, level: 0.95, method: 'z-test' });
		expect(r.outcome).toBe('better');
		expect(r.details.z).toBeCloseTo(-5.2591, 4);
	});
	it('the long side faces the difference: 10.0 (9.0–16.0) vs 13.0 (12.5–13.5) → similar', () => {
		// d = −3 < 0: a’s UPPER side (3.061281) and c’s lower side (0.255107) → z = −3/3.071892 = −0.9766
		// (with a’s lower side: z = −5.2591, a false "better").
		const c = est(13, 12.5, 13.5, 2024, 2024);
		const r = compareToBenchmark(a, c, { ...WORSE, level: 0.95, method: 'z-test' });
		expect(r.outcome).toBe('similar');
		expect(r.details.z).toBeCloseTo(-0.9766, 4);
	});
	it('the gap between two groups uses the same sides', () => {
		const c = est(13, 12.5, 13.5, 2024, 2024);
		expect(gap(a, c, 0.95).outcome).toBe('no-significant-gap');
		expect(gap(a, b, 0.95).outcome).toBe('a-higher');
		// a − c = −3: its CI reaches up with a’s upper side: −3 + 1.959964·3.071892 = 3.0209 (includes 0),
		// and down with a’s lower side: −3 − 1.959964·0.570442 = −4.1180
		expect(gap(a, c, 0.95).diffCiHigh).toBeCloseTo(3.0209, 3);
		expect(gap(a, c, 0.95).diffCiLow).toBeCloseTo(-4.118, 3);
	});
});
