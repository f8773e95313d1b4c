/**
 * The region page's view function `regionProfile` (one query through the real Node engine, on a
 * hand-made Parquet), its spine chart rows, and the indicator page's neighbouring views and idle
 * prefetch. Found by mutation testing (issue 19 item 5): no test reached them. Expected values are
 * worked out by hand below.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IndicatorMeta, RegionMeta } from '../../../src/lib/data/catalog';
import type { Observation } from '../../../src/lib/data/observation';
import { MAX_NEIGHBOURS, neighbourViews, prefetchInIdle } from '../../../src/lib/view/neighbours';
import { neighbours } from '../../../src/lib/view/peers';
import { regionProfile, spineRows } from '../../../src/lib/view/region-profile';
import type { IndicatorView, ViewOptions } from '../../../src/lib/view/indicator-state';
import { fixtureEngine } from '../../helpers/obs-fixture';

const obs = (p: Partial<Observation> & Pick<Observation, 'indicator_id' | 'region_code' | 'value'>): Observation => ({
	period_start: 2021,
	period_end: 2024,
	sex: 'T',
	group_dim: 'total',
	group_code: 'total',
	ci_low: p.value === null ? null : p.value - 1,
	ci_high: p.value === null ? null : p.value + 1,
	n: 1000,
	status: null,
	source_id: 'src',
	is_demo: false,
	...p
});
const meta = (id: string, polarity: IndicatorMeta['polarity']) => ({ id, unit: 'percent', polarity, name: { sv: `Andel ${id}`, en: `Share ${id}` }, short: { sv: `${id} kort`, en: `${id} short` } }) as IndicatorMeta;
const lonely = meta('lonely', 'higher-is-worse');
const trust = meta('trust', 'higher-is-better');
const regions: RegionMeta[] = [
	{ code: '00', name: { sv: 'Riket', en: 'Sweden' }, level: 'nation' },
	{ code: '20', name: { sv: 'Dalarnas län', en: 'Dalarna County' }, level: 'county' }
];

/*
 * lonely, 2021–2024: the nation 10.0; Dalarna 11.3 (10.2–12.4) — worse at 95 % (10.0 < 10.2), similar
 * at 99.8 % (logit lower bound 9.61 %, see indicator-data-levels.test.ts); counties 8, 9, 11 beside it.
 * Dalarna also has 2017–2020 (13.0), which is not in the spread. A municipality row is not read.
 * Dalarna's older windows 2013–2016 (14.0) and 2017–2020 (13.0) are in its series, not in the spread.
 * trust: the nation 60 and exactly three counties, 50, 55 (Dalarna) and 65: the smallest spread drawn.
 */
const rows: Observation[] = [
	obs({ indicator_id: 'lonely', region_code: '00', value: 10.0, ci_low: 9.8, ci_high: 10.2 }),
	obs({ indicator_id: 'lonely', region_code: '20', period_start: 2013, period_end: 2016, value: 14.0 }),
	obs({ indicator_id: 'lonely', region_code: '20', period_start: 2017, period_end: 2020, value: 13.0 }),
	obs({ indicator_id: 'lonely', region_code: '20', value: 11.3, ci_low: 10.2, ci_high: 12.4 }),
	obs({ indicator_id: 'lonely', region_code: '01', value: 9.0 }),
	obs({ indicator_id: 'lonely', region_code: '03', value: 8.0 }),
	obs({ indicator_id: 'lonely', region_code: '21', value: 11.0 }),
	obs({ indicator_id: 'lonely', region_code: '2080', value: 40.0 }),
	obs({ indicator_id: 'trust', region_code: '00', value: 60.0 }),
	obs({ indicator_id: 'trust', region_code: '20', value: 55.0, ci_low: 52.0, ci_high: 58.0 }),
	obs({ indicator_id: 'trust', region_code: '01', value: 50.0 }),
	obs({ indicator_id: 'trust', region_code: '03', value: 65.0 })
];

const engine = fixtureEngine(rows);

