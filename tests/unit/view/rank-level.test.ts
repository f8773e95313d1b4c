/**
 * Issue #20 items 2 and 5 at the view level: the county's rank with its range at the page's
 * level (view/county-rank.ts), and intervals rebuilt at 99.8 % for everything drawn and printed
 * (view/ci-level.ts). Expected values are worked out independently (logit and Wilson formulas
 * evaluated by hand in Python), not read back from the code.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/lib/data/observation';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { ciCaption, ciHeading, intervalAtLevel, levelLabel, rowsAtLevel } from '../../../src/lib/view/ci-level';
import { countyRanks, rankCaption, rankCell, rankHeading } from '../../../src/lib/view/county-rank';
import { profileRow } from '../../../src/lib/view/region-profile';

const row = (region_code: string, value: number | null, ci_low: number | null = null, ci_high: number | null = null, extra: Partial<Observation> = {}): Observation => ({
	indicator_id: 'no_confidant',
	region_code,
	period_start: 2021,
	period_end: 2024,
	sex: 'T',
	group_dim: 'total',
	group_code: 'total',
	value,
	ci_low,
	ci_high,
	n: null,
	status: null,
	source_id: 'fohm-x',
	is_demo: false,
	...extra
});
const survey = { sampling: 'survey', unit: 'percent' } as const;

describe('intervals at the page level (item 5)', () => {
	it('rebuilds a published 95 % interval on the logit scale, per side, at 99.8 %', () => {
		// 20 (18–22.2): logit sides (−1.3863 + 1.5163)/1.96 and (−1.2544 + 1.3863)/1.96, times 3.0902,
		// back-transformed: 16.919 and 23.545 (computed by hand, not by the code under test).
		const [lo, hi] = intervalAtLevel(row('21', 20, 18, 22.2), '99.8', survey)!;
		expect(lo).toBeCloseTo(16.919, 3);
		expect(hi).toBeCloseTo(23.545, 3);
		expect(intervalAtLevel(row('21', 20, 18, 22.2), '95', survey)).toEqual([18, 22.2]);
	});

	it('never invents an interval: no CI stays none, register values stay as published', () => {
		expect(intervalAtLevel(row('21', 20, null, null, { n: 400 }), '99.8', survey)).toBeNull();
		expect(intervalAtLevel(row('21', 70, 69, 71), '99.8', { sampling: 'register', unit: 'percent' })).toEqual([69, 71]);
	});

	it('returns the same rows at 95 % (nothing redraws) and copies with wider intervals at 99.8 %', () => {
		const rows = [row('00', 12, 11.8, 12.2), row('21', 20, 18, 22.2), row('22', 15, null, null)];
		expect(rowsAtLevel(rows, '95', survey)).toBe(rows);
		const wide = rowsAtLevel(rows, '99.8', survey);
		expect(wide[1].ci_low).toBeCloseTo(16.919, 3);
		expect(wide[1].value).toBe(20);
		expect(wide[2]).toBe(rows[2]);
		expect(rows[1].ci_low).toBe(18); // the published rows are untouched (tests start from them)
	});

	it('names the level in headers and captions, in both languages', () => {
		expect(levelLabel('99.8', 'sv')).toBe('99,8\u00a0%');
		expect(ciHeading('99.8', 'sv')).toBe('99,8\u00a0% konfidensintervall');
		expect(ciHeading('95', 'en')).toBe('95% confidence interval');
		expect(ciCaption('99.8', 'sv')).toBe('Band och linjer kring punkterna: 99,8\u00a0% konfidensintervall.');
		expect(ciCaption('99.8', 'en')).toBe('Bands and lines around the points: 99.8% confidence intervals.');
	});
});

describe('county rank with its range (item 2)', () => {
	// Higher is worse. A 10 (9–11), B 13 (12–14), C 11.5 (10.6–12.4); the nation is not ranked.
	const rows = [row('00', 11, 10.9, 11.1), row('A', 10, 9, 11), row('B', 13, 12, 14), row('C', 11.5, 10.6, 12.4)];

	it('at 95 %: A is first, and B alone is surely worse, so A could be 1st or 2nd', () => {
		const r = countyRanks(rows, 'higher-is-worse', '95', survey);
		expect(r.has('00')).toBe(false);
		expect(r.get('A')).toMatchObject({ rank: 1, of: 3, best: 1, worst: 2, certainty: 'interval' });
		expect(r.get('B')).toMatchObject({ rank: 3, best: 2, worst: 3 });
		expect(r.get('C')).toMatchObject({ rank: 2, best: 1, worst: 3 });
		expect(rankCell(r.get('A'), 'sv')).toBe('1 av 3 (1–2)');
	});

	it('at 99.8 % the wider intervals (A up to 11.62, B from 11.45) overlap, so A could be anywhere', () => {
		const r = countyRanks(rows, 'higher-is-worse', '99.8', survey);
		expect(r.get('A')).toMatchObject({ rank: 1, best: 1, worst: 3 });
		expect(r.get('B')).toMatchObject({ rank: 3, best: 1, worst: 3 });
		expect(rankCell(r.get('B'), 'en')).toBe('3 of 3 (1–3)');
	});

	it('ranks register data exactly and says so', () => {
		const r = countyRanks([row('A', 70, 60, 80), row('B', 80), row('C', 75)], 'higher-is-better', '99.8', { sampling: 'register', unit: 'percent' });
		expect(r.get('A')).toMatchObject({ rank: 3, best: 3, worst: 3, certainty: 'register' });
		expect(rankCaption('Alän', r.get('A')!, 'higher-is-better', '95', 'sv')).toBe('Alän: plats 3 av 3 (1 = bäst). Registeruppgift utan urvalsfel: platsen är exakt.');
	});

	it('never calls a survey rank exact when the source gives neither CI nor n', () => {
		const r = countyRanks([row('A', 10), row('B', 12), row('C', 11)], 'higher-is-worse', '95', survey);
		expect(r.get('C')).toMatchObject({ rank: 2, certainty: 'unknown' });
		expect(rankCell(r.get('C'), 'sv')).toBe('2 av 3 (osäkerhet okänd)');
		const text = rankCaption('Gävleborgs län', r.get('C')!, 'higher-is-worse', '95', 'sv');
		expect(text).toBe('Gävleborgs län: plats 2 av 3 (1 = bäst). Källan publicerar varken konfidensintervall eller antal svarande, så hur säker platsen är kan inte anges.');
		expect(text).not.toMatch(/exakt|kan platsen vara/);
	});

	it('uses a Wilson interval from n where only n is published; a rank clear of every other interval is stated as significant', () => {
		// E 12 % of n = 400: Wilson 95 % 9.17–15.55 (99.8 %: 7.85–17.93); F 20 (19–21) lies above both.
		const r = countyRanks([row('E', 12, null, null, { n: 400 }), row('F', 20, 19, 21)], 'higher-is-worse', '99.8', survey);
		expect(r.get('E')).toMatchObject({ rank: 1, best: 1, worst: 1, certainty: 'interval' });
		expect(rankCaption('Eläns', r.get('E')!, 'higher-is-worse', '99.8', 'en')).toBe(
			'Eläns: rank 1 of 2 (1 = best). No other county’s 99.8% confidence interval overlaps this county’s, so the rank is statistically significant.'
		);
	});

	it('ranks example data and real statistics separately, and says so', () => {
		const r = countyRanks([row('a', 10, 9, 11), row('b', 12, 11.5, 12.5), row('c', 11, 10, 12, { is_demo: true }), row('d', 9, 8, 10, { is_demo: true })], 'higher-is-worse', '95', survey);
		expect(r.get('a')).toMatchObject({ rank: 1, of: 2, demo: false, mixed: true });
		expect(r.get('d')).toMatchObject({ rank: 1, of: 2, demo: true });
		expect(r.get('c')).toMatchObject({ rank: 2, of: 2 });
		expect(rankCaption('Clän', r.get('c')!, 'higher-is-worse', '95', 'sv')).toContain('Platsen gäller bland län med exempeldata; exempeldata och verklig statistik rangordnas aldrig tillsammans.');
	});

	it('caption with a range states the level and the Folkhälsomyndigheten wording', () => {
		const r = countyRanks(rows, 'higher-is-worse', '95', survey);
		expect(rankCaption('Gävleborgs län', r.get('B')!, 'higher-is-worse', '95', 'sv')).toBe(
			'Gävleborgs län: plats 3 av 3 (1 = bäst). Med hänsyn till osäkerheten kan platsen vara 2–3. Möjliga platser enligt 95\u00a0% konfidensintervall; platser inom överlappande konfidensintervall är inte statistiskt säkerställda.'
		);
		expect(rankHeading('higher-is-worse', '99.8', 'sv')).toBe('Plats (1 = bäst; möjliga platser, 99,8\u00a0%)');
		expect(rankHeading('no-judgement', '95', 'en')).toBe('Rank (1 = highest; possible ranks, 95%)');
	});

	it('the region profile carries its rank and its interval at both levels', () => {
		const ind = { id: 'no_confidant', subgoal: 3, name: { sv: 'Andel x', en: 'Share x' }, short: { sv: 'x', en: 'x' }, unit: 'percent', polarity: 'higher-is-worse' } as IndicatorMeta;
		// County codes have two digits (municipalities four): A, B, C as 01, 02, 03.
		const coded = rows.map((r) => ({ ...r, region_code: ({ A: '01', B: '02', C: '03' } as Record<string, string>)[r.region_code] ?? r.region_code }));
		const p = profileRow(ind, '02', { sv: 'Blän', en: 'B County' }, coded, coded);
		expect(p.rank['95']).toMatchObject({ rank: 3, best: 2, worst: 3 });
		expect(p.rank['99.8']).toMatchObject({ rank: 3, best: 1, worst: 3 });
		expect(p.ci['95']).toEqual([12, 14]);
		expect(p.ci['99.8']![0]).toBeCloseTo(11.454, 3);
		expect(p.ci['99.8']![1]).toBeCloseTo(14.605, 3);
		// The nation has no place among the counties.
		expect(profileRow(ind, '00', { sv: 'Riket', en: 'Sweden' }, coded, coded).rank['95']).toBeNull();
	});
});
