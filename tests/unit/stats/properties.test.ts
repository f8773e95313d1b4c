import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareToBenchmark,
	describeComparison,
	gap,
	trend,
	type ComparisonMethod,
	type ComparisonOutcome,
	type Estimate,
	type Level,
	type Polarity
} from '../../../src/lib/stats';

// FC_RUNS: fewer runs under mutation testing (stryker/vitest.config.ts), where every mutant reruns this file.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };

const level = fc.constantFrom<Level>(0.95, 0.998);
const method = fc.constantFrom<ComparisonMethod>('ci-overlap-benchmark', 'z-test');
const polarity = fc.constantFrom<Polarity>('higher-is-better', 'higher-is-worse', 'no-judgement');
/** Doubles in [min, max]: fast-check's own (biased to edge values) mixed with uniform ones (many borderline cases). */
const num = (min: number, max: number) =>
	fc.oneof(
		fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
		fc.integer({ min: 0, max: 1_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000)
	);

/** An estimate with a valid, possibly asymmetric 95 % CI, in a fixed window. */
const estimate = fc.record({ v: num(0, 100), dLo: num(0.01, 20), dHi: num(0.01, 20) }).map(
	({ v, dLo, dHi }): Estimate => ({ value: v, ci_low: v - dLo, ci_high: v + dHi, period_start: 2021, period_end: 2024 })
);

/** Anything a page might pass: missing values, missing CIs, suppressed cells, other windows. */
const messyEstimate = fc.oneof(
	{ weight: 6, arbitrary: estimate },
	{ weight: 1, arbitrary: fc.constant<Estimate>({ value: null, ci_low: null, ci_high: null, status: '..', period_start: 2021, period_end: 2024 }) },
	{ weight: 1, arbitrary: num(0, 100).map((v): Estimate => ({ value: v, ci_low: null, ci_high: null, period_start: 2021, period_end: 2024 })) },
	{ weight: 1, arbitrary: estimate.map((e): Estimate => ({ ...e, period_start: 2024 })) }
);

const SWAP: Record<ComparisonOutcome, ComparisonOutcome> = {
	better: 'worse',
	worse: 'better',
	higher: 'lower',
	lower: 'higher',
	similar: 'similar',
	'not-compared': 'not-compared'
};
const RANK: Record<ComparisonOutcome, number> = { similar: 0, better: 1, worse: 1, higher: 1, lower: 1, 'not-compared': -1 };

describe('properties of the comparison', () => {
	it('z-test: swapping the two estimates flips the outcome (better↔worse, higher↔lower)', () => {
		fc.assert(
			fc.property(estimate, estimate, polarity, level, (a, b, pol, lev) => {
				const ab = compareToBenchmark(a, b, { polarity: pol, level: lev, method: 'z-test' });
				const ba = compareToBenchmark(b, a, { polarity: pol, level: lev, method: 'z-test' });
				expect(ba.outcome).toBe(SWAP[ab.outcome]);
			}),
			RUNS
		);
	});

	it('benchmark rule: with two estimates of equal symmetric CIs, swapping flips the outcome', () => {
		// Integer values and half-widths keep "b inside a's CI" and "a inside b's CI" exactly equivalent.
		// On the natural scale (unit: number): percentages are rebuilt on the logit scale, where
		// equal widths are not symmetric.
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 100 }), polarity, level, (v1, v2, h, pol, lev) => {
				const a: Estimate = { value: v1, ci_low: v1 - h, ci_high: v1 + h, period_start: 2024, period_end: 2024 };
				const b: Estimate = { value: v2, ci_low: v2 - h, ci_high: v2 + h, period_start: 2024, period_end: 2024 };
				const ab = compareToBenchmark(a, b, { polarity: pol, level: lev, unit: 'number' });
				const ba = compareToBenchmark(b, a, { polarity: pol, level: lev, unit: 'number' });
				expect(ba.outcome).toBe(SWAP[ab.outcome]);
			}),
			RUNS
		);
	});

	it('flipping polarity swaps better and worse, and leaves everything else alone', () => {
		fc.assert(
			fc.property(messyEstimate, messyEstimate, level, method, (a, b, lev, m) => {
				const up = compareToBenchmark(a, b, { polarity: 'higher-is-better', level: lev, method: m });
				const down = compareToBenchmark(a, b, { polarity: 'higher-is-worse', level: lev, method: m });
				const none = compareToBenchmark(a, b, { polarity: 'no-judgement', level: lev, method: m });
				const swapBW = (o: ComparisonOutcome) => (o === 'better' ? 'worse' : o === 'worse' ? 'better' : o);
				expect(down.outcome).toBe(swapBW(up.outcome));
				expect(down.reason).toBe(up.reason);
				// no-judgement never says better/worse; it says higher where higher-is-better says better
				expect(['better', 'worse']).not.toContain(none.outcome);
				const toHL = (o: ComparisonOutcome) => (o === 'better' ? 'higher' : o === 'worse' ? 'lower' : o);
				expect(none.outcome).toBe(toHL(up.outcome));
			}),
			RUNS
		);
	});

	it('widening a CI never turns "similar" into a difference', () => {
		fc.assert(
			fc.property(estimate, estimate, num(0, 10), num(0, 10), num(0, 10), num(0, 10), polarity, level, method, (a, b, w1, w2, w3, w4, pol, lev, m) => {
				const opts = { polarity: pol, level: lev, method: m };
				const before = compareToBenchmark(a, b, opts);
				const wa = { ...a, ci_low: (a.ci_low as number) - w1, ci_high: (a.ci_high as number) + w2 };
				const wb = { ...b, ci_low: (b.ci_low as number) - w3, ci_high: (b.ci_high as number) + w4 };
				if (before.outcome === 'similar') {
					expect(compareToBenchmark(wa, b, opts).outcome).toBe('similar');
					expect(compareToBenchmark(a, wb, opts).outcome).toBe('similar');
					expect(compareToBenchmark(wa, wb, opts).outcome).toBe('similar');
				}
			}),
			RUNS
		);
	});

	it('the outcome at 99.8 % is never "more different" than at 95 %', () => {
		fc.assert(
			fc.property(messyEstimate, messyEstimate, polarity, method, (a, b, pol, m) => {
				const r95 = compareToBenchmark(a, b, { polarity: pol, level: 0.95, method: m });
				const r998 = compareToBenchmark(a, b, { polarity: pol, level: 0.998, method: m });
				expect(RANK[r998.outcome]).toBeLessThanOrEqual(RANK[r95.outcome]);
				if (RANK[r998.outcome] === 1) expect(r998.outcome).toBe(r95.outcome);
				expect(r998.outcome === 'not-compared').toBe(r95.outcome === 'not-compared');
			}),
			RUNS
		);
	});

	it('not-compared exactly when a reason is given', () => {
		fc.assert(
			fc.property(messyEstimate, fc.option(messyEstimate), polarity, level, method, (a, b, pol, lev, m) => {
				const r = compareToBenchmark(a, b, { polarity: pol, level: lev, method: m });
				expect(r.outcome === 'not-compared').toBe(r.reason !== undefined);
			}),
			RUNS
		);
	});

	it('the gap is significant exactly when the z-test says the two differ', () => {
		fc.assert(
			fc.property(estimate, estimate, level, (a, b, lev) => {
				const g = gap(a, b, lev);
				const z = compareToBenchmark(a, b, { polarity: 'no-judgement', level: lev, method: 'z-test' });
				const map = { 'a-higher': 'higher', 'b-higher': 'lower', 'no-significant-gap': 'similar', 'not-assessable': 'not-compared' };
				expect(map[g.outcome]).toBe(z.outcome);
				expect((g.diffCiLow as number) <= (g.diff as number) && (g.diff as number) <= (g.diffCiHigh as number)).toBe(true);
			}),
			RUNS
		);
	});
});

