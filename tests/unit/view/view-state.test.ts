/**
 * The indicator page's view state (view/indicator-state.ts), computed inside each test: the older
 * view.test.ts builds its options while the file is collected, where Stryker has no mutant active,
 * so 31 mutants in viewOptions/parseView survived there (issue 19 item 5). Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../src/lib/data/queries';
import { defaultView, parseView, viewOptions, viewToParams, type ViewOptions } from '../../../src/lib/view/indicator-state';

const av = (group_dim: string, start: number, end: number, has_regions = false): Availability => ({ group_dim, group_code: 'x', period_start: start, period_end: end, has_regions, rows: 1 });
const options = (): ViewOptions =>
	viewOptions(
		[
			av('total', 2021, 2024, true),
			av('total', 2017, 2020, true),
			av('total', 2024, 2024),
			av('age', 2024, 2024),
			av('age', 2022, 2022),
			av('age', 2022, 2022, true),
			av('age', 2021, 2024, true),
			av('disability', 2020, 2020),
			av('education', 2024, 2024)
		],
		['00', '01', '21'],
		['education', 'age']
	);

describe('viewOptions', () => {
	it('groups in catalog order, unknown ones after; each group’s periods once, by end then start', () => {
		const o = options();
		expect(o.groups).toEqual(['education', 'age', 'disability']);
		// 2021–2024 and 2024 both end in 2024: the earlier start first.
		expect(o.groupPeriods).toEqual({ age: ['2022', '2021-2024', '2024'], disability: ['2020'], education: ['2024'] });
	});
	it('county periods: only the totals that have regions, oldest first; regions as given', () => {
		const o = options();
		expect(o.countyPeriods).toEqual(['2017-2020', '2021-2024']);
		expect(o.regions).toEqual(['00', '01', '21']);
	});
	it('no group data: the total, no period', () => {
		const o = viewOptions([av('total', 2024, 2024, true)], ['00'], []);
		expect(defaultView(o)).toEqual({ sex: 'T', group: 'total', period: '', countyPeriod: '2024', region: '', level: '95' });
		expect(defaultView(viewOptions([], [], []))).toEqual({ sex: 'T', group: 'total', period: '', countyPeriod: '', region: '', level: '95' });
	});
});

describe('parseView', () => {
	it('every sex and level the page offers is read', () => {
		const o = options();
		for (const sex of ['T', 'K', 'M'] as const) expect(parseView(new URLSearchParams(`kon=${sex}`), o).view.sex).toBe(sex);
		for (const level of ['95', '99.8'] as const) expect(parseView(new URLSearchParams(`niva=${level}`), o).view.level).toBe(level);
	});
	it('unknown values are reported and replaced by the default; empty ones are ignored', () => {
		const { view, problems } = parseView(new URLSearchParams('kon=X&niva=90&grupp=&period=1990&region=00'), options());
		expect(view).toEqual(defaultView(options()));
		// In the order the page reads them: sex, group, period, county period, region, level.
		expect(problems).toEqual([
			{ param: 'kon', value: 'X' },
			{ param: 'period', value: '1990' },
			{ param: 'region', value: '00' },
			{ param: 'niva', value: '90' }
		]);
	});
	it('a group’s own periods: age 2021–2024 is valid for age, not for education', () => {
		expect(parseView(new URLSearchParams('grupp=age&period=2021-2024'), options()).view).toMatchObject({ group: 'age', period: '2021-2024' });
		expect(parseView(new URLSearchParams('grupp=education&period=2021-2024'), options()).problems).toEqual([{ param: 'period', value: '2021-2024' }]);
		expect(parseView(new URLSearchParams('grupp=nosuch&period=2024'), options()).view).toMatchObject({ group: 'education', period: '2024' });
	});
});

describe('viewToParams', () => {
	it('only what differs from the default, never an empty value', () => {
		const o = options();
		expect(viewToParams(defaultView(o), o).toString()).toBe('');
		expect(viewToParams({ ...defaultView(o), group: 'disability', period: '2020', level: '99.8' }, o).toString()).toBe('grupp=disability&period=2020&niva=99.8');
		expect(viewToParams({ ...defaultView(o), period: '' }, o).toString()).toBe('');
	});
});
