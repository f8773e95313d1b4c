/**
 * Issue 13, "Statistics that stay true on real data": one block per numbered item (the view-level
 * items 2, 3, 5, 13, 14 are in tests/unit/view/issue13-view.test.ts, item 7 in
 * tests/pipeline/generate.test.ts, item 15 in tests/pipeline/tidy.test.ts). Each failed on the
 * code before the fix.
 */
import { describe, expect, it } from 'vitest';
import {
	changeSinceBaseline,
	ciAtLevel,
	compareToBenchmark,
	describeChange,
	describeComparison,
	describeGap,
	describeTrend,
	gap,
	moverRatio,
	multipleComparisonsNote,
	trend,
	wilsonInterval,
	type Estimate
} from '../../../src/lib/stats';
import { changeLabel, rollUpSentence, trendLabel } from '../../../src/lib/view/change-labels';
import { est, year } from './helpers';

const NBSP = '\u00a0';
const ind = { sv: 'Andelen som saknar någon att anförtro sig åt', en: 'The proportion with no one to confide in' };
const transit = { sv: 'Andelen som bor i kollektivtrafiknära läge', en: 'The share living close to public transport' };
const county = { sv: 'Gävleborgs län', en: 'Gävleborg County' };
const WORSE = { polarity: 'higher-is-worse' as const };
const BETTER = { polarity: 'higher-is-better' as const };
const withN = (e: Estimate, n: number): Estimate => ({ ...e, n });

describe('1. trend: the true reason when values lack CIs', () => {
	const noCi = Array.from({ length: 10 }, (_, i) => year(2014 + i, 80 + i * 0.1, null, null));
	it('ten survey values without CI or n: reason no-ci, not "fewer than five"', () => {
		const t = trend(noCi, { ...BETTER });
		expect(t).toMatchObject({ outcome: 'not-assessable', reason: 'no-ci' });
		expect(trendLabel(t, 'sv')).toBe('Kan inte bedömas (årsvärdena saknar både konfidensintervall och antal svarande)');
		expect(describeTrend({ indicator: transit, result: t, lang: 'en' })).toBe(
			'In Sweden, the trend in the share living close to public transport cannot be assessed (the yearly values have neither confidence intervals nor numbers of respondents).'
		);
	});
	it('register data (transit_access): no sampling error, the direction of all six fits is reported', () => {
		const t = trend(noCi, { ...BETTER, sampling: 'register' });
		expect(t).toMatchObject({ outcome: 'increasing', label: 'getting-better', method: 'register-sign', years: [2019, 2020, 2021, 2022, 2023] });
		expect(t.slope).toBeCloseTo(0.1, 10);
		expect(t.chi2).toBeNull();
		expect(trendLabel(t, 'sv')).toBe('Förbättras (registeruppgift)');
		expect(describeTrend({ indicator: transit, result: t, lang: 'sv' })).toBe(
			'Andelen som bor i kollektivtrafiknära läge i riket: ökande trend 2019–2023 (+0,1 procentenheter per år; registeruppgift utan urvalsfel).'
		);
	});
	it('survey values with n but no CI get Wilson intervals and are tested', () => {
		const s = Array.from({ length: 5 }, (_, i) => withN(year(2020 + i, 10 + 2 * i, null, null), 2000));
		const t = trend(s, { ...WORSE });
		expect(t.outcome).toBe('increasing');
		expect(t.chi2!).toBeGreaterThan(9.5495);
	});
	it('genuinely too few points, and a break, keep their own reasons', () => {
		expect(trend([year(2023, 5, 4, 6), year(2024, 5, 4, 6)], WORSE).reason).toBe('too-few-points');
		const s = Array.from({ length: 7 }, (_, i) => year(2018 + i, 5, 4, 6));
		expect(trend(s, { ...WORSE, seriesBreaks: [2022] }).reason).toBe('series-break');
	});
});

