import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../src/lib/data/queries';
import type { Observation } from '../../../src/lib/data/observation';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { defaultView, parseView, viewOptions, viewToParams } from '../../../src/lib/view/indicator-state';
import { profileRow, quantile } from '../../../src/lib/view/region-profile';
import { rollUpSentence } from '../../../src/lib/view/change-labels';
import type { ChangeResult } from '../../../src/lib/stats';

const av = (group_dim: string, start: number, end: number, has_regions = false): Availability => ({ group_dim, group_code: 'x', period_start: start, period_end: end, has_regions, rows: 1 });

describe('indicator view state', () => {
	const options = viewOptions(
		[av('total', 2021, 2024, true), av('total', 2017, 2020, true), av('total', 2024, 2024), av('age', 2022, 2022), av('age', 2024, 2024), av('education', 2024, 2024)],
		['00', '01', '21'],
		['education', 'age']
	);
	it('offers what the data has, in catalog order, latest period last', () => {
		expect(options.groups).toEqual(['education', 'age']);
		expect(options.groupPeriods.age).toEqual(['2022', '2024']);
		expect(options.countyPeriods).toEqual(['2017-2020', '2021-2024']);
		expect(defaultView(options)).toEqual({ sex: 'T', group: 'education', period: '2024', countyPeriod: '2021-2024', region: '', level: '95' });
	});
	it('reads valid parameters and reports stale ones, falling back to the default', () => {
		const { view, problems } = parseView(new URLSearchParams('kon=K&grupp=age&period=2022&lanperiod=1999-2000&region=99&niva=99.8'), options);
		expect(view).toEqual({ sex: 'K', group: 'age', period: '2022', countyPeriod: '2021-2024', region: '', level: '99.8' });
		expect(problems).toEqual([
			{ param: 'lanperiod', value: '1999-2000' },
			{ param: 'region', value: '99' }
		]);
	});
	it('a period that the new group lacks falls back to the group’s latest', () => {
		expect(parseView(new URLSearchParams('grupp=education&period=2022'), options).view.period).toBe('2024');
	});
	it('round-trips through the URL, writing only what differs from the default', () => {
		const view = { ...defaultView(options), sex: 'M' as const, region: '21' };
		const params = viewToParams(view, options);
		expect(params.toString()).toBe('kon=M&region=21');
		expect(parseView(params, options).view).toEqual(view);
	});
});

const obs = (region: string, start: number, end: number, value: number | null, lo: number | null, hi: number | null): Observation => ({
	indicator_id: 'no_confidant', region_code: region, period_start: start, period_end: end, sex: 'T', group_dim: 'total', group_code: 'total',
	value, ci_low: lo, ci_high: hi, n: 1000, status: value === null ? '..' : null, source_id: 'demo', is_demo: true
});
const indicator = { id: 'no_confidant', subgoal: 3, name: { sv: 'Andel som inte har någon att anförtro sig åt', en: 'Share with no one to confide in' }, short: { sv: 'x', en: 'x' }, unit: 'percent', polarity: 'higher-is-worse' } as IndicatorMeta;

describe('region profile', () => {
	it('compares the region’s pooled window with the nation’s same window, never with a single year', () => {
		// Nation: 2021–2024 window 12.9 (12.6–13.2) and the single year 2024 at 14.0.
		// Gävleborg 2021–2024: 15.2 (13.4–17.0). 12.9 lies outside 13.4–17.0 → worse (higher is worse).
		// Against the single year (14.0, inside the CI) it would have been "similar": alignment matters.
		const rows = [obs('00', 2021, 2024, 12.9, 12.6, 13.2), obs('00', 2024, 2024, 14.0, 13.8, 14.2), obs('21', 2021, 2024, 15.2, 13.4, 17.0)];
		const p = profileRow(indicator, '21', { sv: 'Gävleborgs län', en: 'Gävleborg County' }, rows, []);
		expect(p.benchmark?.value).toBe(12.9);
		expect(p.at95.outcome).toBe('worse');
		expect(p.sentence['95'].sv).toBe('Andelen som inte har någon att anförtro sig åt är högre i Gävleborgs län än i riket (15,2\u00a0% mot 12,9\u00a0%, 2021–2024); skillnaden är statistiskt säkerställd på 95\u00a0%-nivån.');
	});
	it('a suppressed estimate is not compared', () => {
		const p = profileRow(indicator, '09', { sv: 'Gotlands län', en: 'Gotland County' }, [obs('00', 2021, 2024, 12.9, 12.6, 13.2), obs('09', 2021, 2024, null, null, null)], []);
		expect(p.at95.outcome).toBe('not-compared');
		expect(p.at95.reason).toBe('suppressed');
	});
	it('spine spread uses linear-interpolated quartiles', () => {
		// sorted [1,2,3,4,5]: q1 at index 1 → 2; q3 at index 3 → 4; [1,2,3,4] q1 at 0.75 → 1.75.
		expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
	});
});

