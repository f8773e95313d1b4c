import { describe, expect, it } from 'vitest';
import { alignPeriods, comparableAcrossBreaks, compareToBenchmark, periodsOverlap } from '../../../src/lib/stats';
import { est } from './helpers';

describe('period alignment', () => {
	const nation = [
		est(12.9, 12.5, 13.3, 2024, 2024),
		est(12.4, 12.0, 12.8, 2023, 2023),
		est(12.6, 12.4, 12.8, 2021, 2024),
		est(12.2, 12.0, 12.4, 2020, 2023)
	];
	it('a region’s pooled 2021–2024 window gets the nation’s 2021–2024 window, not 2024', () => {
		const region = est(15.2, 13.1, 17.4, 2021, 2024);
		const a = alignPeriods(region, nation);
		expect(a.aligned).toBe(true);
		if (a.aligned) {
			expect(a.benchmark.value).toBe(12.6);
			// 12.6 < 13.1 → outside the region's CI → worse
			expect(compareToBenchmark(region, a.benchmark, { polarity: 'higher-is-worse', level: 0.95 }).outcome).toBe('worse');
		}
	});
	it('same end but different start is not aligned', () => {
		expect(alignPeriods(est(15, 13, 17, 2022, 2024), nation)).toEqual({ aligned: false, reason: 'periods-not-aligned' });
		expect(alignPeriods(est(15, 13, 17, 2021, 2024), [nation[0]])).toEqual({ aligned: false, reason: 'periods-not-aligned' });
		expect(alignPeriods(est(15, 13, 17), [])).toEqual({ aligned: false, reason: 'no-benchmark' });
	});
	it('prefers a matching benchmark that has a value', () => {
		const a = alignPeriods(est(15, 13, 17, 2024, 2024), [est(null, null, null, 2024, 2024, '..'), nation[0]]);
		expect(a.aligned && a.benchmark.value).toBe(12.9);
	});
});

describe('series breaks', () => {
	const y = (s: number, e = s) => ({ period_start: s, period_end: e });
	it('a break at b separates period_end < b from period_start ≥ b', () => {
		expect(comparableAcrossBreaks(y(2024), y(2026), [2025])).toBe(false);
		expect(comparableAcrossBreaks(y(2025), y(2026), [2025])).toBe(true);
		expect(comparableAcrossBreaks(y(2022), y(2024), [2025])).toBe(true);
		expect(comparableAcrossBreaks(y(2024), y(2026), [])).toBe(true);
	});
	it('a window straddling the break is comparable with neither side', () => {
		expect(comparableAcrossBreaks(y(2021, 2024), y(2025, 2028), [2022])).toBe(false);
		expect(comparableAcrossBreaks(y(2021, 2024), y(2025, 2028), [2026])).toBe(false);
		expect(comparableAcrossBreaks(y(2021, 2024), y(2025, 2028), [2021])).toBe(true);
	});
	it('overlap of windows', () => {
		expect(periodsOverlap(y(2021, 2024), y(2022, 2025))).toBe(true);
		expect(periodsOverlap(y(2021, 2024), y(2025, 2028))).toBe(false);
	});
});
