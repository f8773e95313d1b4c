import { describe, expect, it } from 'vitest';
import { changeSinceBaseline } from '../../../src/lib/stats';
import { est, year } from './helpers';

const opts = { polarity: 'higher-is-worse' as const, level: 0.95 as const };

describe('change since baseline', () => {
	it('baseline = latest value ending before 2025, latest = last point; z-test on the difference', () => {
		const series = [year(2022, 12.0, 11.6, 12.4), year(2026, 14.1, 13.7, 14.5), year(2024, 12.9, 12.5, 13.3), year(2025, 13.5, 13.1, 13.9)];
		// baseline 2024: 12.9 (12.5–13.3), SE = 0.8/3.919928 = 0.204085
		// latest   2026: 14.1 (13.7–14.5), SE = 0.204085
		// change = 1.2; SE = 0.204085·√2 = 0.288617; z = 1.2/0.288617 = 4.1577 > 1.96
		// CI = 1.2 ± 1.959964·0.288617 = 1.2 ± 0.4·√2 = 1.2 ± 0.565685 → (0.6343, 1.7657)
		const r = changeSinceBaseline(series, opts);
		expect(r.outcome).toBe('worsened');
		expect(r.baseline?.period_end).toBe(2024);
		expect(r.latest?.period_end).toBe(2026);
		expect(r.change).toBeCloseTo(1.2, 10);
		expect(r.z).toBeCloseTo(4.1577, 4);
		expect(r.changeCiLow).toBeCloseTo(0.6343, 4);
		expect(r.changeCiHigh).toBeCloseTo(1.7657, 4);
		expect(r.overlappingPeriods).toBe(false);
		expect(changeSinceBaseline(series, { ...opts, polarity: 'higher-is-better' }).outcome).toBe('improved');
		expect(changeSinceBaseline(series, { ...opts, polarity: 'no-judgement' }).outcome).toBe('increased');
	});
	it('no detectable change: 12.9 (12.5–13.3) → 13.3 (12.9–13.7): z = 0.4/0.288617 = 1.386', () => {
		const r = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 13.3, 12.9, 13.7)], opts);
		expect(r.outcome).toBe('no-detectable-change');
		expect(r.z).toBeCloseTo(1.3859, 4);
	});
	it('99.8 %: change 0.8 → z = 0.8/0.288617 = 2.7719 (95 % only); change 1.0 → z = 3.4648 > 3.0902', () => {
		const base = year(2024, 12.9, 12.5, 13.3);
		expect(changeSinceBaseline([base, year(2026, 13.7, 13.3, 14.1)], { ...opts, level: 0.998 }).outcome).toBe('no-detectable-change');
		expect(changeSinceBaseline([base, year(2026, 13.7, 13.3, 14.1)], opts).outcome).toBe('worsened');
		expect(changeSinceBaseline([base, year(2026, 13.9, 13.5, 14.3)], { ...opts, level: 0.998 }).outcome).toBe('worsened');
	});
	it('series break at 2025: 2024 and 2026 are not comparable → not-assessable', () => {
		const series = [year(2023, 12.4, 12.0, 12.8), year(2024, 12.9, 12.5, 13.3), year(2026, 16.0, 15.6, 16.4)];
		const r = changeSinceBaseline(series, { ...opts, seriesBreaks: [2025] });
		expect(r).toMatchObject({ outcome: 'not-assessable', reason: 'series-break' });
		// a break before the baseline does not matter
		expect(changeSinceBaseline(series, { ...opts, seriesBreaks: [2024] }).outcome).toBe('worsened');
	});
	it('no baseline, no later value, no CI', () => {
		expect(changeSinceBaseline([year(2025, 12, 11, 13), year(2026, 13, 12, 14)], opts).reason).toBe('no-baseline');
		expect(changeSinceBaseline([year(2023, 12, 11, 13), year(2024, 13, 12, 14)], opts).reason).toBe('no-later-value');
		expect(changeSinceBaseline([year(2024, 12, 11, 13), year(2026, null, null, null)], opts).reason).toBe('no-later-value');
		expect(changeSinceBaseline([year(2024, 12, null, null), year(2026, 15, 14, 16)], opts)).toMatchObject({ outcome: 'not-assessable', reason: 'no-ci', change: 3 });
		expect(changeSinceBaseline([], opts).reason).toBe('no-baseline');
	});
	it('pooled windows: 2021–2024 → 2025–2028 tested; overlapping windows not compared', () => {
		const r = changeSinceBaseline([est(15.2, 13.1, 17.4, 2021, 2024), est(11.0, 9.5, 12.5, 2025, 2028)], opts);
		// asymmetric baseline: change −4.2 is negative, so the latest's upper side (1.5/1.96) and the
		// baseline's lower side (2.1/1.96) face 0: SE = √(1.5² + 2.1²)/1.959964 = 2.580698/1.959964 = 1.316707; z = −3.1898
		expect(r.outcome).toBe('improved');
		expect(r.z).toBeCloseTo(-3.1898, 4);
		const o = changeSinceBaseline([est(15.2, 13.1, 17.4, 2021, 2024), est(14.0, 12.0, 16.0, 2022, 2025)], opts);
		// 2022–2025 shares three years with the baseline and lies mostly before the strategy (issue 13 item 11)
		expect(o).toMatchObject({ outcome: 'not-assessable', reason: 'window-before-strategy' });
	});
});
