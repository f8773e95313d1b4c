/** #20 item 8: period controls that never mix single years and pooled windows in one list. */
import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../src/lib/data/queries';
import { defaultView, onePeriodServes, periodOptionGroups, sameView, viewOptions } from '../../../src/lib/view/indicator-state';
import { messages } from '../../../src/lib/i18n/messages';

const av = (group_dim: string, start: number, end: number, has_regions = false): Availability => ({ group_dim, group_code: 'x', period_start: start, period_end: end, has_regions, rows: 1 });

describe('periodOptionGroups', () => {
	it('splits single years from four-year windows, shortest first, order kept within a group', () => {
		expect(periodOptionGroups(['2014', '2017-2020', '2018', '2021-2024', '2021'])).toEqual([
			{ years: 1, keys: ['2014', '2018', '2021'] },
			{ years: 4, keys: ['2017-2020', '2021-2024'] }
		]);
	});
	it('keeps two-year windows apart from four-year windows', () => {
		expect(periodOptionGroups(['2008-2009', '2004-2007', '2022-2023']).map((g) => [g.years, g.keys.length])).toEqual([
			[2, 2],
			[4, 1]
		]);
	});
	it('an empty list has no groups', () => {
		expect(periodOptionGroups([])).toEqual([]);
	});
	it('names the groups as the control shows them', () => {
		expect([1, 2, 4, 6].map(messages.sv.indicatorPage.periodKind)).toEqual(['Enskilda år', 'Tvåårsperioder', 'Fyraårsperioder', 'Perioder om 6 år']);
		expect([1, 4, 6].map(messages.en.indicatorPage.periodKind)).toEqual(['Single years', 'Four-year periods', '6-year periods']);
	});
});

describe('onePeriodServes', () => {
	it('one control when the groups and the counties have the very same periods', () => {
		const o = viewOptions([av('total', 2022, 2022, true), av('total', 2024, 2024, true), av('sex', 2022, 2022), av('sex', 2024, 2024)], ['00', '01'], ['sex']);
		expect(onePeriodServes(o, 'sex')).toBe(true);
	});
	it('two controls when the counties have windows and the groups single years', () => {
		const o = viewOptions([av('total', 2021, 2024, true), av('age', 2024, 2024), av('age', 2021, 2024)], ['00', '01'], ['age']);
		expect(o.countyPeriods).toEqual(['2021-2024']);
		expect(onePeriodServes(o, 'age')).toBe(false);
	});
	it('two controls when a group has no periods at all', () => {
		const o = viewOptions([av('total', 2024, 2024, true)], ['00', '01'], ['age']);
		expect(onePeriodServes(o, 'age')).toBe(false);
	});
});

describe('sameView', () => {
	const o = viewOptions([av('total', 2024, 2024, true), av('age', 2024, 2024)], ['00', '01', '21'], ['age']);
	it('differs in any one field', () => {
		const d = defaultView(o);
		expect(sameView(d, { ...d })).toBe(true);
		for (const patch of [{ sex: 'K' as const }, { region: '21' }, { level: '99.8' as const }, { period: '2020' }, { countyPeriod: '2020' }, { group: 'sex' }]) expect(sameView(d, { ...d, ...patch })).toBe(false);
	});
});
