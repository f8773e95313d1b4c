/**
 * The indicator page's view function, `indicatorData`, on a hand-made Parquet read by the real Node
 * engine: which rows each chart gets, and the county outcomes at the view's confidence level
 * (issue 19 item 4: the 99.8 % switch on every page that has it; the region page's is in
 * issue13-view.test.ts). Expected outcomes are worked out by hand below, not by the stats module.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/lib/data/observation';
import { countyCounts, indicatorData, levelOf, viewKey } from '../../../src/lib/view/indicator-data';
import type { IndicatorView } from '../../../src/lib/view/indicator-state';
import { fixtureEngine } from '../../helpers/obs-fixture';

const obs = (p: Partial<Observation> & Pick<Observation, 'region_code' | 'period_start' | 'period_end' | 'value' | 'ci_low' | 'ci_high'>): Observation => ({
	indicator_id: 'gamma',
	sex: 'T',
	group_dim: 'total',
	group_code: 'total',
	n: 1000,
	status: null,
	source_id: 'src-gamma',
	is_demo: false,
	...p
});

/*
 * 2021–2024, the nation 10.0 against three counties (published 95 % CIs):
 *  - 20 Dalarna 11.3 (10.2–12.4): 10.0 lies below 10.2 → worse at 95 %. At 99.8 % the lower side is
 *    rebuilt on the logit scale: logit(0.113) = −2.0605, logit(0.102) = −2.1750, SE = 0.1146/1.96 =
 *    0.05846, −2.0605 − 3.0902·0.05846 = −2.2411 → 9.61 %, so 10.0 lies inside → similar.
 *  - 21 Gävleborg 13.0 (12.0–14.0): logit 99.8 % lower bound ≈ 11.5 % > 10.0 → worse at both levels.
 *  - 01 Stockholm 9.8 (9.0–10.6): 10.0 inside → similar at both levels.
 * The nation also has the single years 2022 and 2023 (its trend line) and an age breakdown.
 */
const rows: Observation[] = [
	obs({ region_code: '00', period_start: 2022, period_end: 2022, value: 9.0, ci_low: 8.6, ci_high: 9.5 }),
	obs({ region_code: '00', period_start: 2023, period_end: 2023, value: 9.4, ci_low: 9.0, ci_high: 9.9 }),
	obs({ region_code: '00', period_start: 2021, period_end: 2024, value: 10.0, ci_low: 9.8, ci_high: 10.2 }),
	obs({ region_code: '00', period_start: 2021, period_end: 2024, group_dim: 'age', group_code: '16-29', value: 14.0, ci_low: 13.0, ci_high: 15.1 }),
	obs({ region_code: '00', period_start: 2021, period_end: 2024, group_dim: 'age', group_code: '65-84', value: 7.0, ci_low: 6.4, ci_high: 7.7 }),
	obs({ region_code: '00', period_start: 2023, period_end: 2023, group_dim: 'age', group_code: '16-29', value: 13.5, ci_low: 12.0, ci_high: 15.2 }),
	obs({ region_code: '00', period_start: 2021, period_end: 2024, sex: 'K', value: 11.0, ci_low: 10.7, ci_high: 11.3 }),
	obs({ region_code: '20', period_start: 2021, period_end: 2024, value: 11.3, ci_low: 10.2, ci_high: 12.4 }),
	obs({ region_code: '20', period_start: 2017, period_end: 2020, value: 12.0, ci_low: 10.9, ci_high: 13.2 }),
	obs({ region_code: '21', period_start: 2021, period_end: 2024, value: 13.0, ci_low: 12.0, ci_high: 14.0 }),
	obs({ region_code: '01', period_start: 2021, period_end: 2024, value: 9.8, ci_low: 9.0, ci_high: 10.6 }),
	// A municipality is never one of the counties.
	obs({ region_code: '2080', period_start: 2021, period_end: 2024, value: 30.0, ci_low: 25.0, ci_high: 35.0 })
];
const gamma = { id: 'gamma', polarity: 'higher-is-worse' as const, unit: 'percent' as const };
const view = (p: Partial<IndicatorView> = {}): IndicatorView => ({ sex: 'T', group: 'age', period: '2021-2024', countyPeriod: '2021-2024', region: '', level: '95', ...p });
const periods = (xs: Observation[]) => xs.map((r) => `${r.region_code}:${r.group_code}:${r.period_start}-${r.period_end}`);