describe('2. (stats part) single years are used when a series also has pooled windows', () => {
	it('the nation: 5 single years + 2 windows → a trend on the single years, not "pooled periods"', () => {
		const s = [...[2018, 2020, 2021, 2022, 2024].map((y, i) => year(y, 10 + i, 9.5 + i, 10.5 + i)), est(12, 11.8, 12.2, 2017, 2020), est(13, 12.8, 13.2, 2021, 2024)];
		const t = trend(s, WORSE);
		expect(t.reason).toBeUndefined();
		expect(t.years).toEqual([2018, 2020, 2021, 2022, 2024]);
		expect(t.outcome).toBe('increasing');
	});
	it('a county with pooled windows only: "pooled periods"', () => {
		const s = [2014, 2015, 2016, 2017, 2018].map((y) => est(10, 9, 11, y, y + 3));
		expect(trend(s, WORSE).reason).toBe('pooled-periods');
	});
});

describe('4. register vs survey data in comparisons', () => {
	const nation = { ...year(2023, 79.0, null, null) };
	it('register: compared directly, and the sentence says so', () => {
		const r = compareToBenchmark(year(2023, 80.9, null, null), nation, { ...BETTER, level: 0.95, sampling: 'register' });
		expect(r).toMatchObject({ outcome: 'better', method: 'register-direct' });
		expect(r.details.ciSource).toBe('register');
		expect(describeComparison({ indicator: transit, area: county, result: r, lang: 'sv' })).toBe(
			`Andelen som bor i kollektivtrafiknära läge är högre i Gävleborgs län än i riket (80,9${NBSP}% mot 79,0${NBSP}%, 2023; registeruppgift utan urvalsfel, jämförd direkt).`
		);
		expect(describeComparison({ indicator: transit, area: county, result: r, lang: 'en' })).toBe(
			'The share living close to public transport is higher in Gävleborg County than in Sweden (80.9% vs 79.0%, 2023; register data without sampling error, compared directly).'
		);
		const same = compareToBenchmark(year(2023, 79.0, null, null), nation, { ...BETTER, level: 0.998, sampling: 'register' });
		expect(same.outcome).toBe('similar');
		expect(describeComparison({ indicator: transit, area: county, result: same, lang: 'sv' })).toContain('är lika stor i Gävleborgs län som i riket');
	});
	it('survey with n but no CI (school_unsafe): a Wilson interval from n, marked as ours', () => {
		// Wilson 95 % for 20 % of 400: 16.374–24.197; 15.0 is outside → worse.
		const e = withN(year(2024, 20, null, null), 400);
		const r = compareToBenchmark(e, year(2024, 15, null, null), { ...WORSE, level: 0.95 });
		expect(r.outcome).toBe('worse');
		expect(r.details.ciSource).toBe('wilson-from-n');
		expect(r.details.ciLow).toBeCloseTo(16.374, 2);
		expect(r.details.ciHigh).toBeCloseTo(24.197, 2);
		expect(describeComparison({ indicator: ind, area: county, result: r, lang: 'sv' })).toContain('Konfidensintervallet är beräknat av oss med Wilsons metod från andelen och antalet svarande.');
		expect(describeComparison({ indicator: ind, area: county, result: r, lang: 'en' })).toContain('computed by us with Wilson’s method');
		const [lo, hi] = wilsonInterval(20, 400);
		expect([lo, hi].map((x) => +x.toFixed(3))).toEqual([16.374, 24.197]);
	});
	it('survey with neither: not compared, and the reason says exactly that', () => {
		const r = compareToBenchmark(year(2024, 20, null, null), year(2024, 15, null, null), { ...WORSE, level: 0.95 });
		expect(r).toMatchObject({ outcome: 'not-compared', reason: 'no-ci' });
		expect(describeComparison({ indicator: ind, area: county, result: r, lang: 'sv' })).toBe(
			'Andelen som saknar någon att anförtro sig åt i Gävleborgs län kan inte jämföras med riket: varken konfidensintervall eller antal svarande redovisas (2024).'
		);
		expect(describeComparison({ indicator: ind, area: county, result: r, lang: 'en' })).toBe(
			'In Gävleborg County, the proportion with no one to confide in cannot be compared with Sweden: neither a confidence interval nor the number of respondents is published (2024).'
		);
	});
});

