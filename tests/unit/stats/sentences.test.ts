/**
 * Every branch of sentences.ts in both languages (issue 13, "Tests that are missing"): each
 * comparison outcome and not-compared reason, each change outcome and reason, register data and
 * our own Wilson intervals, every trend text, and the gap sentence. The expected strings are the
 * specification: Folkhälsomyndigheten's "statistiskt säkerställd", the level named, complete
 * English sentences.
 */
import { describe, expect, it } from 'vitest';
import {
	changeSinceBaseline,
	compareToBenchmark,
	describeChange,
	describeComparison,
	describeGap,
	describeTrend,
	gap,
	trend,
	type ChangeResult,
	type ComparisonResult,
	type GapBasis,
	type GapResult,
	type TrendResult
} from '../../../src/lib/stats';
import { est, year } from './helpers';

const NBSP = '\u00a0';
const indicator = { sv: 'Andelen som saknar någon att anförtro sig åt', en: 'The proportion with no one to confide in' };
const area = { sv: 'Gävleborgs län', en: 'Gävleborg County' };
const W = { polarity: 'higher-is-worse' as const, level: 0.95 as const };
const nation = est(12.9, 12.6, 13.2);
const s5 = (f: (i: number) => number, h = 1) => [0, 1, 2, 3, 4].map((i) => year(2020 + i, f(i), f(i) - h, f(i) + h));

const comparisons: Record<string, ComparisonResult> = {
	worse: compareToBenchmark(est(15.2, 13.1, 17.4), nation, W),
	better998: compareToBenchmark(est(8, 7, 9), nation, { ...W, level: 0.998 }),
	lowerNoJ: compareToBenchmark(est(8, 7, 9), nation, { polarity: 'no-judgement', level: 0.95 }),
	similar998: compareToBenchmark(est(15.2, 13.1, 17.4), nation, { ...W, level: 0.998 }),
	noCi: compareToBenchmark(est(15.2, null, null), nation, W),
	suppressed: compareToBenchmark(est(null, null, null, 2021, 2024, '..'), nation, W),
	missing: compareToBenchmark(est(null, null, null), nation, W),
	noBench: compareToBenchmark(est(15.2, 13.1, 17.4), null, W),
	periods: compareToBenchmark(est(15.2, 13.1, 17.4), year(2024, 12.9, 12.5, 13.3), W)
};
const changes: Record<string, ChangeResult> = {
	'change increased': changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 14.1, 13.7, 14.5)], W),
	'change decreasedNoJ': changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 11.1, 10.7, 11.5)], { polarity: 'no-judgement', level: 0.998 }),
	'change none': changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 13.3, 12.9, 13.7)], W),
	'change noBaseline': changeSinceBaseline([year(2026, 13.3, 12.9, 13.7)], W),
	'change noLater': changeSinceBaseline([year(2023, 12.9, 12.5, 13.3), year(2024, 13, 12.6, 13.4)], W),
	'change noCi': changeSinceBaseline([year(2024, 12.9, null, null), year(2026, 13.3, 12.9, 13.7)], W),
	'change regUnchanged': changeSinceBaseline([year(2024, 80, null, null), year(2026, 80, null, null)], { polarity: 'higher-is-better', level: 0.95, sampling: 'register' }),
	'change regDown': changeSinceBaseline([year(2024, 80, null, null), year(2026, 79.5, null, null)], { polarity: 'higher-is-better', level: 0.95, sampling: 'register' })
};
const trends: Record<string, TrendResult> = {
	'trend inc': trend(s5((i) => 10 + i), { polarity: 'higher-is-worse' }),
	'trend dec': trend(s5((i) => 14 - i), { polarity: 'no-judgement' }),
	'trend flat': trend(s5((i) => [10, 10.5, 10, 10.5, 10.4][i]), { polarity: 'higher-is-worse' }),
	'trend regFlat': trend([80, 81, 80, 81, 80].map((v, i) => year(2019 + i, v, null, null)), { polarity: 'higher-is-better', sampling: 'register' }),
	'trend regDec': trend([80, 79, 78, 77, 76].map((v, i) => year(2019 + i, v, null, null)), { polarity: 'higher-is-better', sampling: 'register' }),
	'trend few': trend(s5((i) => 10 + i).slice(0, 3), { polarity: 'higher-is-worse' }),
	'trend pooled': trend([2014, 2015].map((y) => est(10, 9, 11, y, y + 3)), { polarity: 'higher-is-worse' }),
	'trend brk': trend(s5((i) => 10 + i), { polarity: 'higher-is-worse', seriesBreaks: [2022] }),
	'trend noCi': trend([0, 1, 2, 3, 4].map((i) => year(2020 + i, 10, null, null)), { polarity: 'higher-is-worse' })
};
const gaps: Record<string, [GapResult, GapBasis]> = {
	'gap sigNamed': [gap(year(2024, 22, 20, 24), year(2024, 10, 9.5, 10.5), 0.95), 'strategy-pair'],
	'gap notSigAdj': [gap(year(2024, 11, 10, 12), year(2024, 10, 9.5, 10.5), 0.95, { comparisons: 6 }), 'highest-lowest-adjusted'],
	'gap na': [gap(year(2024, 11, null, null), year(2024, 10, 9.5, 10.5), 0.998), 'strategy-pair']
};

