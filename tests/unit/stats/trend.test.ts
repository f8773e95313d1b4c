import { describe, expect, it } from 'vitest';
import { trend, wlsSlope } from '../../../src/lib/stats';
import { est, year } from './helpers';

/** CI ±1 around each value: SE = 1/1.959964 = 0.510214, weight 1/SE² = 1.959964² = 3.841459. */
const series = (values: number[], from = 2020) => values.map((v, i) => year(from + i, v, v - 1, v + 1));

describe('trend (Fingertips: WLS, χ² > 9.5495, leave-one-out sign)', () => {
	it('significant: 10, 11, 12, 13, 14 in 2020–2024', () => {
		// equal weights w = 3.841459; x̄ = 2022; Σw(x − x̄)² = 3.841459·(4+1+0+1+4) = 38.41459
		// slope = Σw(x − x̄)(y − ȳ)/Σw(x − x̄)² = 10w/10w = 1.0 pp/year
		// SE = 1/√38.41459 = 0.161344; χ² = (1/0.161344)² = 38.4146 > 9.5495; every LOO slope = 1
		// 99.8 % CI = 1 ± 3.090232·0.161344 = 1 ± 0.498589 → (0.5014, 1.4986)
		const t = trend(series([10, 11, 12, 13, 14]), { polarity: 'higher-is-worse' });
		expect(t.outcome).toBe('increasing');
		expect(t.label).toBe('getting-worse');
		expect(t.slope).toBeCloseTo(1, 10);
		expect(t.slopeSe).toBeCloseTo(0.161344, 5);
		expect(t.chi2).toBeCloseTo(38.4146, 4);
		expect(t.slopeCiLow).toBeCloseTo(0.5014, 4);
		expect(t.slopeCiHigh).toBeCloseTo(1.4986, 4);
		expect(t.leaveOneOutSlopes).toEqual([1, 1, 1, 1, 1].map((x) => expect.closeTo(x, 10)));
		expect(trend(series([10, 11, 12, 13, 14]), { polarity: 'higher-is-better' }).label).toBe('getting-better');
		expect(trend(series([10, 11, 12, 13, 14]), { polarity: 'no-judgement' }).label).toBe('increasing');
		expect(trend(series([14, 13, 12, 11, 10]), { polarity: 'higher-is-worse' }).label).toBe('getting-better');
	});
	it('fails leave-one-out: 10.2, 10.1, 10.0, 9.9, 14.0 — one outlying year makes the "trend"', () => {
		// full fit: ȳ = 10.84; Σ(x − x̄)y = −2·10.2 − 10.1 + 0 + 9.9 + 2·14 = 7.4; slope = 7.4/10 = 0.74
		// χ² = (0.74/0.161344)² = 21.036 > 9.5495 — significant on its own,
		// but leaving out 2024: x̄ = 2021.5, Σ(x − x̄)y = −1.5·10.2 − 0.5·10.1 + 0.5·10.0 + 1.5·9.9 = −0.5, Σ(x − x̄)² = 5,
		// slope = −0.1 → sign differs → no significant trend
		const t = trend(series([10.2, 10.1, 10.0, 9.9, 14.0]), { polarity: 'higher-is-worse' });
		expect(t.slope).toBeCloseTo(0.74, 10);
		expect(t.chi2).toBeCloseTo(21.036, 3);
		expect(t.leaveOneOutSlopes[4]).toBeCloseTo(-0.1, 10);
		expect(t.leaveOneOutSameSign).toBe(false);
		expect(t.outcome).toBe('no-significant-trend');
		expect(t.label).toBe('no-significant-trend');
	});
	it('not significant: 10, 10.5, 10, 10.5, 10.4: slope = (−2·10 − 10.5 + 0 + 10.5 + 2·10.4)/10 = 0.08, χ² = 0.246', () => {
		const t = trend(series([10, 10.5, 10, 10.5, 10.4]), { polarity: 'higher-is-worse' });
		expect(t.slope).toBeCloseTo(0.08, 10);
		expect(t.outcome).toBe('no-significant-trend');
	});
	it('weights 1/SE²: a precise point counts more', () => {
		// two points would do for the slope formula; with the helper check WLS directly:
		// x = 0, 1, 2; y = 0, 0, 3; w = 1, 1, 100 → x̄ = 200/102, slope pulled toward the third point
		const { slope } = wlsSlope([
			{ x: 0, y: 0, w: 1 },
			{ x: 1, y: 0, w: 1 },
			{ x: 2, y: 3, w: 100 }
		]);
		// Σw = 102; Σwx = 0 + 1 + 200 = 201; Σwy = 300; Σwx² = 0 + 1 + 400 = 401; Σwxy = 100·2·3 = 600
		// Sxx = 401 − 201²/102 = 401 − 396.088235 = 4.911765
		// Sxy = 600 − 201·300/102 = 600 − 591.176471 = 8.823529
		// slope = 8.823529/4.911765 = 1.796407 (unweighted OLS would give 1.5)
		expect(slope).toBeCloseTo(1.796407, 5);
	});
	it('uses only the last 5 points after the last series break', () => {
		// 2016–2020 on an old method at about 20 %, new method from 2021: 10, 11, 12, 13 (2021–2024)
		const s = [...series([20, 20, 20, 20, 20], 2016), ...series([10, 11, 12, 13], 2021)];
		const noBreak = trend(s, { polarity: 'higher-is-worse' });
		expect(noBreak.years).toEqual([2020, 2021, 2022, 2023, 2024]); // the last 5, mixing methods
		// with the break at 2021 only 4 comparable points remain → no trend is claimed
		expect(trend(s, { polarity: 'higher-is-worse', seriesBreaks: [2021] })).toMatchObject({ outcome: 'not-assessable', reason: 'series-break' });
		// one more year on the new method → 5 points 2021–2025, slope 1 → increasing
		const t = trend([...s, year(2025, 14, 13, 15)], { polarity: 'higher-is-worse', seriesBreaks: [2021] });
		expect(t.years).toEqual([2021, 2022, 2023, 2024, 2025]);
		expect(t.outcome).toBe('increasing');
	});
	it('not assessable: fewer than 5 points, pooled windows', () => {
		expect(trend(series([10, 11, 12, 13]), { polarity: 'no-judgement' })).toMatchObject({ outcome: 'not-assessable', reason: 'too-few-points' });
		const pooled = [2018, 2019, 2020, 2021, 2022].map((s) => est(10, 9, 11, s, s + 3));
		expect(trend(pooled, { polarity: 'no-judgement' })).toMatchObject({ outcome: 'not-assessable', reason: 'pooled-periods' });
		// points without a CI (or n) are not "valid" (Fingertips: last 5 valid points); five years
		// exist, so the reason is the missing CI, not "too few" (issue 13 item 1)
		const s = [...series([10, 11, 12, 13]), year(2024, 14, null, null)];
		expect(trend(s, { polarity: 'no-judgement' }).reason).toBe('no-ci');
	});
});