describe('6. ratio CI when the denominator’s CI includes 0', () => {
	it('15.1 vs 0.5 (0–1.1): no finite upper bound, and the sentence says so', () => {
		const g = gap(year(2024, 15.1, 12.0, 18.2), year(2024, 0.5, 0, 1.1), 0.95);
		expect(g.ratio).toBeCloseTo(30.2, 10);
		expect(g.ratioCiHigh).toBe(Infinity);
		expect(g.ratioCiLow!).toBeGreaterThan(5);
		const sv = describeGap({ a: 'A', b: 'B', result: g, basis: 'strategy-pair', lang: 'sv' });
		expect(sv).toContain('kvoten är 30,2, minst');
		expect(sv).toContain('utan övre gräns, eftersom intervallet för B når 0');
		expect(sv).not.toContain('83,9');
		expect(describeGap({ a: 'A', b: 'B', result: g, basis: 'strategy-pair', lang: 'en' })).toContain('with no upper limit, as the interval for B reaches 0');
	});
	it('MOVER-R worked example: 20 (18–22) / 10 (9–11) = 2 (1.7352–2.3052)', () => {
		// L = (200 − √(200² − 18·11·22·9))/(11·9) = (200 − √796)/99; U = (200 + √796)/99
		const [lo, hi] = moverRatio(20, [18, 22], 10, [9, 11]);
		expect(lo).toBeCloseTo((200 - Math.sqrt(796)) / 99, 10);
		expect(hi).toBeCloseTo((200 + Math.sqrt(796)) / 99, 10);
		const g = gap(year(2024, 20, 18, 22), year(2024, 10, 9, 11), 0.95);
		expect(g.ratioCiLow).toBeCloseTo(1.73522, 4);
		expect(g.ratioCiHigh).toBeCloseTo(2.30518, 4);
	});
});

