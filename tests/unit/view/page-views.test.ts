/**
 * View modules that had no unit test (found by mutation testing, issue 19 item 5: every mutant in
 * them was "no coverage"): the About page's coverage table, the empty-chart sentences, the
 * municipality profile, "Mitt län" in local storage, and the overview's national series. Expected
 * values are written out by hand from the inputs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import type { Observation } from '../../../src/lib/data/observation';
import { coverageCells, coverageHeaders, coverageMarkdown, periodsText, type CoverageRow } from '../../../src/lib/view/coverage';
import { drawable, emptyReason } from '../../../src/lib/view/empty-reason';
import { MUNICIPAL_CAUTION, municipalityProfile } from '../../../src/lib/view/municipality';
import { forgetCounty, rememberCounty, rememberedCounty } from '../../../src/lib/view/my-county';
import { nationalSeries } from '../../../src/lib/view/national-series';
import { fixtureEngine } from '../../helpers/obs-fixture';

const obs = (p: Partial<Observation> & Pick<Observation, 'indicator_id' | 'region_code' | 'period_start' | 'value'>): Observation => ({
	period_end: p.period_start,
	sex: 'T',
	group_dim: 'total',
	group_code: 'total',
	ci_low: null,
	ci_high: null,
	n: null,
	status: null,
	source_id: 'src',
	is_demo: false,
	...p
});
const meta = (p: Partial<IndicatorMeta> & { id: string }) => ({ unit: 'percent', polarity: 'higher-is-worse', name: { sv: 'Andel som x', en: 'Share who x' }, short: { sv: 'x', en: 'x' }, ...p }) as IndicatorMeta;

describe('coverage table (About page and README)', () => {
	const rows: CoverageRow[] = [
		{ indicator_id: 'transit_access', level: 'municipality', breakdown: 'total', real_cells: 2902, example_cells: 0, missing_cells: 3, real_periods: ['2014', '2015', '2016', '2017'], example_periods: [] },
		{ indicator_id: 'trust_others', level: 'county', breakdown: 'country_of_birth', real_cells: 32, example_cells: 5, missing_cells: 0, real_periods: ['2014', '2018-2021'], example_periods: ['2004-2007', '2008-2011', '2012-2015'] },
		{ indicator_id: 'odd|id', level: 'nation', breakdown: 'new_dim', real_cells: 1, example_cells: 0, missing_cells: 0, real_periods: ['2024'], example_periods: [] }
	];
	const names = { transit_access: 'Nära kollektivtrafik', trust_others: 'Tillit till andra' };

	it('periods: none, up to three listed (windows with an en dash), more as first … last (count)', () => {
		expect(periodsText([])).toBe('–');
		expect(periodsText(['2021-2024'])).toBe('2021–2024');
		expect(periodsText(['2014', '2018', '2021'])).toBe('2014, 2018, 2021');
		expect(periodsText(['2014', '2015', '2016', '2017'])).toBe('2014 … 2017 (4)');
	});

	it('cells in Swedish: names, levels and breakdowns translated; unknown ids shown as they are', () => {
		expect(coverageHeaders('sv')).toEqual(['Indikator', 'Nivå', 'Redovisning', 'Verkliga celler', 'Verkliga perioder', 'Exempelceller', 'Exempelperioder']);
		expect(coverageCells(rows, names, 'sv')).toEqual([
			['Nära kollektivtrafik', 'Kommuner', 'Totalt', '2902', '2014 … 2017 (4)', '0', '–'],
			['Tillit till andra', 'Län', 'Födelseland', '32', '2014, 2018–2021', '5', '2004–2007, 2008–2011, 2012–2015'],
			['odd|id', 'Riket', 'new_dim', '1', '2024', '0', '–']
		]);
	});

	it('cells in English', () => {
		expect(coverageHeaders('en')).toEqual(['Indicator', 'Level', 'Breakdown', 'Real cells', 'Real periods', 'Example cells', 'Example periods']);
		expect(coverageCells(rows.slice(1), {}, 'en')[0].slice(0, 3)).toEqual(['trust_others', 'Counties', 'Country of birth']);
		expect(coverageCells([{ ...rows[0], level: 'nation' }], {}, 'en')[0][1]).toBe('Sweden');
		expect(coverageCells(rows, {}, 'en')[0][1]).toBe('Municipalities');
	});

	it('Markdown: header, counts right-aligned, pipes in text escaped, one line per row', () => {
		expect(coverageMarkdown(rows, names, 'en')).toBe(
			[
				'| Indicator | Level | Breakdown | Real cells | Real periods | Example cells | Example periods |',
				'|---|---|---|---:|---|---:|---|',
				'| Nära kollektivtrafik | Municipalities | Total | 2902 | 2014 … 2017 (4) | 0 | – |',
				'| Tillit till andra | Counties | Country of birth | 32 | 2014, 2018–2021 | 5 | 2004–2007, 2008–2011, 2012–2015 |',
				'| odd\\|id | Sweden | new_dim | 1 | 2024 | 0 | – |'
			].join('\n') + '\n'
		);
	});
});

describe('empty charts say why', () => {
	const national = meta({ id: 'a', breakdowns: ['sex'], geography: ['nation'] } as never);
	const full = meta({ id: 'b', breakdowns: ['sex', 'age'], geography: ['nation', 'county'] } as never);
	const total = obs({ indicator_id: 'b', region_code: '00', period_start: 2024, value: 10 });
	const group = obs({ indicator_id: 'b', region_code: '00', period_start: 2024, group_dim: 'age', group_code: '16-29', value: 12 });
	const county = obs({ indicator_id: 'b', region_code: '20', period_start: 2024, value: 11 });
	const suppressed = { ...county, value: null, status: '..' };

	it('drawable: groups need a group value, regions a value below the nation, the trend any value', () => {
		expect(drawable('groups', [total])).toBe(false);
		expect(drawable('groups', [total, { ...group, value: null }])).toBe(false);
		expect(drawable('groups', [group])).toBe(true);
		expect(drawable('regions', [total])).toBe(false);
		expect(drawable('regions', [suppressed])).toBe(false);
		expect(drawable('regions', [county])).toBe(true);
		expect(drawable('trend', [suppressed])).toBe(false);
		expect(drawable('trend', [total])).toBe(true);
		expect(drawable('municipalities', [])).toBe(false);
	});

	it('a chart with marks has no reason', () => {
		expect(emptyReason('groups', full, [group], 'sv')).toBe('');
		expect(emptyReason('trend', full, [total], 'en')).toBe('');
	});

	it('groups: not published by group at all, or none for this choice', () => {
		expect(emptyReason('groups', national, [], 'sv')).toBe('Källan redovisar inte den här indikatorn efter grupp, bara för hela befolkningen.');
		expect(emptyReason('groups', national, [], 'en')).toBe('The source does not publish this indicator by group, only for the whole population.');
		expect(emptyReason('groups', full, [total], 'sv')).toBe('Källan redovisar inga gruppvärden för det här valet av kön och period.');
		expect(emptyReason('groups', full, [total], 'en')).toBe('The source publishes no group values for this choice of sex and period.');
		// No breakdowns listed in the catalog at all: the same "not by group" sentence.
		expect(emptyReason('groups', meta({ id: 'c' }), [], 'en')).toBe('The source does not publish this indicator by group, only for the whole population.');
	});

	it('regions: the nation only, or no county values for this period', () => {
		expect(emptyReason('regions', national, [total], 'sv')).toBe('Källan redovisar den här indikatorn bara för riket, inte för län.');
		expect(emptyReason('regions', national, [total], 'en')).toBe('The source publishes this indicator for Sweden only, not for counties.');
		expect(emptyReason('regions', meta({ id: 'c' }), [], 'en')).toBe('The source publishes this indicator for Sweden only, not for counties.');
		expect(emptyReason('regions', full, [total, suppressed], 'sv')).toBe('Källan redovisar inga länsvärden för den här perioden.');
		expect(emptyReason('regions', full, [], 'en')).toBe('The source publishes no county values for this period.');
	});

	it('municipalities and the trend, with and without a place', () => {
		expect(emptyReason('municipalities', full, [], 'sv')).toBe('Det finns inga kommunvärden för den här indikatorn.');
		expect(emptyReason('municipalities', full, [], 'en')).toBe('There are no municipal values for this indicator.');
		expect(emptyReason('trend', full, [suppressed], 'sv', 'Dalarnas län')).toBe('Källan redovisar inga värden för Dalarnas län för det här valet.');
		expect(emptyReason('trend', full, [], 'en', 'Dalarna County')).toBe('The source publishes no values for Dalarna County for this choice.');
		expect(emptyReason('trend', full, [], 'sv')).toBe('Källan redovisar inga värden för det här valet.');
		expect(emptyReason('trend', full, [], 'en')).toBe('The source publishes no values for this choice.');
		// For an indicator published for the nation only, these charts keep their own sentences.
		expect(emptyReason('municipalities', national, [], 'en')).toBe('There are no municipal values for this indicator.');
		expect(emptyReason('trend', national, [], 'en')).toBe('The source publishes no values for this choice.');
	});
});

describe('municipality profile', () => {
	const survey = meta({ id: 'lonely', suppression: null } as never);
	const register = meta({ id: 'transit', unit: 'percent', polarity: 'higher-is-better', sampling: 'register', suppression: null } as never);
	const empty = meta({ id: 'none' });
	const suppressedOnly = meta({ id: 'supp', suppression: { min_n: 100 } } as never);
	const rows: Observation[] = [
		// lonely: Falun's windows (wide CIs), Dalarna's windows and one single year, the nation.
		obs({ indicator_id: 'lonely', region_code: '2080', period_start: 2017, period_end: 2020, value: 18, ci_low: 14, ci_high: 22 }),
		obs({ indicator_id: 'lonely', region_code: '2080', period_start: 2021, period_end: 2024, value: 20, ci_low: 15, ci_high: 25 }),
		obs({ indicator_id: 'lonely', region_code: '20', period_start: 2017, period_end: 2020, value: 13.5, ci_low: 13, ci_high: 14 }),
		obs({ indicator_id: 'lonely', region_code: '20', period_start: 2021, period_end: 2024, value: 14, ci_low: 13, ci_high: 15 }),
		obs({ indicator_id: 'lonely', region_code: '20', period_start: 2023, value: 14.2, ci_low: 13, ci_high: 15.4 }),
		obs({ indicator_id: 'lonely', region_code: '00', period_start: 2021, period_end: 2024, value: 16, ci_low: 15.8, ci_high: 16.2 }),
		// transit: register data, single years, no CI.
		obs({ indicator_id: 'transit', region_code: '2080', period_start: 2023, value: 80 }),
		obs({ indicator_id: 'transit', region_code: '2080', period_start: 2024, value: 81 }),
		obs({ indicator_id: 'transit', region_code: '20', period_start: 2024, value: 75 }),
		obs({ indicator_id: 'transit', region_code: '20', period_start: 2021, period_end: 2024, value: 74 }),
		obs({ indicator_id: 'transit', region_code: '00', period_start: 2024, value: 81 }),
		// none: only a suppressed municipal cell; supp: a value without a CI under a suppression rule.
		obs({ indicator_id: 'none', region_code: '2080', period_start: 2024, value: null, status: '..' }),
		obs({ indicator_id: 'supp', region_code: '2080', period_start: 2024, value: 9 })
	];
	// Computed inside each test, not at collection time: Stryker activates a mutant only for the
	// tests themselves, so code run while the file is collected escapes mutation testing.
	const profile = () => municipalityProfile([survey, register, empty, suppressedOnly], '2080', { sv: 'Falu kommun', en: 'Falun Municipality' }, '20', rows);

	it('one row per indicator with a municipal value; none for an indicator with only suppressed cells', () => {
		expect(profile().map((p) => p.indicator.id)).toEqual(['lonely', 'transit', 'supp']);
	});

	it('a survey value against its county and the nation (benchmark outside the 95 % CI 15–25)', () => {
		const [lonely] = profile();
		// 14 lies below 15 → higher than the county → worse; 16 lies inside 15–25 → similar.
		expect(lonely.vsCounty.at95.outcome).toBe('worse');
		expect(lonely.vsCounty.benchmark?.value).toBe(14);
		expect(lonely.vsNation.at95.outcome).toBe('similar');
		expect(lonely.vsNation.benchmark?.value).toBe(16);
		expect(lonely.series.map((r) => r.value)).toEqual([18, 20]);
		// The county's line in the same kind of period: its windows, not its single year.
		expect(lonely.countySeries.map((r) => `${r.period_start}-${r.period_end}`)).toEqual(['2017-2020', '2021-2024']);
		expect(lonely.survey).toBe(true);
	});

	it('register data: compared directly; single years with single years; not a survey', () => {
		const transit = profile()[1];
		// 81 > 75, higher is better → better than the county; 81 = 81 → similar to the nation.
		expect(transit.vsCounty.at95.outcome).toBe('better');
		expect(transit.vsNation.at95.outcome).toBe('similar');
		expect(transit.countySeries.map((r) => `${r.period_start}-${r.period_end}`)).toEqual(['2024-2024']);
		expect(transit.survey).toBe(false);
	});

	it('a value without a CI under a suppression rule is still a survey value', () => {
		expect(profile()[2].survey).toBe(true);
	});

	it('the caution quotes Folkhälsomyndigheten in both languages and links its page', () => {
		expect(MUNICIPAL_CAUTION.sv).toContain('Vi rekommenderar inte att jämföra olika kommuner');
		expect(MUNICIPAL_CAUTION.en).toContain('We do not recommend comparing municipalities');
		expect(MUNICIPAL_CAUTION.url).toMatch(/^https:\/\/www\.folkhalsomyndigheten\.se\//);
	});
});

describe('Mitt län (remembered on this device only)', () => {
	function memory(initial: Record<string, string> = {}) {
		const m = new Map(Object.entries(initial));
		return {
			map: m,
			getItem: (k: string) => m.get(k) ?? null,
			setItem: (k: string, v: string) => void m.set(k, v),
			removeItem: (k: string) => void m.delete(k)
		};
	}
	const broken = {
		getItem: () => {
			throw new Error('SecurityError');
		},
		setItem: () => {
			throw new Error('QuotaExceededError');
		},
		removeItem: () => {
			throw new Error('SecurityError');
		}
	};
	const KEY = 'ensamhetsmonitorn:county';

	it('remembers a county under its key and reads it back when it is known', () => {
		const s = memory();
		expect(rememberCounty('20', s)).toBe(true);
		expect(s.map.get(KEY)).toBe('20');
		expect(rememberedCounty(['01', '20'], s)).toBe('20');
	});

	it('forgets a stale code instead of trusting it', () => {
		const s = memory({ [KEY]: '99' });
		expect(rememberedCounty(['01', '20'], s)).toBeNull();
		expect(s.map.has(KEY)).toBe(false);
	});

	it('nothing stored: nothing chosen, nothing removed', () => {
		const s = memory({ other: 'x' });
		expect(rememberedCounty(['01'], s)).toBeNull();
		expect([...s.map.keys()]).toEqual(['other']);
	});

	it('forgetCounty removes only its key', () => {
		const s = memory({ [KEY]: '20', other: 'x' });
		forgetCounty(s);
		expect([...s.map.keys()]).toEqual(['other']);
	});

	it('nothing stored: storage is only read, never written or cleared', () => {
		const calls: string[] = [];
		const spy = { getItem: () => (calls.push('get'), null), removeItem: () => void calls.push('remove') };
		expect(rememberedCounty(['20'], spy)).toBeNull();
		expect(calls).toEqual(['get']);
	});

	it('without an argument the browser’s localStorage is used; one that throws on access counts as none', () => {
		const s = memory();
		vi.stubGlobal('localStorage', s);
		try {
			expect(rememberCounty('21')).toBe(true);
			expect(s.map.get(KEY)).toBe('21');
			expect(rememberedCounty(['21'])).toBe('21');
			forgetCounty();
			expect(s.map.has(KEY)).toBe(false);
		} finally {
			vi.unstubAllGlobals();
		}
		const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
		Object.defineProperty(globalThis, 'localStorage', {
			configurable: true,
			get() {
				throw new Error('SecurityError: storage disabled');
			}
		});
		try {
			expect(rememberedCounty(['21'])).toBeNull();
			expect(rememberCounty('21')).toBe(false);
			expect(() => forgetCounty()).not.toThrow();
		} finally {
			if (had) Object.defineProperty(globalThis, 'localStorage', had);
			else delete (globalThis as { localStorage?: unknown }).localStorage;
		}
	});

	it('storage that throws or is missing never breaks the page', () => {
		expect(rememberedCounty(['20'], broken)).toBeNull();
		expect(rememberCounty('20', broken)).toBe(false);
		expect(() => forgetCounty(broken)).not.toThrow();
		expect(rememberedCounty(['20'], null)).toBeNull();
		expect(rememberCounty('20', null)).toBe(false);
		expect(() => forgetCounty(null)).not.toThrow();
		// In Node there is no localStorage: the defaults fall back to "no storage".
		expect(rememberedCounty(['20'])).toBeNull();
		expect(rememberCounty('20')).toBe(false);
		expect(() => forgetCounty()).not.toThrow();
	});
});

describe('nationalSeries (overview tiles, subgoal trends) on a hand-made Parquet', () => {
	const rows: Observation[] = [
		// alpha: single years and one pooled window; a significant rise 2024 → 2025.
		obs({ indicator_id: 'alpha', region_code: '00', period_start: 2023, value: 10.0, ci_low: 9.5, ci_high: 10.5 }),
		obs({ indicator_id: 'alpha', region_code: '00', period_start: 2024, value: 10.2, ci_low: 9.7, ci_high: 10.7 }),
		obs({ indicator_id: 'alpha', region_code: '00', period_start: 2021, period_end: 2024, value: 10.1, ci_low: 9.9, ci_high: 10.3 }),
		obs({ indicator_id: 'alpha', region_code: '00', period_start: 2025, value: 12.0, ci_low: 11.5, ci_high: 12.5 }),
		obs({ indicator_id: 'alpha', region_code: '20', period_start: 2025, value: 30.0, ci_low: 29, ci_high: 31 }),
		// beta: an example-data baseline before real values; the change stays within the real ones.
		obs({ indicator_id: 'beta', region_code: '00', period_start: 2023, value: 20.0, ci_low: 19.5, ci_high: 20.5, is_demo: true }),
		obs({ indicator_id: 'beta', region_code: '00', period_start: 2024, value: 9.4, ci_low: 8.9, ci_high: 9.9 }),
		obs({ indicator_id: 'beta', region_code: '00', period_start: 2025, value: 9.3, ci_low: 8.8, ci_high: 9.8 }),
		// gamma: the latest year is suppressed; its latest value is the year before.
		obs({ indicator_id: 'gamma', region_code: '00', period_start: 2023, value: 5.0, ci_low: 4.5, ci_high: 5.5 }),
		obs({ indicator_id: 'gamma', region_code: '00', period_start: 2024, value: null, status: '..' })
	];
	const engine = fixtureEngine(rows);

	it('single years, the latest value and a tested change per indicator, in the list’s order', async () => {
		const list = [meta({ id: 'gamma' }), meta({ id: 'alpha' }), meta({ id: 'beta' }), meta({ id: 'missing' })];
		const out = await nationalSeries(engine, list);
		expect(out.map((s) => s.indicator.id)).toEqual(['gamma', 'alpha', 'beta', 'missing']);
		const [gamma, alpha, beta, missing] = out;
		expect(alpha.series.map((r) => r.period_start)).toEqual([2023, 2024, 2025]);
		expect(alpha.latest?.value).toBe(12.0);
		// 12.0 − 10.2 = 1.8; SEs 0.5/1.96 each → z = 1.8/0.3608 = 4.99 → worse (higher is worse).
		expect(alpha.change.outcome).toBe('worsened');
		expect(alpha.change.baseline?.value).toBe(10.2);
		expect(alpha.change.change).toBeCloseTo(1.8, 10);
		// beta: the example 2023 value is not the baseline; 9.3 vs 9.4 is no detectable change.
		expect(beta.series.map((r) => r.value)).toEqual([20.0, 9.4, 9.3]);
		expect(beta.change.baseline?.value).toBe(9.4);
		expect(beta.change.outcome).toBe('no-detectable-change');
		expect(gamma.latest?.value).toBe(5.0);
		expect(gamma.change.outcome).toBe('not-assessable');
		expect(missing.series).toEqual([]);
		expect(missing.latest).toBeNull();
	});

	it('a series break in the catalog stops the change', async () => {
		const [alpha] = await nationalSeries(engine, [meta({ id: 'alpha', series_breaks: [{ year: 2025, note: { sv: 'ny fråga', en: 'new question' } }] } as never)]);
		expect(alpha.change.outcome).toBe('not-assessable');
		expect(alpha.change.reason).toBe('series-break');
	});

	it('register data: the change is the difference of the published values', async () => {
		const [alpha] = await nationalSeries(engine, [meta({ id: 'alpha', sampling: 'register' } as never)]);
		expect(alpha.change.method).toBe('register-direct');
		expect(alpha.change.outcome).toBe('worsened');
	});
});
