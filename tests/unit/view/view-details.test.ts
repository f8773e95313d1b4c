/**
 * The view functions' details, one behaviour per test (written to kill the mutants `npm run
 * mutation` found surviving in src/lib/view: each expectation fails if that line is changed).
 */
import { describe, expect, it } from 'vitest';
import type { Availability, ObservationRow } from '../../../src/lib/data/queries';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { changeLabel, rollUpSentence, trendLabel } from '../../../src/lib/view/change-labels';
import { dataKindOf } from '../../../src/lib/view/data-kind';
import { ageFrom, groupGap, strategyPair } from '../../../src/lib/view/group-gap';
import { defaultView, parsePeriodKey, parseView, periodKey, viewOptions, viewToParams } from '../../../src/lib/view/indicator-state';
import { MAX_NEIGHBOURS, neighbourViews } from '../../../src/lib/view/neighbours';
import { compareWithNation, countyOutcomes, outcomeLabels, subjectName } from '../../../src/lib/view/outcomes';
import { neighbours, similarCounties, type CountyContext } from '../../../src/lib/view/peers';
import { profileRow } from '../../../src/lib/view/region-profile';

const row = (p: Partial<ObservationRow> & { region_code: string; period_start: number; value: number | null }): ObservationRow => ({
	indicator_id: 'no_confidant',
	period_end: p.period_start,
	sex: 'T',
	group_dim: 'total',
	group_code: 'total',
	ci_low: p.value === null ? null : p.value - 0.5,
	ci_high: p.value === null ? null : p.value + 0.5,
	n: 5000,
	status: p.value === null ? '..' : null,
	source_id: 'demo-no_confidant',
	is_demo: true,
	...p
});
const indicator = { id: 'no_confidant', subgoal: 3, name: { sv: 'Andel som inte har någon att anförtro sig åt', en: 'Share with no one to confide in' }, short: { sv: 'x', en: 'x' }, unit: 'percent', polarity: 'higher-is-worse' } as IndicatorMeta;

describe('change and trend labels', () => {
	it('not assessable without a reason: the plain label', () => {
		expect(changeLabel('not-assessable', 'sv')).toBe('Förändringen kan inte bedömas');
		expect(changeLabel({ outcome: 'not-assessable' }, 'en')).toBe('Change cannot be assessed');
		// a reason on an assessed outcome is ignored
		expect(changeLabel({ outcome: 'improved', reason: 'series-break' }, 'sv')).toBe('Förbättrat sedan baslinjen');
		expect(changeLabel({ outcome: 'increased' }, 'en')).toBe('Increased since baseline');
	});
	it('every reason has its label', () => {
		expect(changeLabel({ outcome: 'not-assessable', reason: 'no-later-value' }, 'sv')).toBe('Inget nytt värde efter baslinjen än');
		expect(changeLabel({ outcome: 'not-assessable', reason: 'no-baseline' }, 'en')).toBe('Cannot be assessed (no value before 2025)');
		expect(changeLabel({ outcome: 'not-assessable', reason: 'no-ci' }, 'sv')).toBe('Kan inte bedömas (varken konfidensintervall eller antal svarande)');
	});
	it('roll-up, English, with changes without a judgement and reasons', () => {
		expect(
			rollUpSentence(
				[{ outcome: 'increased' }, { outcome: 'decreased' }, { outcome: 'no-detectable-change' }, { outcome: 'no-detectable-change' }, { outcome: 'not-assessable', reason: 'no-later-value' }, 'not-assessable'],
				'en'
			)
		).toBe(
			'Of 6 indicators, 0 have improved and 0 have worsened significantly since the baseline (latest value before 2025); 2 show no significant change, 2 have changed significantly without a judgement and 2 cannot be assessed (1: no new value after 2024; 1: reason unknown).'
		);
	});
	it('roll-up, Swedish, with a change without a judgement', () => {
		expect(rollUpSentence([{ outcome: 'increased' }, { outcome: 'worsened' }, { outcome: 'not-assessable', reason: 'no-later-value' }, { outcome: 'not-assessable', reason: 'no-later-value' }], 'sv')).toBe(
			'Av 4 indikatorer har 0 förbättrats och 1 försämrats statistiskt säkerställt sedan baslinjen (senaste värde före 2025); 0 visar ingen statistiskt säkerställd förändring, 1 har förändrats statistiskt säkerställt utan värdering och 2 kan inte bedömas (2: inget nytt värde efter 2024).'
		);
		expect(rollUpSentence(['no-detectable-change'], 'sv')).toBe(
			'Av 1 indikatorer har 0 förbättrats och 0 försämrats statistiskt säkerställt sedan baslinjen (senaste värde före 2025); 1 visar ingen statistiskt säkerställd förändring.'
		);
		expect(rollUpSentence(['no-detectable-change'], 'en')).toContain('; 1 shows no significant change.');
	});
	it('trend labels: register data, with and without a direction', () => {
		expect(trendLabel({ label: 'no-significant-trend', method: 'register-sign' }, 'sv')).toBe('Ingen entydig trend (registeruppgift)');
		expect(trendLabel({ label: 'no-significant-trend', method: 'register-sign' }, 'en')).toBe('No consistent trend (register data)');
		expect(trendLabel({ label: 'increasing', method: 'register-sign' }, 'en')).toBe('Increasing (register data)');
		expect(trendLabel({ label: 'decreasing', method: 'wls-chi2' }, 'sv')).toBe('Minskar');
		expect(trendLabel({ label: 'not-assessable', reason: 'series-break' }, 'en')).toBe('Cannot be assessed (fewer than five yearly values after the series break)');
	});
});