describe('properties of the sentences', () => {
	const indicator = { sv: 'Andelen som saknar en vän', en: 'The proportion without a friend' };
	const area = { sv: 'Västernorrlands län', en: 'Västernorrland County' };
	it('never say higher/lower when the outcome is similar or not-compared; always do otherwise', () => {
		fc.assert(
			fc.property(messyEstimate, fc.option(messyEstimate), polarity, level, method, (a, b, pol, lev, m) => {
				const r = compareToBenchmark(a, b, { polarity: pol, level: lev, method: m });
				const sv = describeComparison({ indicator, area, result: r, lang: 'sv' });
				const en = describeComparison({ indicator, area, result: r, lang: 'en' });
				if (r.outcome === 'similar' || r.outcome === 'not-compared') {
					expect(sv).not.toMatch(/högre|lägre/);
					expect(en).not.toMatch(/higher|lower/);
				} else {
					expect(sv).toMatch(/ är (högre|lägre) i /);
					expect(en).toMatch(/ is (higher|lower) in /);
					const saysHigher = / är högre /.test(sv);
					expect(/ is higher /.test(en)).toBe(saysHigher);
					expect(saysHigher).toBe((r.details.diff as number) > 0);
				}
				if (r.outcome === 'similar') {
					expect(sv).toContain('skiljer sig inte statistiskt säkerställt');
					expect(en).toContain('not significantly different');
				}
			}),
			RUNS
		);
	});
});

describe('properties of the trend', () => {
	it('negating every value flips increasing ↔ decreasing', () => {
		fc.assert(
			fc.property(fc.array(num(0, 100), { minLength: 5, maxLength: 8 }), fc.array(num(0.05, 5), { minLength: 8, maxLength: 8 }), (ys, hs) => {
				const s = ys.map((y, i): Estimate => ({ value: y, ci_low: y - hs[i], ci_high: y + hs[i], period_start: 2015 + i, period_end: 2015 + i }));
				const neg = s.map((e): Estimate => ({ ...e, value: -(e.value as number), ci_low: -(e.ci_high as number), ci_high: -(e.ci_low as number) }));
				const t = trend(s, { polarity: 'no-judgement' });
				const n = trend(neg, { polarity: 'no-judgement' });
				const flip = { increasing: 'decreasing', decreasing: 'increasing', 'no-significant-trend': 'no-significant-trend', 'not-assessable': 'not-assessable' };
				expect(n.outcome).toBe(flip[t.outcome]);
			}),
			RUNS
		);
	});
});