const EXPECTED: Record<string, { sv: string; en: string }> = {
	"worse": { sv: `Andelen som saknar någon att anförtro sig åt är högre i Gävleborgs län än i riket (15,2${NBSP}% mot 12,9${NBSP}%, 2021–2024); skillnaden är statistiskt säkerställd på 95${NBSP}%-nivån.`, en: `The proportion with no one to confide in is higher in Gävleborg County than in Sweden (15.2% vs 12.9%, 2021–2024); the difference is statistically significant at the 95% level.` },
	"better998": { sv: `Andelen som saknar någon att anförtro sig åt är lägre i Gävleborgs län än i riket (8,0${NBSP}% mot 12,9${NBSP}%, 2021–2024); skillnaden är statistiskt säkerställd på 99,8${NBSP}%-nivån.`, en: `The proportion with no one to confide in is lower in Gävleborg County than in Sweden (8.0% vs 12.9%, 2021–2024); the difference is statistically significant at the 99.8% level.` },
	"lowerNoJ": { sv: `Andelen som saknar någon att anförtro sig åt är lägre i Gävleborgs län än i riket (8,0${NBSP}% mot 12,9${NBSP}%, 2021–2024); skillnaden är statistiskt säkerställd på 95${NBSP}%-nivån.`, en: `The proportion with no one to confide in is lower in Gävleborg County than in Sweden (8.0% vs 12.9%, 2021–2024); the difference is statistically significant at the 95% level.` },
	"similar998": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län skiljer sig inte statistiskt säkerställt från riket på 99,8${NBSP}%-nivån (15,2${NBSP}% mot 12,9${NBSP}%, 2021–2024).`, en: `In Gävleborg County, the proportion with no one to confide in is not significantly different from the value for Sweden at the 99.8% level (15.2% vs 12.9%, 2021–2024).` },
	"noCi": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län kan inte jämföras med riket: varken konfidensintervall eller antal svarande redovisas (2021–2024).`, en: `In Gävleborg County, the proportion with no one to confide in cannot be compared with Sweden: neither a confidence interval nor the number of respondents is published (2021–2024).` },
	"suppressed": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län kan inte jämföras med riket: källan redovisar inte värdet (2021–2024).`, en: `In Gävleborg County, the proportion with no one to confide in cannot be compared with Sweden: the source does not publish the value (2021–2024).` },
	"missing": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län kan inte jämföras med riket: uppgift saknas (2021–2024).`, en: `In Gävleborg County, the proportion with no one to confide in cannot be compared with Sweden: there is no value (2021–2024).` },
	"noBench": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län kan inte jämföras med riket: värde för riket saknas (2021–2024).`, en: `In Gävleborg County, the proportion with no one to confide in cannot be compared with Sweden: there is no value for Sweden (2021–2024).` },
	"periods": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län kan inte jämföras med riket: perioderna skiljer sig (2021–2024 mot 2024).`, en: `In Gävleborg County, the proportion with no one to confide in cannot be compared with Sweden: the periods differ (2021–2024 vs 2024).` },
	"change increased": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län har ökat sedan 2024 (2024: 12,9${NBSP}%; 2026: 14,1${NBSP}%); förändringen är statistiskt säkerställd på 95${NBSP}%-nivån.`, en: `In Gävleborg County, the proportion with no one to confide in has increased since 2024 (2024: 12.9%; 2026: 14.1%); the change is statistically significant at the 95% level.` },
	"change decreasedNoJ": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län har minskat sedan 2024 (2024: 12,9${NBSP}%; 2026: 11,1${NBSP}%); förändringen är statistiskt säkerställd på 99,8${NBSP}%-nivån.`, en: `In Gävleborg County, the proportion with no one to confide in has decreased since 2024 (2024: 12.9%; 2026: 11.1%); the change is statistically significant at the 99.8% level.` },
	"change none": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: ingen statistiskt säkerställd förändring sedan 2024 på 95${NBSP}%-nivån (2024: 12,9${NBSP}%; 2026: 13,3${NBSP}%).`, en: `In Gävleborg County, the proportion with no one to confide in has not changed significantly since 2024 at the 95% level (2024: 12.9%; 2026: 13.3%).` },
	"change noBaseline": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: förändringen sedan baslinjen kan inte bedömas (inget värde före 2025).`, en: `In Gävleborg County, the change in the proportion with no one to confide in since the baseline cannot be assessed (no value before 2025).` },
	"change noLater": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: förändringen sedan baslinjen kan inte bedömas (inget nytt värde efter 2024).`, en: `In Gävleborg County, the change in the proportion with no one to confide in since the baseline cannot be assessed (no new value after 2024).` },
	"change noCi": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: förändringen sedan baslinjen kan inte bedömas (varken konfidensintervall eller antal svarande redovisas).`, en: `In Gävleborg County, the change in the proportion with no one to confide in since the baseline cannot be assessed (neither a confidence interval nor the number of respondents is published).` },
	"change regUnchanged": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län är oförändrad sedan 2024 (2024: 80,0${NBSP}%; 2026: 80,0${NBSP}%; registeruppgift utan urvalsfel, jämförd direkt).`, en: `In Gävleborg County, the proportion with no one to confide in is unchanged since 2024 (2024: 80.0%; 2026: 80.0%; register data without sampling error, compared directly).` },
	"change regDown": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län har minskat sedan 2024 (2024: 80,0${NBSP}%; 2026: 79,5${NBSP}%; registeruppgift utan urvalsfel, jämförd direkt).`, en: `In Gävleborg County, the proportion with no one to confide in has decreased since 2024 (2024: 80.0%; 2026: 79.5%; register data without sampling error, compared directly).` },
	"trend inc": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: statistiskt säkerställd ökande trend 2020–2024 (+1,0 procentenheter per år; 99,8${NBSP}%-nivån).`, en: `In Gävleborg County, the proportion with no one to confide in is increasing significantly, 2020–2024 (+1.0 percentage points per year; 99.8% level).` },
	"trend dec": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: statistiskt säkerställd minskande trend 2020–2024 (−1,0 procentenheter per år; 99,8${NBSP}%-nivån).`, en: `In Gävleborg County, the proportion with no one to confide in is decreasing significantly, 2020–2024 (−1.0 percentage points per year; 99.8% level).` },
	"trend flat": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: ingen statistiskt säkerställd trend 2020–2024 på 99,8${NBSP}%-nivån.`, en: `In Gävleborg County, there is no significant trend in the proportion with no one to confide in, 2020–2024, at the 99.8% level.` },
	"trend regFlat": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: ingen entydig trend 2019–2023 (registeruppgift utan urvalsfel).`, en: `In Gävleborg County, there is no consistent trend in the proportion with no one to confide in, 2019–2023 (register data without sampling error).` },
	"trend regDec": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: minskande trend 2019–2023 (−1,0 procentenheter per år; registeruppgift utan urvalsfel).`, en: `In Gävleborg County, the proportion with no one to confide in is decreasing, 2019–2023 (−1.0 percentage points per year; register data without sampling error).` },
	"trend few": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: trenden kan inte bedömas (färre än fem årsvärden).`, en: `In Gävleborg County, the trend in the proportion with no one to confide in cannot be assessed (fewer than five yearly values).` },
	"trend pooled": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: trenden kan inte bedömas (bara sammanslagna perioder, inga enskilda år).`, en: `In Gävleborg County, the trend in the proportion with no one to confide in cannot be assessed (only pooled periods, no single years).` },
	"trend brk": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: trenden kan inte bedömas (färre än fem årsvärden efter tidsseriebrottet).`, en: `In Gävleborg County, the trend in the proportion with no one to confide in cannot be assessed (fewer than five yearly values after the series break).` },
	"trend noCi": { sv: `Andelen som saknar någon att anförtro sig åt i Gävleborgs län: trenden kan inte bedömas (årsvärdena saknar både konfidensintervall och antal svarande).`, en: `In Gävleborg County, the trend in the proportion with no one to confide in cannot be assessed (the yearly values have neither confidence intervals nor numbers of respondents).` },
	"gap sigNamed": { sv: `Skillnaden mellan med funktionsnedsättning (22,0${NBSP}%) och utan funktionsnedsättning (10,0${NBSP}%) är 12,0 procentenheter (95${NBSP}% KI 9,9–14,1); kvoten är 2,2 (2,0–2,4). Skillnaden är statistiskt säkerställd på 95${NBSP}%-nivån. Paret är ett av dem som strategin pekar ut.`, en: `The gap between with disability (22.0%) and without disability (10.0%) is 12.0 percentage points (95% CI 9.9–14.1); the ratio is 2.2 (2.0–2.4). The gap is statistically significant at the 95% level. The pair is one the strategy names.` },
	"gap notSigAdj": { sv: `Skillnaden mellan med funktionsnedsättning (11,0${NBSP}%) och utan funktionsnedsättning (10,0${NBSP}%) är 1,0 procentenheter (95${NBSP}% KI, justerat −0,5 till 2,5); kvoten är 1,1 (1,0–1,3). Skillnaden är inte statistiskt säkerställd på 95${NBSP}%-nivån. Högsta och lägsta grupp väljs efter att data setts, så intervallen är justerade för 6 parvisa jämförelser (Bonferroni).`, en: `The gap between with disability (11.0%) and without disability (10.0%) is 1.0 percentage points (95% CI, adjusted -0.5 to 2.5); the ratio is 1.1 (1.0–1.3). The gap is not statistically significant at the 95% level. The highest and lowest groups are picked after seeing the data, so the intervals are adjusted for 6 pairwise comparisons (Bonferroni).` },
	"gap na": { sv: `Skillnaden mellan med funktionsnedsättning och utan funktionsnedsättning kan inte bedömas (varken konfidensintervall eller antal svarande redovisas).`, en: `The gap between with disability and without disability cannot be assessed (neither a confidence interval nor the number of respondents is published).` },
};

