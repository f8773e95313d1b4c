/**
 * Property (issue 13): no sentence states a direction or a difference unless its test, at the
 * level the sentence names, supports it. The support is recomputed here from the inputs with
 * independent code (the benchmark outside the interval at that level; the z statistic of a change),
 * not read back from the result object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSinceBaseline, compareToBenchmark, describeChange, describeComparison, type Estimate, type Level, type Polarity, type Sampling } from '../../../src/lib/stats';

// FC_RUNS: fewer runs under mutation testing (stryker/vitest.config.ts).
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 600) };
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;
const indicator = { sv: 'Andelen som saknar en vän', en: 'The proportion without a friend' };
const area = { sv: 'Västernorrlands län', en: 'Västernorrland County' };
const num = (min: number, max: number) => fc.integer({ min: 0, max: 100_000 }).map((i) => min + ((max - min) * i) / 100_000);
const polarity = fc.constantFrom<Polarity>('higher-is-better', 'higher-is-worse', 'no-judgement');
const level = fc.constantFrom<Level>(0.95, 0.998);

/** A percentage with a published, possibly asymmetric 95 % CI inside 0–100, or without one (with or without n). */
const estimate = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ v: num(1, 99), a: num(0.01, 0.95), b: num(0.01, 0.95) }).map(({ v, a, b }): Estimate => ({ value: v, ci_low: v * (1 - a), ci_high: v + (100 - v) * b, period_start: 2024, period_end: 2024 })) },
	{ weight: 1, arbitrary: fc.record({ v: num(0, 100), n: fc.integer({ min: 20, max: 20000 }) }).map(({ v, n }): Estimate => ({ value: v, ci_low: null, ci_high: null, n, period_start: 2024, period_end: 2024 })) },
	{ weight: 1, arbitrary: num(0, 100).map((v): Estimate => ({ value: v, ci_low: null, ci_high: null, period_start: 2024, period_end: 2024 })) }
);

const logit = (p: number) => Math.log(p / (100 - p));
const expit = (x: number) => 100 / (1 + Math.exp(-x));
/** Wilson score interval, written out again. */
function wilson(p: number, n: number, z: number): [number, number] {
	const q = p / 100, d = 1 + (z * z) / n;
	const c = (q + (z * z) / (2 * n)) / d;
	const h = (z / d) * Math.sqrt((q * (1 - q)) / n + (z * z) / (4 * n * n));
	return [Math.max(0, c - h) * 100, Math.min(1, c + h) * 100];
}
/** The interval the comparison at `lev` must use, or null when no claim can be made. */
function interval(e: Estimate, lev: Level): [number, number] | null {
	if (e.value === null) return null;
	if (e.ci_low === null || e.ci_high === null) return e.n ? wilson(e.value, e.n, lev === 0.95 ? Z95 : Z998) : null;
	if (lev === 0.95) return [e.ci_low, e.ci_high];
	const lv = logit(e.value);
	const lo = expit(lv - (Z998 * (lv - logit(e.ci_low))) / Z95);
	const hi = expit(lv + (Z998 * (logit(e.ci_high) - lv)) / Z95);
	// 99.8 % never claims what 95 % would not: inside either interval is "similar".
	return [Math.min(lo, e.ci_low), Math.max(hi, e.ci_high)];
}
const DIRECTION = { sv: / är (högre|lägre) i /, en: / is (higher|lower) in / };

describe('no sentence claims a difference its test does not support', () => {
	it('comparison with the nation: survey (published CI, Wilson from n, none) and register', () => {
		let claims = 0;
		let notCompared = 0;
		fc.assert(
			fc.property(estimate, num(0.5, 99.5), polarity, level, fc.constantFrom<Sampling>('survey', 'survey', 'register'), (e, benchValue, pol, lev, sampling) => {
				const bench: Estimate = { value: benchValue, ci_low: benchValue - 0.2, ci_high: benchValue + 0.2, period_start: 2024, period_end: 2024 };
				const r = compareToBenchmark(e, bench, { polarity: pol, level: lev, sampling });
				for (const lang of ['sv', 'en'] as const) {
					const s = describeComparison({ indicator, area, result: r, lang });
					const m = DIRECTION[lang].exec(s);
					const levelNamed = lang === 'sv' ? (lev === 0.95 ? '95\u00a0%-nivån' : '99,8\u00a0%-nivån') : lev === 0.95 ? 'the 95% level' : 'the 99.8% level';
					if (m) {
						const saysHigher = m[1] === 'högre' || m[1] === 'higher';
						expect(saysHigher).toBe((e.value as number) > benchValue);
						if (sampling === 'register') expect(s).toMatch(/registeruppgift utan urvalsfel|register data without sampling error/);
						else {
							const ci = interval(e, lev);
							expect(ci).not.toBeNull();
							expect(benchValue < ci![0] || benchValue > ci![1]).toBe(true);
							expect(s).toContain(levelNamed);
						}
						if (lang === 'sv') claims++;
					} else if (/skiljer sig inte|not significantly different/.test(s)) {
						const ci = interval(e, lev)!;
						expect(benchValue >= ci[0] - 1e-9 && benchValue <= ci[1] + 1e-9).toBe(true);
						expect(s).toContain(levelNamed);
					} else {
						expect(s).toMatch(/kan inte jämföras|cannot be compared|lika stor|the same in/);
						if (/kan inte jämföras|cannot be compared/.test(s)) {
							expect(interval(e, lev)).toBeNull();
							if (lang === 'sv') notCompared++;
						}
					}
				}
			}),
			RUNS
		);
		// The generator reached both kinds of case.
		expect(claims).toBeGreaterThan(RUNS.numRuns / 10);
		expect(notCompared).toBeGreaterThan(RUNS.numRuns / 50);
	});

	it('change since the baseline: "ökat/minskat" only when |z| exceeds the named level’s critical value', () => {
		let claims = 0;
		fc.assert(
			fc.property(num(1, 99), num(1, 99), num(0.05, 5), num(0.05, 5), polarity, level, (v0, v1, h0, h1, pol, lev) => {
				const series: Estimate[] = [
					{ value: v0, ci_low: v0 - h0, ci_high: v0 + h0, period_start: 2024, period_end: 2024 },
					{ value: v1, ci_low: v1 - h1, ci_high: v1 + h1, period_start: 2026, period_end: 2026 }
				];
				const c = changeSinceBaseline(series, { polarity: pol, level: lev });
				const z = (v1 - v0) / Math.hypot(h0 / Z95, h1 / Z95);
				for (const lang of ['sv', 'en'] as const) {
					const s = describeChange({ indicator, result: c, lang });
					const claimed = /har (ökat|minskat)|has (increased|decreased)/.exec(s);
					if (claimed) {
						expect(Math.abs(z)).toBeGreaterThan(lev === 0.95 ? Z95 : Z998);
						expect(/ökat|increased/.test(claimed[0])).toBe(v1 > v0);
						expect(s).toContain(lang === 'sv' ? (lev === 0.95 ? '95\u00a0%-nivån' : '99,8\u00a0%-nivån') : lev === 0.95 ? 'the 95% level' : 'the 99.8% level');
						if (lang === 'sv') claims++;
					} else expect(Math.abs(z)).toBeLessThanOrEqual((lev === 0.95 ? Z95 : Z998) + 1e-9);
				}
			}),
			RUNS
		);
		expect(claims).toBeGreaterThan(RUNS.numRuns / 10);
	});
});