describe('data kind', () => {
	it('survey unless the catalog says register; percent or number', () => {
		expect(dataKindOf({ unit: 'percent' })).toEqual({ sampling: 'survey', unit: 'percent' });
		expect(dataKindOf({ unit: 'count', sampling: 'register' })).toEqual({ sampling: 'register', unit: 'number' });
		expect(dataKindOf({ unit: 'percent', sampling: 'survey' }).sampling).toBe('survey');
	});
});

describe('group gap details', () => {
	const g = (code: string, value: number | null, dim = 'disability'): ObservationRow => row({ region_code: '00', period_start: 2024, value, group_dim: dim, group_code: code });
	it('the total and suppressed groups are not candidates; fewer than two groups → none', () => {
		expect(groupGap([g('disabled', 20), g('total', 12, 'total')], 0.95)).toBeNull();
		expect(groupGap([g('disabled', 20), g('not_disabled', null)], 0.95)).toBeNull();
		expect(groupGap([], 0.95)).toBeNull();
		const r = groupGap([g('total', 30, 'total'), g('disabled', 20), g('not_disabled', 10)], 0.95)!;
		expect([r.a.group_code, r.b.group_code]).toEqual(['disabled', 'not_disabled']);
	});
	it('a named pair with one group missing falls back to highest vs lowest', () => {
		expect(strategyPair('disability', ['disabled'])).toBeNull();
		expect(strategyPair('household', ['not_living_alone', 'living_alone'])).toEqual(['living_alone', 'not_living_alone']);
		expect(strategyPair('age', ['16-29'])).toBeNull();
		expect(strategyPair('age', ['x', 'y'])).toBeNull();
		expect(ageFrom('x16')).toBeNaN();
		expect(ageFrom('65+')).toBe(65);
		const r = groupGap([g('a', 5, 'other'), g('b', 25, 'other'), g('c', 15, 'other')], 0.95)!;
		expect(r.basis).toBe('highest-lowest-adjusted');
		expect([r.a.group_code, r.b.group_code]).toEqual(['b', 'a']);
		expect(r.result.comparisons).toBe(3);
	});
	it('the data kind reaches the test (register: no CI needed)', () => {
		const rows = [g('disabled', 20), g('not_disabled', 10)].map((r) => ({ ...r, ci_low: null, ci_high: null, n: null }));
		expect(groupGap(rows, 0.95)!.result.outcome).toBe('not-assessable');
	});
});