describe('8. wording and grammar', () => {
	it('a series break never "kan inte bedömas än"', () => {
		const c = changeSinceBaseline([year(2020, 10, 9, 11), year(2026, 12, 11, 13)], { ...WORSE, level: 0.95, seriesBreaks: [2022] });
		expect(c.reason).toBe('series-break');
		expect(changeLabel(c, 'sv')).toBe('Kan inte jämföras (tidsseriebrott)');
		expect(changeLabel(c, 'en')).toBe('Not comparable (series break)');
		expect(changeLabel(c, 'sv')).not.toMatch(/än$/);
		expect(describeChange({ indicator: ind, result: c, lang: 'sv' })).toContain('tidsseriebrott, värdena går inte att jämföra');
	});
	it('the roll-up names the actual reasons, counted', () => {
		const s = rollUpSentence(
			[
				{ outcome: 'not-assessable', reason: 'series-break' },
				{ outcome: 'not-assessable', reason: 'no-ci' },
				{ outcome: 'improved' },
				{ outcome: 'no-detectable-change' }
			],
			'sv'
		);
		expect(s).toBe(
			'Av 4 indikatorer har 1 förbättrats och 0 försämrats statistiskt säkerställt sedan baslinjen (senaste värde före 2025); 1 visar ingen statistiskt säkerställd förändring och 2 kan inte bedömas (1: tidsseriebrott; 1: varken konfidensintervall eller antal svarande).'
		);
		expect(s).not.toContain('oftast');
	});
	it('English agreement: "1 has improved", "2 have worsened"', () => {
		const s = rollUpSentence(['improved', 'worsened', 'worsened', 'no-detectable-change'], 'en');
		expect(s).toBe('Of 4 indicators, 1 has improved and 2 have worsened significantly since the baseline (latest value before 2025); 1 shows no significant change.');
		expect(s).not.toContain('1 have');
	});
	it('no "ungefär 0,5 av dem": the chance of at least one false difference instead', () => {
		const sv = multipleComparisonsNote(10, 0.95, 'sv')!;
		expect(sv).not.toContain('0,5');
		expect(sv).toBe(`10 jämförelser visas på 95${NBSP}%-nivån. Även utan verkliga skillnader är risken ungefär 40${NBSP}% att minst en av dem avviker av en slump. Välj 99,8${NBSP}%-nivån för säkrare slutsatser.`);
		expect(multipleComparisonsNote(21, 0.95, 'sv')).toContain('väntas ungefär 1 av dem avvika av en slump');
		expect(multipleComparisonsNote(10, 0.95, 'en')).toContain('the chance that at least one of them differs by chance is about 40%');
	});
	it('a significant trend never prints "+0,0 procentenheter per år"', () => {
		// Tight CIs, slope 0.04 per year: significant at 99.8 %.
		const s = Array.from({ length: 5 }, (_, i) => year(2020 + i, 10 + 0.04 * i, 10 + 0.04 * i - 0.005, 10 + 0.04 * i + 0.005));
		const t = trend(s, WORSE);
		expect(t.outcome).toBe('increasing');
		const sv = describeTrend({ indicator: ind, result: t, lang: 'sv' });
		expect(sv).not.toContain('+0,0 ');
		expect(sv).toBe(`Andelen som saknar någon att anförtro sig åt i riket: statistiskt säkerställd ökande trend 2020–2024 (+0,04 procentenheter per år; 99,8${NBSP}%-nivån).`);
	});
	it('"statistiskt säkerställd" throughout; complete English sentences', () => {
		const nation = est(12.9, 12.6, 13.2);
		const sim = compareToBenchmark(est(13.4, 11.2, 15.8), nation, { ...WORSE, level: 0.95 });
		expect(describeComparison({ indicator: ind, area: county, result: sim, lang: 'sv' })).toBe(
			`Andelen som saknar någon att anförtro sig åt i Gävleborgs län skiljer sig inte statistiskt säkerställt från riket på 95${NBSP}%-nivån (13,4${NBSP}% mot 12,9${NBSP}%, 2021–2024).`
		);
		expect(describeComparison({ indicator: ind, area: county, result: sim, lang: 'en' })).toBe(
			'In Gävleborg County, the proportion with no one to confide in is not significantly different from the value for Sweden at the 95% level (13.4% vs 12.9%, 2021–2024).'
		);
		const nc = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 13.2, 12.8, 13.6)], { ...WORSE, level: 0.95 });
		expect(describeChange({ indicator: ind, result: nc, lang: 'sv' })).toContain('ingen statistiskt säkerställd förändring sedan 2024');
		expect(describeChange({ indicator: ind, result: nc, lang: 'en' })).toBe(
			'In Sweden, the proportion with no one to confide in has not changed significantly since 2024 at the 95% level (2024: 12.9%; 2026: 13.2%).'
		);
		expect(changeLabel('no-detectable-change', 'sv')).toBe('Ingen statistiskt säkerställd förändring');
		expect(trendLabel({ label: 'no-significant-trend' }, 'sv')).toBe('Ingen statistiskt säkerställd trend');
		for (const lang of ['sv', 'en'] as const)
			for (const text of [describeComparison({ indicator: ind, area: county, result: sim, lang }), describeChange({ indicator: ind, result: nc, lang })]) {
				expect(text).not.toMatch(/inte säkert|ingen säker |No clear/);
			}
	});
});