describe('every sentence branch, Swedish and English', () => {
	for (const lang of ['sv', 'en'] as const) {
		for (const [k, r] of Object.entries(comparisons)) it(`comparison ${k} (${lang})`, () => expect(describeComparison({ indicator, area, result: r, lang })).toBe(EXPECTED[k][lang]));
		for (const [k, r] of Object.entries(changes)) it(`${k} (${lang})`, () => expect(describeChange({ indicator, area, result: r, lang })).toBe(EXPECTED[k][lang]));
		for (const [k, r] of Object.entries(trends)) it(`${k} (${lang})`, () => expect(describeTrend({ indicator, area, result: r, lang })).toBe(EXPECTED[k][lang]));
		for (const [k, [r, basis]] of Object.entries(gaps))
			it(`${k} (${lang})`, () =>
				expect(describeGap({ a: lang === 'sv' ? 'med funktionsnedsättning' : 'with disability', b: lang === 'sv' ? 'utan funktionsnedsättning' : 'without disability', result: r, basis, lang })).toBe(EXPECTED[k][lang]));
	}
	it('every fixture is the outcome it is named for', () => {
		expect(Object.fromEntries(Object.entries(comparisons).map(([k, r]) => [k, r.outcome === 'not-compared' ? r.reason : r.outcome]))).toEqual({
			worse: 'worse', better998: 'better', lowerNoJ: 'lower', similar998: 'similar', noCi: 'no-ci', suppressed: 'suppressed', missing: 'missing-value', noBench: 'no-benchmark', periods: 'periods-not-aligned'
		});
		expect(Object.values(changes).map((c) => c.reason ?? c.outcome)).toEqual(['worsened', 'decreased', 'no-detectable-change', 'no-baseline', 'no-later-value', 'no-ci', 'no-detectable-change', 'worsened']);
		expect(Object.values(trends).map((t) => t.reason ?? t.outcome)).toEqual(['increasing', 'decreasing', 'no-significant-trend', 'no-significant-trend', 'decreasing', 'too-few-points', 'pooled-periods', 'series-break', 'no-ci']);
	});
});