describe('indicator view state details', () => {
	const av = (group_dim: string, start: number, end: number, has_regions = false): Availability => ({ group_dim, group_code: 'x', period_start: start, period_end: end, has_regions, rows: 1 });
	const o = viewOptions([av('total', 2021, 2024, true), av('total', 2020, 2023, true), av('total', 2021, 2023, true), av('age', 2024, 2024), av('age', 2024, 2024), av('x', 2020, 2020)], ['00', '01', '21'], ['age']);
	it('orders windows by end, then start; dedupes periods; unknown groups last', () => {
		expect(o.countyPeriods).toEqual(['2020-2023', '2021-2023', '2021-2024']);
		expect(o.groupPeriods.age).toEqual(['2024']);
		expect(o.groups).toEqual(['age', 'x']);
	});
	it('no groups: the total; no periods: empty', () => {
		const empty = viewOptions([], ['00'], []);
		expect(defaultView(empty)).toEqual({ sex: 'T', group: 'total', period: '', countyPeriod: '', region: '', level: '95' });
		expect(parseView(new URLSearchParams('period=2024'), empty).view.period).toBe('');
		expect(parseView(new URLSearchParams('period=2024'), empty).problems).toEqual([{ param: 'period', value: '2024' }]);
	});
	it('rejects what is not offered, accepts what is', () => {
		const p = (q: string) => parseView(new URLSearchParams(q), o);
		expect(p('kon=X').problems).toEqual([{ param: 'kon', value: 'X' }]);
		expect(p('kon=T').view.sex).toBe('T');
		expect(p('kon=M').view.sex).toBe('M');
		expect(p('niva=90').problems).toEqual([{ param: 'niva', value: '90' }]);
		expect(p('niva=95').view.level).toBe('95');
		expect(p('region=00').problems).toEqual([{ param: 'region', value: '00' }]);
		expect(p('region=01').view.region).toBe('01');
		expect(p('kon=').problems).toEqual([]);
		expect(p('grupp=x&period=2020').view).toMatchObject({ group: 'x', period: '2020' });
	});
	it('period keys', () => {
		expect(periodKey(2024, 2024)).toBe('2024');
		expect(periodKey(2021, 2024)).toBe('2021-2024');
		expect(parsePeriodKey('2021-2024')).toEqual({ start: 2021, end: 2024 });
		expect(parsePeriodKey('2024')).toEqual({ start: 2024, end: 2024 });
	});
	it('only non-default, non-empty values go into the URL', () => {
		const v = { ...defaultView(o), level: '99.8' as const, region: '' };
		expect(viewToParams(v, o).toString()).toBe('niva=99.8');
	});
});

describe('neighbour views at the edges', () => {
	const av = (start: number, end: number): Availability => ({ group_dim: 'total', group_code: 'total', period_start: start, period_end: end, has_regions: true, rows: 1 });
	const o = viewOptions([av(2013, 2016), av(2017, 2020), av(2021, 2024)], ['00'], []);
	it('the first and the last window have one neighbour window each; a window not offered has none', () => {
		const v = defaultView(o);
		expect(neighbourViews({ ...v, countyPeriod: '2013-2016' }, o).filter((x) => x.countyPeriod !== '2013-2016').map((x) => x.countyPeriod)).toEqual(['2017-2020']);
		expect(neighbourViews({ ...v, countyPeriod: '2021-2024' }, o).filter((x) => x.countyPeriod !== '2021-2024').map((x) => x.countyPeriod)).toEqual(['2017-2020']);
		expect(neighbourViews({ ...v, countyPeriod: '1999-2002' }, o).every((x) => x.countyPeriod === '1999-2002')).toBe(true);
		expect(neighbourViews({ ...v, countyPeriod: '2017-2020' }, o).filter((x) => x.countyPeriod !== '2017-2020')).toHaveLength(2);
	});
	it(`at most ${MAX_NEIGHBOURS}`, () => {
		const many = viewOptions(
			Array.from({ length: 20 }, (_, i): Availability => ({ group_dim: `g${i}`, group_code: 'x', period_start: 2024, period_end: 2024, has_regions: false, rows: 1 })),
			['00'],
			[]
		);
		expect(MAX_NEIGHBOURS).toBe(16);
		expect(neighbourViews(defaultView(many), many)).toHaveLength(16);
	});
});