describe('roll-up sentence', () => {
	it('counts outcomes and never claims more', () => {
		const change = (outcome: ChangeResult['outcome']) => ({ outcome }) as ChangeResult;
		const tiles = (['improved', 'no-detectable-change', 'not-assessable', 'not-assessable'] as const).map((o, i) => ({ indicator: { id: `i${i}`, polarity: 'higher-is-worse' } as IndicatorMeta, change: change(o) }));
		const s = rollUpSentence(tiles.map((tile) => tile.change), 'sv');
		expect(s).toContain('Av 4 indikatorer har 1 förbättrats och 0 försämrats');
		expect(s).toContain('1 visar ingen statistiskt säkerställd förändring');
		// without reasons given, the sentence does not invent one
		expect(s).toContain('2 kan inte bedömas (2: skäl okänt)');
	});
});

describe('keepIfSame', async () => {
	const { keepIfSame } = await import('../../../src/lib/data/series');
	const a = [obs('00', 2024, 2024, 12.9, 12.6, 13.2)];
	it('keeps the previous array when the rows are equal, so the chart is not redrawn', () => {
		expect(keepIfSame(a, [{ ...a[0] }])).toBe(a);
	});
	it('takes the new rows when any value differs', () => {
		const b = [{ ...a[0], ci_high: 13.3 }];
		expect(keepIfSame(a, b)).toBe(b);
		expect(keepIfSame(a, [])).toEqual([]);
	});
});

describe('neighbourViews', async () => {
	const { neighbourViews } = await import('../../../src/lib/view/neighbours');
	const o = viewOptions([av('total', 2017, 2020, true), av('total', 2021, 2024, true), av('age', 2024, 2024), av('education', 2022, 2022)], ['00', '01'], ['age', 'education']);
	it('are the views one control change away, each valid for the data', () => {
		const v = defaultView(o); // age, 2024, county window 2021-2024, sex T
		const n = neighbourViews(v, o);
		expect(n).toContainEqual({ ...v, sex: 'K' });
		expect(n).toContainEqual({ ...v, sex: 'M' });
		// education has no 2024: its neighbour uses education's latest period
		expect(n).toContainEqual({ ...v, group: 'education', period: '2022' });
		expect(n).toContainEqual({ ...v, countyPeriod: '2017-2020' });
		// the county chooser's next option after "none"
		expect(n).toContainEqual({ ...v, region: '01' });
		expect(n).toHaveLength(5);
		for (const x of n) expect(parseView(viewToParams(x, o), o).problems).toEqual([]);
	});
	it('nearest first: the next and the previous option of every control, before the other sexes and groups', () => {
		const w = viewOptions(
			[av('total', 2013, 2016, true), av('total', 2017, 2020, true), av('total', 2021, 2024, true), av('age', 2020, 2020), av('age', 2022, 2022), av('age', 2024, 2024), av('sex', 2022, 2022), av('education', 2022, 2022)],
			['00', '01', '03', '04'],
			['age', 'sex', 'education']
		);
		const v = { ...defaultView(w), sex: 'K' as const, group: 'age', period: '2022', countyPeriod: '2017-2020', region: '03' };
		const n = neighbourViews(v, w);
		const ring1 = [
			{ ...v, sex: 'M' },
			{ ...v, group: 'sex' },
			{ ...v, period: '2024' },
			{ ...v, countyPeriod: '2021-2024' },
			{ ...v, region: '04' },
			{ ...v, sex: 'T' },
			{ ...v, period: '2020' },
			{ ...v, countyPeriod: '2013-2016' },
			{ ...v, region: '01' }
		];
		expect(n.slice(0, ring1.length)).toEqual(ring1);
		// then the group dimension two steps away (age has no previous one), never a repeat or the view itself
		expect(n.slice(ring1.length)).toEqual([{ ...v, group: 'education' }]);
	});
});