describe('9. 99.8 % intervals rebuilt on the scale they were made on', () => {
	it('1.0 (0.4–2.5): logit per side → 0.235–4.203, not 0.054–3.365 on the natural scale', () => {
		const [lo, hi] = ciAtLevel({ ...year(2024, 1, 0.4, 2.5) } as Estimate & { value: number; ci_low: number; ci_high: number }, 0.998);
		expect(lo).toBeCloseTo(0.2354, 3);
		// logit(1 %) = −4.595120; SE_low = (−4.595120 + 5.517453)/1.959964 = 0.470587, SE_high = 0.475294
		expect(hi).toBeCloseTo(4.2033, 3);
		// A benchmark of 3.8 lies inside the long upper side: no claim at 99.8 %.
		const r = compareToBenchmark(year(2024, 1, 0.4, 2.5), year(2024, 3.8, 3.7, 3.9), { ...WORSE, level: 0.998 });
		expect(r.outcome).toBe('similar');
		expect(r.details.ciHigh).toBeCloseTo(4.2033, 3);
	});
	it('never below 0: 0.5 (0.1–1.8)', () => {
		const r = compareToBenchmark(year(2024, 0.5, 0.1, 1.8), year(2024, 3, 2.9, 3.1), { ...WORSE, level: 0.998 });
		expect(r.details.ciLow!).toBeGreaterThan(0);
	});
	it('a bound at 0 with n known: Wilson at 99.8 % from n', () => {
		const e = { ...year(2024, 0.5, 0, 1.9), n: 100 } as Estimate & { value: number; ci_low: number; ci_high: number };
		const [lo, hi] = ciAtLevel(e, 0.998);
		const [wl, wh] = wilsonInterval(0.5, 100, 0.998);
		expect(lo).toBe(wl);
		expect(hi).toBe(wh);
		expect(lo).toBeGreaterThanOrEqual(0);
	});
	it('other units keep the natural scale', () => {
		const [lo, hi] = ciAtLevel({ ...year(2024, 1000, 900, 1100) } as Estimate & { value: number; ci_low: number; ci_high: number }, 0.998, { unit: 'number' });
		expect(lo).toBeCloseTo(1000 - (3.090232306167813 * 100) / 1.959963984540054, 8);
		expect(hi).toBeCloseTo(1000 + (3.090232306167813 * 100) / 1.959963984540054, 8);
	});
});

describe('11. overlapping windows are not compared', () => {
	it('2021–2024 → 2022–2025: three of four years before the strategy, not a strategy-period value', () => {
		const c = changeSinceBaseline([est(12, 11, 13, 2021, 2024), est(14, 13, 15, 2022, 2025)], { ...WORSE, level: 0.95 });
		expect(c).toMatchObject({ outcome: 'not-assessable', reason: 'window-before-strategy' });
		expect(describeChange({ indicator: ind, result: c, lang: 'sv' })).toBe(
			'Andelen som saknar någon att anförtro sig åt i riket: förändringen sedan baslinjen kan inte bedömas (3 av 4 år i det senaste värdet (2022–2025) ligger före strategiperioden).'
		);
		expect(describeChange({ indicator: ind, result: c, lang: 'en' })).toContain('3 of the 4 years of the latest value (2022–2025) lie before the strategy period');
		expect(changeLabel(c, 'sv')).toBe('Kan inte bedömas än (senaste perioden ligger mest före 2025)');
	});
	it('2021–2024 → 2025–2028: no shared year, compared', () => {
		const c = changeSinceBaseline([est(12, 11, 13, 2021, 2024), est(14, 13, 15, 2022, 2025), est(15, 14, 16, 2025, 2028)], { ...WORSE, level: 0.95 });
		expect(c.outcome).toBe('worsened');
		expect(c.overlappingPeriods).toBe(false);
		expect(c.latest).toMatchObject({ period_start: 2025, period_end: 2028 });
	});
});