const engine = fixtureEngine(rows);

describe('indicatorData: the county outcomes follow the view’s level', () => {
	it('at 95 %: Dalarna and Gävleborg worse, Stockholm similar', async () => {
		const d = await indicatorData(engine, gamma, view());
		expect(d.outcomes).toEqual({ '01': 'similar', '20': 'worse', '21': 'worse' });
		expect(countyCounts(d.outcomes, 'higher-is-worse')).toEqual({ better: 0, worse: 2, similar: 1, judged: true });
	});

	it('at 99.8 %: Dalarna becomes similar, Gävleborg stays worse', async () => {
		const d = await indicatorData(engine, gamma, view({ level: '99.8' }));
		expect(d.outcomes).toEqual({ '01': 'similar', '20': 'similar', '21': 'worse' });
		expect(countyCounts(d.outcomes, 'higher-is-worse')).toEqual({ better: 0, worse: 1, similar: 2, judged: true });
	});

	it('levelOf maps the URL value to the level', () => {
		expect(levelOf({ level: '99.8' })).toBe(0.998);
		expect(levelOf({ level: '95' })).toBe(0.95);
	});

	it('a register indicator is compared directly (no CI), at either level', async () => {
		const d = await indicatorData(engine, { ...gamma, sampling: 'register' }, view({ level: '99.8' }));
		// 9.8 < 10.0 is lower, i.e. better when higher is worse; 11.3 and 13.0 are worse.
		expect(d.outcomes).toEqual({ '01': 'better', '20': 'worse', '21': 'worse' });
	});

	it('an indicator without judgement counts higher and lower', () => {
		expect(countyCounts({ '01': 'lower', '20': 'higher', '21': 'higher', '03': 'similar' }, 'no-judgement')).toEqual({ better: 1, worse: 2, similar: 1, judged: false });
	});
});

describe('indicatorData: each chart gets its rows', () => {
	it('the nation: its single years as the line, no benchmark, the age groups of the period with the total first, the counties', async () => {
		const d = await indicatorData(engine, gamma, view());
		expect(periods(d.trend)).toEqual(['00:total:2022-2022', '00:total:2023-2023']);
		expect(d.benchmark).toBeNull();
		expect(periods(d.groups)).toEqual(['00:total:2021-2024', '00:16-29:2021-2024', '00:65-84:2021-2024']);
		expect(periods(d.counties)).toEqual(['00:total:2021-2024', '01:total:2021-2024', '20:total:2021-2024', '21:total:2021-2024']);
	});

	it('a county: its own windows as the line, the nation’s windows behind it', async () => {
		const d = await indicatorData(engine, gamma, view({ region: '20' }));
		expect(periods(d.trend)).toEqual(['20:total:2017-2020', '20:total:2021-2024']);
		expect(periods(d.benchmark ?? [])).toEqual(['00:total:2021-2024']);
	});

	it('women: only the rows for women', async () => {
		const d = await indicatorData(engine, gamma, view({ sex: 'K' }));
		expect(d.trend.map((r) => r.value)).toEqual([11.0]);
		expect(d.counties.map((r) => r.region_code)).toEqual(['00']);
		expect(d.outcomes).toEqual({});
	});

	it('the view key: no region means the nation; periods parsed from their keys; no period, no chart', () => {
		expect(viewKey('gamma', view({ period: '2023', countyPeriod: '2021-2024' }))).toEqual({
			indicator: 'gamma',
			region: '00',
			sex: 'T',
			groupDim: 'age',
			groupPeriod: { start: 2023, end: 2023 },
			countyPeriod: { start: 2021, end: 2024 }
		});
		expect(viewKey('gamma', view({ region: '21', period: '', countyPeriod: '' }))).toMatchObject({ region: '21', groupPeriod: null, countyPeriod: null });
	});
});