describe('numbers in sentences', () => {
	it('shows more decimals when a real difference would round to equal numbers', () => {
		const r = compareToBenchmark(est(12.94, 12.93, 12.95), est(12.91, 12.9, 12.92), W);
		expect(r.outcome).toBe('worse');
		expect(describeComparison({ indicator, area, result: r, lang: 'en' })).toContain('(12.94% vs 12.91%');
	});
	it('another benchmark and a number unit', () => {
		const r = compareToBenchmark(est(1234.5, 1200, 1270), est(1000, 990, 1010), { polarity: 'no-judgement', level: 0.95, unit: 'number' });
		const s = describeComparison({ indicator: { sv: 'Antalet', en: 'The number' }, area, benchmark: { sv: 'Uppsala län', en: 'Uppsala County' }, result: r, lang: 'sv', unit: 'number' });
		expect(s).toBe(`Antalet är högre i Gävleborgs län än i Uppsala län (1\u202f234,5 mot 1\u202f000,0, 2021–2024); skillnaden är statistiskt säkerställd på 95${NBSP}%-nivån.`);
		expect(describeComparison({ indicator: { sv: 'Antalet', en: 'The number' }, area, benchmark: { sv: 'Uppsala län', en: 'Uppsala County' }, result: r, lang: 'en', unit: 'number' })).toContain(
			'in Gävleborg County than in Uppsala County (1,234.5 vs 1,000.0, 2021–2024)'
		);
	});
});