describe('regionProfile', () => {
	it('a county: its latest value against the nation, the spread of all counties in that period, its peers', async () => {
		const p = await regionProfile(engine, [lonely, trust], regions, '20');
		const [l, t] = p.rows;
		expect(l.estimate?.value).toBe(11.3);
		expect(l.benchmark?.value).toBe(10.0);
		expect([l.at95.outcome, l.at998.outcome]).toEqual(['worse', 'similar']);
		// Counties 8, 9, 11, 11.3 (2021–2024; not 13.0, not the municipality's 40):
		// q1 at position 0.75 → 8 + 0.75·1 = 8.75; q3 at 2.25 → 11 + 0.25·0.3 = 11.075.
		expect(l.spread).toEqual({ min: 8, q1: 8.75, q3: expect.closeTo(11.075, 10), max: 11.3 });
		expect(l.series.map((r) => r.value)).toEqual([14.0, 13.0, 11.3]);
		// trust: 60 lies outside 52–58 and above it → lower than the nation, higher is better → worse.
		expect(t.estimate?.value).toBe(55.0);
		expect(t.at95.outcome).toBe('worse');
		// Three counties are enough: 50, 55, 65 → q1 at 0.5 = 52.5, q3 at 1.5 = 60.
		expect(t.spread).toEqual({ min: 50, q1: 52.5, q3: 60, max: 65 });
		expect(p.sameArea).toEqual(neighbours('20'));
		expect(p.sameArea.length).toBeGreaterThan(0);
		expect(p.similar.length).toBeGreaterThan(0);
		expect(p.similar.some((c) => p.sameArea.includes(c) || c === '20')).toBe(false);
		// The rows it was built from: Dalarna's and the nation's, nobody else's.
		expect(p.observations.map((r) => `${r.indicator_id}:${r.region_code}:${r.period_start}`).sort()).toEqual(['lonely:00:2021', 'lonely:20:2013', 'lonely:20:2017', 'lonely:20:2021', 'trust:00:2021', 'trust:20:2021']);
	});

	it('the nation: no comparison with itself, no peers', async () => {
		const p = await regionProfile(engine, [lonely], regions, '00');
		expect(p.rows[0].estimate?.value).toBe(10.0);
		expect(p.rows[0].at95.outcome).toBe('not-compared');
		expect(p.rows[0].sentence['95'].sv).toBe('');
		expect(p.sameArea).toEqual([]);
		expect(p.similar).toEqual([]);
	});

	it('an unknown region is an error naming it', async () => {
		await expect(regionProfile(engine, [lonely], regions, '99')).rejects.toThrow('unknown region "99"');
	});

	it('spine rows: only indicators with a spread and a national value; higher-is-worse turned so better is right; the outcome at the level', async () => {
		const p = await regionProfile(engine, [lonely, trust], regions, '20');
		expect(spineRows(p.rows, 'sv')).toEqual([
			{ id: 'lonely', label: 'lonely kort', nation: 10.0, value: 11.3, min: 8, q1: 8.75, q3: expect.closeTo(11.075, 10), max: 11.3, orientation: -1, outcome: 'worse' },
			{ id: 'trust', label: 'trust kort', nation: 60.0, value: 55.0, min: 50, q1: 52.5, q3: 60, max: 65, orientation: 1, outcome: 'worse' }
		]);
		// Without a national value there is no spine row.
		expect(spineRows([{ ...p.rows[1], benchmark: null }], 'sv')).toEqual([]);
		expect(spineRows(p.rows, 'en', '99.8')[0]).toMatchObject({ label: 'lonely short', outcome: 'similar' });
		const better = { ...p.rows[0], indicator: { ...lonely, polarity: 'higher-is-better' as const }, estimate: null };
		expect(spineRows([better], 'sv')[0]).toMatchObject({ orientation: 1, value: null });
	});
});

describe('neighbouring views (prefetched on the indicator page)', () => {
	const o: ViewOptions = { groups: ['age', 'education', 'sex_age'], groupPeriods: { age: ['2023', '2024'], education: ['2022'] }, countyPeriods: ['2013-2016', '2017-2020', '2021-2024'], regions: ['00', '20'] };
	const v: IndicatorView = { sex: 'K', group: 'age', period: '2024', countyPeriod: '2017-2020', region: '20', level: '95' };

	it('nearest first: one step each way on every control, then the other sexes and groups, no repeats', () => {
		// +1: sex K→M, group age→education (lacks 2024 → its latest 2022), period 2024 is the last, county
		// window →2021–2024, region 20 is the last. −1: sex →T, group age is the first, period →2023, county
		// window →2013–2016, region →none (''). Then the other sexes (already there) and groups: sex_age (no periods → '').
		expect(neighbourViews(v, o)).toEqual([
			{ ...v, sex: 'M' },
			{ ...v, group: 'education', period: '2022' },
			{ ...v, countyPeriod: '2021-2024' },
			{ ...v, sex: 'T' },
			{ ...v, period: '2023' },
			{ ...v, countyPeriod: '2013-2016' },
			{ ...v, region: '' },
			{ ...v, group: 'sex_age', period: '' }
		]);
		const same = neighbourViews({ ...v, group: 'education', period: '2022' }, { ...o, groupPeriods: { age: ['2022', '2024'], education: ['2022'] } });
		expect(same.find((x) => x.group === 'age')?.period).toBe('2022');
	});

	it('at the ends of the county windows only one neighbour; an unknown window none; never more than MAX_NEIGHBOURS', () => {
		const windows = (cp: string) => neighbourViews({ ...v, countyPeriod: cp }, o).filter((x) => x.countyPeriod !== cp).map((x) => x.countyPeriod);
		expect(windows('2021-2024')).toEqual(['2017-2020']);
		expect(windows('2013-2016')).toEqual(['2017-2020']);
		expect(windows('1999')).toEqual([]);
		const many = { ...o, groups: Array.from({ length: 20 }, (_, i) => `g${i}`) };
		expect(neighbourViews(v, many)).toHaveLength(MAX_NEIGHBOURS);
		expect(MAX_NEIGHBOURS).toBe(16);
	});

	it('prefetch: one view at a time in idle time, stops when the user has moved on or a fetch fails', async () => {
		vi.useFakeTimers();
		try {
			const fetched: number[] = [];
			let current = true;
			prefetchInIdle([1, 2, 3, 4], async (x) => void fetched.push(x), () => current);
			expect(fetched).toEqual([]);
			await vi.advanceTimersByTimeAsync(50);
			expect(fetched).toEqual([1]);
			await vi.advanceTimersByTimeAsync(50);
			expect(fetched).toEqual([1, 2]);
			current = false;
			await vi.advanceTimersByTimeAsync(500);
			expect(fetched).toEqual([1, 2]);

			const tried: number[] = [];
			prefetchInIdle([1, 2], async (x) => {
				tried.push(x);
				throw new Error('offline');
			}, () => true);
			await vi.advanceTimersByTimeAsync(500);
			expect(tried).toEqual([1]);

			const all: number[] = [];
			prefetchInIdle([7, 8], async (x) => void all.push(x), () => true);
			await vi.advanceTimersByTimeAsync(500);
			expect(all).toEqual([7, 8]);
		} finally {
			vi.useRealTimers();
		}
	});
});