describe('outcomes', () => {
	it('labels in both languages', () => {
		expect(outcomeLabels('sv')).toEqual({ better: 'Bättre än riket', similar: 'Ingen statistiskt säkerställd skillnad', worse: 'Sämre än riket', higher: 'Högre än riket', lower: 'Lägre än riket', 'not-compared': 'Ej jämförd' });
		expect(outcomeLabels('en')).toEqual({ better: 'Better than Sweden', similar: 'No significant difference', worse: 'Worse than Sweden', higher: 'Higher than Sweden', lower: 'Lower than Sweden', 'not-compared': 'Not compared' });
	});
	it('subject names: only a leading "Andel " / "Share "', () => {
		expect(subjectName({ sv: 'Andel som saknar en vän', en: 'Share without a friend' })).toEqual({ sv: 'Andelen som saknar en vän', en: 'The share without a friend' });
		expect(subjectName({ sv: 'Ensamhet, andel ', en: 'Loneliness, Share ' })).toEqual({ sv: 'Ensamhet, andel ', en: 'Loneliness, Share ' });
	});
	it('compared with the nation row, whichever position it has; without it, nothing is compared', () => {
		const nation = row({ region_code: '00', period_start: 2024, value: 10 });
		const county = row({ region_code: '21', period_start: 2024, value: 20 });
		expect(countyOutcomes([county, nation], 'higher-is-worse', 0.95)).toEqual({ '21': 'worse' });
		expect(countyOutcomes([county], 'higher-is-worse', 0.95)).toEqual({ '21': 'not-compared' });
		expect(compareWithNation(county, nation, 'higher-is-better', 0.998).outcome).toBe('better');
		expect(compareWithNation(county, nation, 'no-judgement', 0.95, { sampling: 'register' }).method).toBe('register-direct');
	});
});

describe('peers details', () => {
	const ctx: Record<string, CountyContext> = {
		A: { population_k: 100, land_km2: 1000, neighbours: ['C', 'B'] },
		B: { population_k: 200, land_km2: 1000, neighbours: ['A'] },
		C: { population_k: 100, land_km2: 100, neighbours: ['A'] },
		D: { population_k: 1000, land_km2: 100, neighbours: [] }
	};
	it('neighbours sorted; unknown county → none', () => {
		expect(neighbours('A', ctx)).toEqual(['B', 'C']);
		expect(neighbours('Z', ctx)).toEqual([]);
		expect(similarCounties('Z', { context: ctx })).toEqual([]);
	});
	it('distance on standardised log population and log density', () => {
		// log pop: A 4.605, B 5.298, C 4.605, D 6.908 → sample SD 1.094
		// log density: A −2.303, B −1.609, C 0, D 2.303 → sample SD 1.964
		// from A: B = √((0.693/1.094)² + (0.693/1.964)²) = 0.725; C = 2.303/1.964 = 1.172; D = √(2.105² + 2.345²) = 3.151
		expect(similarCounties('A', { context: ctx, count: 3 })).toEqual(['B', 'C', 'D']);
		expect(similarCounties('A', { context: ctx, count: 1, exclude: ['B'] })).toEqual(['C']);
		// from C: A = 1.172; B = √((0.693/1.094)² + (1.609/1.964)²) = 1.036; D = √(2.105² + 1.172²) = 2.409
		expect(similarCounties('C', { context: ctx, count: 3 })).toEqual(['B', 'A', 'D']);
		expect(similarCounties('A', { context: ctx })).toHaveLength(3);
	});
});

