/**
 * Issue 13 items at the view level (2, 3, 5, 13, 14) and issue 19 item 4 (the region page's trend
 * and change columns, trendLabel, changeLabel, the 99.8 % switch on a fixture of its own).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { profileRow } from '../../../src/lib/view/region-profile';
import { changeLabel, trendLabel } from '../../../src/lib/view/change-labels';
import { countyOutcomes } from '../../../src/lib/view/outcomes';
import { ageFrom, groupGap, strategyPair } from '../../../src/lib/view/group-gap';
import { COUNTY_CONTEXT, neighbours, similarCounties } from '../../../src/lib/view/peers';
import { dataKindOf } from '../../../src/lib/view/data-kind';
import { rngFor, gaussian } from '../../../src/lib/example/prng';
import { exampleRow } from '../../helpers/obs-row';
import type { Observation } from '../../../src/lib/data/observation';

const row = exampleRow;
const indicator = {
	id: 'no_confidant',
	subgoal: 3,
	name: { sv: 'Andel som inte har någon att anförtro sig åt', en: 'Share with no one to confide in' },
	short: { sv: 'Ingen att anförtro sig åt', en: 'No confidant' },
	unit: 'percent',
	polarity: 'higher-is-worse'
} as IndicatorMeta;
const gavleborg = { sv: 'Gävleborgs län', en: 'Gävleborg County' };
const sweden = { sv: 'Riket', en: 'Sweden' };

describe('2. the nation’s own trend and change on /region/00 use its single years', () => {
	// Single years 2018, 2020–2022, 2024 (rising 1 point a year, tight CIs) and the pooled windows.
	const rows = [
		...[2018, 2020, 2021, 2022, 2024].map((y) => row({ region_code: '00', period_start: y, value: 10 + (y - 2018) * 0.5 })),
		row({ region_code: '00', period_start: 2017, period_end: 2020, value: 10.5 }),
		row({ region_code: '00', period_start: 2021, period_end: 2024, value: 12 })
	];
	it('a trend, not "pooled periods"', () => {
		const p = profileRow(indicator, '00', sweden, rows, []);
		expect(p.trend.reason).toBeUndefined();
		expect(p.trend.years).toEqual([2018, 2020, 2021, 2022, 2024]);
		expect(p.trend.label).toBe('getting-worse');
		expect(trendLabel(p.trend, 'sv')).toBe('Försämras');
		expect(p.trendSeries.every((r) => r.period_start === r.period_end)).toBe(true);
		// the latest single year is the change's baseline, not the 2021–2024 window
		expect(p.change.baseline).toMatchObject({ period_start: 2024, period_end: 2024 });
	});
});

describe('3 and issue 19 item 4. the 99.8 % switch: a fixture whose outcome differs between the levels', () => {
	// Gävleborg 15.2 (13.1–17.4) vs the nation 12.9 (12.6–13.2), both 2021–2024:
	// 95 %: 12.9 < 13.1 → worse. 99.8 % (logit per side): low 12.005 ≤ 12.9 → similar.
	const rows = [
		row({ region_code: '00', period_start: 2021, period_end: 2024, value: 12.9, ci_low: 12.6, ci_high: 13.2 }),
		row({ region_code: '21', period_start: 2021, period_end: 2024, value: 15.2, ci_low: 13.1, ci_high: 17.4 })
	];
	const p = profileRow(indicator, '21', gavleborg, rows, []);
	it('the outcome differs', () => {
		expect(p.at95.outcome).toBe('worse');
		expect(p.at998.outcome).toBe('similar');
	});
	it('the sentence follows the level and names it', () => {
		expect(p.sentence['95'].sv).toBe(
			'Andelen som inte har någon att anförtro sig åt är högre i Gävleborgs län än i riket (15,2\u00a0% mot 12,9\u00a0%, 2021–2024); skillnaden är statistiskt säkerställd på 95\u00a0%-nivån.'
		);
		expect(p.sentence['99.8'].sv).toBe(
			'Andelen som inte har någon att anförtro sig åt i Gävleborgs län skiljer sig inte statistiskt säkerställt från riket på 99,8\u00a0%-nivån (15,2\u00a0% mot 12,9\u00a0%, 2021–2024).'
		);
		expect(p.sentence['99.8'].en).toBe(
			'In Gävleborg County, the share with no one to confide in is not significantly different from the value for Sweden at the 99.8% level (15.2% vs 12.9%, 2021–2024).'
		);
		expect(p.sentence['99.8'].sv).not.toMatch(/högre|lägre/);
	});
});

describe('issue 19 item 4. the region page’s trend and change columns', () => {
	it('a county with pooled windows only: no trend (and says why); change 2021–2024 → 2025–2028 tested', () => {
		const rows = [
			row({ region_code: '21', period_start: 2017, period_end: 2020, value: 14 }),
			row({ region_code: '21', period_start: 2021, period_end: 2024, value: 15, ci_low: 14.5, ci_high: 15.5 }),
			row({ region_code: '21', period_start: 2025, period_end: 2028, value: 17, ci_low: 16.5, ci_high: 17.5 })
		];
		const p = profileRow(indicator, '21', gavleborg, rows, []);
		expect(p.trend).toMatchObject({ outcome: 'not-assessable', reason: 'pooled-periods' });
		expect(trendLabel(p.trend, 'sv')).toBe('Kan inte bedömas (bara sammanslagna perioder, inga enskilda år)');
		expect(trendLabel(p.trend, 'en')).toBe('Cannot be assessed (only pooled periods, no single years)');
		expect(p.change.outcome).toBe('worsened');
		expect(changeLabel(p.change, 'sv')).toBe('Försämrat sedan baslinjen');
		expect(changeLabel(p.change, 'en')).toBe('Worsened since baseline');
	});
	it('single years, a decreasing (better) trend; the latest window overlaps: change not yet assessable', () => {
		const rows = [2019, 2020, 2021, 2022, 2023].map((y) => row({ region_code: '21', period_start: y, value: 20 - (y - 2019) }));
		rows.push(row({ region_code: '21', period_start: 2022, period_end: 2025, value: 16 }));
		const p = profileRow(indicator, '21', gavleborg, rows, []);
		expect(p.trend.label).toBe('getting-better');
		expect(trendLabel(p.trend, 'en')).toBe('Getting better');
		expect(p.change).toMatchObject({ outcome: 'not-assessable', reason: 'window-before-strategy' });
		expect(changeLabel(p.change, 'sv')).toBe('Kan inte bedömas än (senaste perioden ligger mest före 2025)');
	});
	it('register data (transit_access): compared directly, trend by sign', () => {
		const transit = { ...indicator, id: 'transit_access', polarity: 'higher-is-better', sampling: 'register' } as IndicatorMeta;
		expect(dataKindOf(transit)).toEqual({ sampling: 'register', unit: 'percent' });
		const reg = (region: string, y: number, v: number) => row({ indicator_id: 'transit_access', region_code: region, period_start: y, value: v, ci_low: null, ci_high: null, n: null });
		const rows = [...[2019, 2020, 2021, 2022, 2023].map((y) => reg('21', y, 70 + (y - 2019) * 0.4)), reg('00', 2023, 80.9)];
		const p = profileRow(transit, '21', gavleborg, rows, []);
		expect(p.at95).toMatchObject({ outcome: 'worse', method: 'register-direct' });
		expect(p.trend).toMatchObject({ label: 'getting-better', method: 'register-sign' });
		expect(trendLabel(p.trend, 'sv')).toBe('Förbättras (registeruppgift)');
		expect(p.sentence['95'].sv).toContain('registeruppgift utan urvalsfel, jämförd direkt');
	});
});

describe('5. group gap: pairs named in advance, or adjusted for k(k−1)/2', () => {
	const g = (code: string, value: number, h = 1, dim = 'disability'): Observation => row({ region_code: '00', period_start: 2024, value, ci_low: value - h, ci_high: value + h, group_dim: dim, group_code: code });
	it('disability: with vs without, whatever the values', () => {
		const r = groupGap([g('disabled', 20), g('not_disabled', 10)], 0.95)!;
		expect(r.basis).toBe('strategy-pair');
		expect([r.a.group_code, r.b.group_code]).toEqual(['disabled', 'not_disabled']);
		expect(r.result.comparisons).toBe(1);
		expect(r.result.outcome).toBe('a-higher');
	});
	it('age: youngest vs oldest band by age, not by value', () => {
		expect(ageFrom('16-29')).toBe(16);
		expect(ageFrom('85+')).toBe(85);
		expect(strategyPair('age', ['30-44', '85+', '16-29', '65-84'])).toEqual(['16-29', '85+']);
		const r = groupGap([g('30-44', 30, 1, 'age'), g('16-29', 15, 1, 'age'), g('85+', 16, 1, 'age'), g('45-64', 5, 1, 'age')], 0.95)!;
		expect([r.a.group_code, r.b.group_code]).toEqual(['16-29', '85+']);
		expect(r.result.outcome).toBe('no-significant-gap');
	});
	it('no named pair (HLV country of birth without "born abroad"): highest vs lowest, Bonferroni for 6 pairs', () => {
		// 4 groups → 6 pairs → z = Φ⁻¹(1 − 0.05/12) = 2.638257. 12.0 (11–13) vs 10.0 (9–11): z = 2/0.721537 = 2.7719
		// → significant even adjusted; 11.6 vs 10.0: z = 2.2175 > 1.96 but < 2.638 → not significant adjusted.
		const rows = [g('sweden', 10, 1, 'country_of_birth'), g('nordic', 11, 1, 'country_of_birth'), g('europe', 10.5, 1, 'country_of_birth'), g('outside_europe', 11.6, 1, 'country_of_birth')];
		const r = groupGap(rows, 0.95)!;
		expect(r.basis).toBe('highest-lowest-adjusted');
		expect(r.result.comparisons).toBe(6);
		expect(r.result.zCritical).toBeCloseTo(2.638257, 5);
		expect([r.a.group_code, r.b.group_code]).toEqual(['outside_europe', 'sweden']);
		expect(r.result.outcome).toBe('no-significant-gap');
		rows[3] = g('outside_europe', 12, 1, 'country_of_birth');
		expect(groupGap(rows, 0.95)!.result.outcome).toBe('a-higher');
	});
	it('identical groups: the adjusted highest-vs-lowest flags a gap at most about 5 % of the time (not 30 %)', () => {
		// 5 groups, true value 20 %, SE 1 each; 2 000 simulated breakdowns.
		const rand = rngFor(13, 'group-gap');
		let flagged = 0;
		const runs = 2000;
		for (let i = 0; i < runs; i++) {
			const rows = ['16-29', '30-44', '45-64', '65-84', '85+'].map((c) => {
				const v = 20 + gaussian(rand);
				return g(c, v, 1.959964, 'education_x');
			});
			if (groupGap(rows, 0.95)!.result.outcome !== 'no-significant-gap') flagged++;
		}
		expect(flagged / runs).toBeLessThan(0.065);
	});
});

describe('13. similar counties by context the indicators do not measure', () => {
	const regions = parse(readFileSync('data/catalog/regions.yaml', 'utf8')).regions as { code: string; level: string; population_k: number }[];
	it('the context table covers the 21 counties, with the catalog’s population figures', () => {
		const counties = regions.filter((r) => r.level === 'county');
		expect(Object.keys(COUNTY_CONTEXT).sort()).toEqual(counties.map((r) => r.code).sort());
		for (const r of counties) expect(COUNTY_CONTEXT[r.code].population_k).toBe(r.population_k);
		// Land areas add up to Sweden's land area, about 407 000 km² (SCB).
		const land = Object.values(COUNTY_CONTEXT).reduce((s, c) => s + c.land_km2, 0);
		expect(land).toBeGreaterThan(400_000);
		expect(land).toBeLessThan(415_000);
	});
	it('land borders are symmetric; Gotland has none', () => {
		for (const [code, c] of Object.entries(COUNTY_CONTEXT)) for (const n of c.neighbours) expect(COUNTY_CONTEXT[n].neighbours).toContain(code);
		expect(neighbours('09')).toEqual([]);
		expect(neighbours('21')).toEqual(['03', '20', '22', '23']);
		expect(neighbours('25')).toEqual(['24']);
	});
	it('peers by population size and density: the metropolitan counties together, the northern inland together', () => {
		expect(similarCounties('01', { count: 2 })).toEqual(['12', '14']);
		expect(similarCounties('23', { count: 2 })).toEqual(expect.arrayContaining(['25']));
		// never the county itself or its listed neighbours
		const peers = similarCounties('21', { exclude: neighbours('21') });
		expect(peers).toHaveLength(3);
		for (const c of [...neighbours('21'), '21']) expect(peers).not.toContain(c);
	});
});

describe('14. example data and real values are never compared with each other', () => {
	it('21 synthetic counties against a real, integer-rounded national value: no county is coloured', () => {
		const codes = Object.keys(COUNTY_CONTEXT);
		const rows = [
			row({ region_code: '00', period_start: 2024, value: 13, ci_low: null, ci_high: null, is_demo: false, source_id: 'fohm-published' }),
			...codes.map((c, i) => row({ region_code: c, period_start: 2024, value: 8 + i, ci_low: 7 + i, ci_high: 9 + i }))
		];
		const outcomes = countyOutcomes(rows, 'higher-is-worse', 0.95);
		expect(Object.keys(outcomes)).toHaveLength(21);
		expect(new Set(Object.values(outcomes))).toEqual(new Set(['not-compared']));
		const p = profileRow(indicator, '21', gavleborg, rows, []);
		expect(p.at95.reason).toBe('demo-vs-real');
		expect(p.sentence['95'].sv).toContain('det ena värdet är exempeldata, det andra verklig statistik');
	});
	it('all synthetic (or all real): compared as usual', () => {
		const rows = [row({ region_code: '00', period_start: 2024, value: 13, ci_low: 12.8, ci_high: 13.2 }), row({ region_code: '21', period_start: 2024, value: 20, ci_low: 19, ci_high: 21 })];
		expect(countyOutcomes(rows, 'higher-is-worse', 0.95)).toEqual({ '21': 'worse' });
	});
});