describe('16. change baseline: the latest value WITH a CI, and says which', () => {
	it('2024 has no CI: 2023 is the baseline, and the sentence says why', () => {
		const c = changeSinceBaseline([year(2022, 10, 9.5, 10.5), year(2023, 10.2, 9.7, 10.7), year(2024, 10.4, null, null), year(2026, 12, 11.5, 12.5)], { ...WORSE, level: 0.95 });
		expect(c.baseline).toMatchObject({ period_start: 2023, value: 10.2 });
		expect(c.baselineChoice).toBe('latest-with-ci');
		expect(c.skippedBaseline).toMatchObject({ period_start: 2024 });
		expect(c.outcome).toBe('worsened');
		expect(describeChange({ indicator: ind, result: c, lang: 'sv' })).toContain('Baslinjen är 2023, det senaste värdet med konfidensintervall (2024 saknar intervall).');
		expect(describeChange({ indicator: ind, result: c, lang: 'en' })).toContain('The baseline is 2023, the latest value with a confidence interval (2024 has none).');
	});
	it('the latest baseline has a CI: it is used, and nothing extra is said', () => {
		const c = changeSinceBaseline([year(2023, 10.2, 9.7, 10.7), year(2024, 10.4, 9.9, 10.9), year(2026, 12, 11.5, 12.5)], { ...WORSE, level: 0.95 });
		expect(c.baseline).toMatchObject({ period_start: 2024 });
		expect(c.baselineChoice).toBe('latest');
		expect(describeChange({ indicator: ind, result: c, lang: 'sv' })).not.toContain('Baslinjen är');
	});
	it('no baseline has a CI: the latest is kept and the reason is no-ci', () => {
		const c = changeSinceBaseline([year(2023, 10.2, null, null), year(2024, 10.4, null, null), year(2026, 12, 11.5, 12.5)], { ...WORSE, level: 0.95 });
		expect(c).toMatchObject({ outcome: 'not-assessable', reason: 'no-ci', baselineChoice: 'latest' });
		expect(c.baseline).toMatchObject({ period_start: 2024 });
	});
	it('register data: the direct difference', () => {
		const c = changeSinceBaseline([year(2024, 80, null, null), year(2026, 81, null, null)], { ...BETTER, level: 0.95, sampling: 'register' });
		expect(c).toMatchObject({ outcome: 'improved', change: 1, method: 'register-direct' });
		expect(describeChange({ indicator: transit, result: c, lang: 'sv' })).toContain('registeruppgift utan urvalsfel');
	});
});

describe('14. (stats part) example data are never tested against real statistics', () => {
	it('a synthetic county against a real national value: not compared, with the reason', () => {
		const r = compareToBenchmark({ ...est(15.2, 13.1, 17.4), is_demo: true }, { ...est(12.9, 12.6, 13.2), is_demo: false }, { ...WORSE, level: 0.95 });
		expect(r).toMatchObject({ outcome: 'not-compared', reason: 'demo-vs-real' });
		expect(describeComparison({ indicator: ind, area: county, result: r, lang: 'sv' })).toContain('det ena värdet är exempeldata, det andra verklig statistik');
		// Both demo (or both real) are compared as usual.
		expect(compareToBenchmark({ ...est(15.2, 13.1, 17.4), is_demo: true }, { ...est(12.9, 12.6, 13.2), is_demo: true }, { ...WORSE, level: 0.95 }).outcome).toBe('worse');
	});
});

describe('4. (edge) Wilson from n at 0 % and 100 %', () => {
	it('the interval contains the value exactly, so the value is compared', () => {
		expect(wilsonInterval(0, 15777)[0]).toBe(0);
		expect(wilsonInterval(100, 27)[1]).toBe(100);
		const r = compareToBenchmark({ ...year(2024, 0, null, null), n: 15777 }, year(2024, 0.5, 0.3, 0.7), { ...BETTER, level: 0.95 });
		expect(r).toMatchObject({ outcome: 'worse' });
		expect(r.details.ciSource).toBe('wilson-from-n');
	});
});