describe('region profile details', () => {
	it('the spread of all counties: the nation and missing values left out', () => {
		const counties = [row({ region_code: '00', period_start: 2024, value: 100 }), row({ region_code: '09', period_start: 2024, value: null }), ...[5, 1, 3, 2, 4].map((v, i) => row({ region_code: `1${i}`, period_start: 2024, value: v }))];
		const p = profileRow(indicator, '10', { sv: 'X', en: 'X' }, [row({ region_code: '10', period_start: 2024, value: 5 })], counties);
		expect(p.spread).toEqual({ min: 1, q1: 2, q3: 4, max: 5 });
		expect(profileRow(indicator, '10', { sv: 'X', en: 'X' }, [], counties.slice(0, 4)).spread).toBeNull();
	});
	it('no estimate: nothing compared, no sentence', () => {
		const p = profileRow(indicator, '10', { sv: 'X', en: 'X' }, [row({ region_code: '00', period_start: 2024, value: 5 })], []);
		expect(p.estimate).toBeNull();
		expect(p.at95).toMatchObject({ outcome: 'not-compared', reason: 'missing-value' });
		expect(p.sentence['95'].sv).toBe('');
	});
	it('the nation itself: not compared with itself, no sentence', () => {
		const p = profileRow(indicator, '00', { sv: 'Riket', en: 'Sweden' }, [row({ region_code: '00', period_start: 2024, value: 5 })], []);
		expect(p.estimate?.value).toBe(5);
		expect(p.at95).toMatchObject({ outcome: 'not-compared', reason: 'no-benchmark' });
		expect(p.sentence['99.8'].en).toBe('');
	});
	it('no nation window like the region’s: not compared, the periods named', () => {
		const rows = [row({ region_code: '00', period_start: 2024, value: 5 }), row({ region_code: '21', period_start: 2021, period_end: 2024, value: 9 })];
		const p = profileRow(indicator, '21', { sv: 'Gävleborgs län', en: 'Gävleborg County' }, rows, []);
		expect(p.benchmark).toBeNull();
		expect(p.at95.reason).toBe('periods-not-aligned');
		expect(p.sentence['95'].en).toContain('the periods differ (2021–2024 vs 2024)');
	});
	it('other indicators’ rows are ignored; the latest row with a value or a status is the estimate', () => {
		const rows = [
			row({ region_code: '21', period_start: 2022, value: 9 }),
			row({ region_code: '21', period_start: 2023, value: null, status: '..' }),
			row({ region_code: '21', period_start: 2024, value: null, status: null }),
			row({ indicator_id: 'other', region_code: '21', period_start: 2025, value: 3 }),
			row({ indicator_id: 'other', region_code: '00', period_start: 2023, value: 3 })
		];
		const p = profileRow(indicator, '21', { sv: 'X', en: 'X' }, rows, []);
		expect(p.estimate?.period_start).toBe(2023);
		expect(p.series).toHaveLength(3);
		expect(p.at95.reason).toBe('suppressed');
	});
	it('series breaks reach change and trend', () => {
		const rows = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => row({ region_code: '21', period_start: y, value: 10 + y - 2018 }));
		rows.push(row({ region_code: '21', period_start: 2026, value: 30 }));
		const p = profileRow({ ...indicator, series_breaks: [{ year: 2025 }] }, '21', { sv: 'X', en: 'X' }, rows, []);
		expect(p.change.reason).toBe('series-break');
		expect(p.trend.reason).toBe('series-break');
		const q = profileRow({ ...indicator, series_breaks: [{ year: 2021 }] }, '21', { sv: 'X', en: 'X' }, rows, []);
		expect(q.change.outcome).toBe('worsened');
		expect(q.trend.years).toEqual([2021, 2022, 2023, 2024, 2026]);
	});
});
