/**
 * Plain-language sentences, Swedish and English, from outcome objects ALREADY computed by
 * compare.ts, change.ts, trend.ts and gaps.ts. Nothing is recomputed here; each sentence only
 * says what the outcome supports, and names the level it was tested at:
 * - a difference → "högre/lägre" / "higher/lower" (read from outcome + polarity), "statistiskt
 *   säkerställd på 95 %-nivån" / "statistically significant at the 95% level";
 * - 'similar' → "skiljer sig inte statistiskt säkerställt från" / "not significantly different
 *   from the value for";
 * - 'not-compared' → why, exactly (e.g. "varken konfidensintervall eller antal svarande redovisas").
 * - register data → compared directly, and the sentence says so; a Wilson interval we computed
 *   from n → the sentence says we computed it.
 * Wording follows Folkhälsomyndigheten ("statistiskt säkerställd"); English sentences are
 * complete sentences.
 *
 * Numbers: one decimal by default (sv "15,2 %", en "15.2%", see i18n/format.ts). When a
 * significant difference would print two equal numbers ("12,9 % mot 12,9 %"), up to two more
 * decimals are shown until they differ, so the sentence never looks self-contradictory; the same
 * for a significant trend's slope (never "+0,0 per år").
 */
import { formatNumber, formatPercent, formatPeriod, NBSP, type Lang } from '../i18n/format';
import { isHigher, type ComparisonResult, type NotComparedReason } from './compare';
import { changeIsUp, type ChangeReason, type ChangeResult } from './change';
import type { GapResult } from './gaps';
import type { TrendReason, TrendResult } from './trend';
import type { Level, Unit } from './types';

export interface Names {
	sv: string;
	en: string;
}

/** The nation as a benchmark: "riket" / "Sweden". */
export const SWEDEN: Names = { sv: 'riket', en: 'Sweden' };

interface Common {
	/** Indicator name as the subject of a sentence, e.g. { sv: 'Andelen som …', en: 'The proportion …' }. */
	indicator: Names;
	lang: Lang;
	unit?: Unit;
	decimals?: number;
}

function fmt(x: number | null, lang: Lang, unit: Unit, decimals: number): string {
	return unit === 'percent' ? formatPercent(x, lang, decimals) : formatNumber(x, lang, decimals);
}

/** Format a pair with enough decimals that a real difference shows (at most decimals + 2). */
function pair(a: number | null, b: number | null, lang: Lang, unit: Unit, decimals: number, mustDiffer: boolean): [string, string] {
	let d = decimals;
	let fa = fmt(a, lang, unit, d);
	let fb = fmt(b, lang, unit, d);
	while (mustDiffer && fa === fb && a !== b && d < decimals + 2) {
		d++;
		fa = fmt(a, lang, unit, d);
		fb = fmt(b, lang, unit, d);
	}
	return [fa, fb];
}

/** Lower-case the first letter of a subject placed mid-sentence ("The proportion" → "the proportion"), not of acronyms. */
function lcFirst(s: string): string {
	if (s.length > 1 && s[1] === s[1].toLowerCase()) return s[0].toLowerCase() + s.slice(1);
	return s;
}

/** "95 %-nivån" / "the 95% level". */
export function levelPhrase(level: Level, lang: Lang): string {
	return lang === 'sv' ? `${level === 0.95 ? '95' : '99,8'}${NBSP}%-nivån` : `the ${level === 0.95 ? '95' : '99.8'}% level`;
}

const REGISTER_NOTE = {
	sv: 'registeruppgift utan urvalsfel, jämförd direkt',
	en: 'register data without sampling error, compared directly'
};
const WILSON_NOTE = {
	sv: 'Konfidensintervallet är beräknat av oss med Wilsons metod från andelen och antalet svarande.',
	en: 'The confidence interval was computed by us with Wilson’s method from the proportion and the number of respondents.'
};
const NO_CI_NO_N = {
	sv: 'varken konfidensintervall eller antal svarande redovisas',
	en: 'neither a confidence interval nor the number of respondents is published'
};

function notComparedWhy(reason: NotComparedReason, bench: string, period: string, benchPeriod: string | null, lang: Lang): string {
	const sv = lang === 'sv';
	switch (reason) {
		case 'no-ci':
			return `${NO_CI_NO_N[lang]} (${period})`;
		case 'suppressed':
			return sv ? `källan redovisar inte värdet (${period})` : `the source does not publish the value (${period})`;
		case 'missing-value':
			return sv ? `uppgift saknas (${period})` : `there is no value (${period})`;
		case 'no-benchmark':
			return sv ? `värde för ${bench} saknas (${period})` : `there is no value for ${bench} (${period})`;
		case 'periods-not-aligned':
			return sv ? `perioderna skiljer sig (${period} mot ${benchPeriod ?? '–'})` : `the periods differ (${period} vs ${benchPeriod ?? '–'})`;
		case 'demo-vs-real':
			return sv ? `det ena värdet är exempeldata, det andra verklig statistik (${period})` : `one value is example data, the other real statistics (${period})`;
	}
}

/**
 * "Andelen som saknar någon att anförtro sig åt är högre i Gävleborgs län än i riket (15,2 % mot
 * 12,9 %, 2021–2024); skillnaden är statistiskt säkerställd på 95 %-nivån." /
 * "The proportion with no one to confide in is higher in Gävleborg County than in Sweden (15.2%
 * vs 12.9%, 2021–2024); the difference is statistically significant at the 95% level."
 */
export function describeComparison(args: Common & { area: Names; benchmark?: Names; result: ComparisonResult }): string {
	const { indicator, area, result, lang } = args;
	const bench = args.benchmark ?? SWEDEN;
	const unit = args.unit ?? 'percent';
	const decimals = args.decimals ?? 1;
	const d = result.details;
	const period = formatPeriod(d.period_start, d.period_end);
	const sv = lang === 'sv';
	const ind = indicator[lang];
	const a = area[lang];
	const b = bench[lang];
	const lvl = levelPhrase(result.level, lang);

	if (result.outcome === 'not-compared') {
		const bp = d.benchmark_period_start !== null && d.benchmark_period_end !== null ? formatPeriod(d.benchmark_period_start, d.benchmark_period_end) : null;
		const why = notComparedWhy(result.reason ?? 'missing-value', b, period, bp, lang);
		if (sv) return `${ind} i ${a} kan inte jämföras med ${b}: ${why}.`;
		return `In ${a}, ${lcFirst(ind)} cannot be compared with ${b}: ${why}.`;
	}

	const register = result.method === 'register-direct';
	const wilson = d.ciSource === 'wilson-from-n' ? ` ${WILSON_NOTE[lang]}` : '';
	const higher = isHigher(result.outcome, result.polarity);
	const [fv, fb] = pair(d.value, d.benchmarkValue, lang, unit, decimals, higher !== null);
	if (higher === null) {
		// 'similar'
		if (register) {
			if (sv) return `${ind} är lika stor i ${a} som i ${b} (${fv} mot ${fb}, ${period}; ${REGISTER_NOTE.sv}).`;
			return `${ind} is the same in ${a} as in ${b} (${fv} vs ${fb}, ${period}; ${REGISTER_NOTE.en}).`;
		}
		if (sv) return `${ind} i ${a} skiljer sig inte statistiskt säkerställt från ${b} på ${lvl} (${fv} mot ${fb}, ${period}).${wilson}`;
		return `In ${a}, ${lcFirst(ind)} is not significantly different from the value for ${b} at ${lvl} (${fv} vs ${fb}, ${period}).${wilson}`;
	}
	const word = sv ? (higher ? 'högre' : 'lägre') : higher ? 'higher' : 'lower';
	if (register) {
		if (sv) return `${ind} är ${word} i ${a} än i ${b} (${fv} mot ${fb}, ${period}; ${REGISTER_NOTE.sv}).`;
		return `${ind} is ${word} in ${a} than in ${b} (${fv} vs ${fb}, ${period}; ${REGISTER_NOTE.en}).`;
	}
	if (sv) return `${ind} är ${word} i ${a} än i ${b} (${fv} mot ${fb}, ${period}); skillnaden är statistiskt säkerställd på ${lvl}.${wilson}`;
	return `${ind} is ${word} in ${a} than in ${b} (${fv} vs ${fb}, ${period}); the difference is statistically significant at ${lvl}.${wilson}`;
}

function changeWhy(result: ChangeResult, lang: Lang): string {
	const sv = lang === 'sv';
	const reason: ChangeReason = result.reason ?? 'no-baseline';
	const { baseline, latest, baselineBefore } = result;
	switch (reason) {
		case 'no-baseline':
			return sv ? `inget värde före ${baselineBefore}` : `no value before ${baselineBefore}`;
		case 'no-later-value':
			return baseline
				? sv
					? `inget nytt värde efter ${formatPeriod(baseline.period_start, baseline.period_end)}`
					: `no new value after ${formatPeriod(baseline.period_start, baseline.period_end)}`
				: sv
					? 'inget nytt värde'
					: 'no new value';
		case 'window-before-strategy': {
			if (!latest) return sv ? 'det senaste värdet ligger före strategiperioden' : 'the latest value lies before the strategy period';
			const total = latest.period_end - latest.period_start + 1;
			const before = baselineBefore - latest.period_start;
			const lp = formatPeriod(latest.period_start, latest.period_end);
			return sv
				? `${before} av ${total} år i det senaste värdet (${lp}) ligger före strategiperioden`
				: `${before} of the ${total} years of the latest value (${lp}) lie before the strategy period`;
		}
		case 'series-break':
			return sv ? 'tidsseriebrott, värdena går inte att jämföra' : 'a series break; the values are not comparable';
		case 'no-ci':
			return NO_CI_NO_N[lang];
	}
}

/**
 * "Andelen … i riket har ökat sedan 2024; förändringen är statistiskt säkerställd på 95 %-nivån
 * (2024: 12,9 %; 2026: 14,1 %)." / "Andelen … i riket: ingen statistiskt säkerställd förändring
 * sedan 2024 på 95 %-nivån (2024: 12,9 %; 2026: 13,2 %)."
 * `area` defaults to the nation ("riket" / "Sweden").
 */
export function describeChange(args: Common & { area?: Names; result: ChangeResult }): string {
	const { indicator, result, lang } = args;
	const area = (args.area ?? SWEDEN)[lang];
	const unit = args.unit ?? 'percent';
	const decimals = args.decimals ?? 1;
	const sv = lang === 'sv';
	const ind = indicator[lang];
	const { baseline, latest } = result;

	if (result.outcome === 'not-assessable' || !baseline || !latest) {
		const why = changeWhy(result, lang);
		if (sv) return `${ind} i ${area}: förändringen sedan baslinjen kan inte bedömas (${why}).`;
		return `In ${area}, the change in ${lcFirst(ind)} since the baseline cannot be assessed (${why}).`;
	}

	const bp = formatPeriod(baseline.period_start, baseline.period_end);
	const lp = formatPeriod(latest.period_start, latest.period_end);
	const up = changeIsUp(result.outcome, result.polarity);
	const [fl, fb] = pair(latest.value, baseline.value, lang, unit, decimals, up !== null);
	const values = `${bp}: ${fb}; ${lp}: ${fl}`;
	const lvl = levelPhrase(result.level, lang);
	let note = '';
	if (result.baselineChoice === 'latest-with-ci' && result.skippedBaseline) {
		const sp = formatPeriod(result.skippedBaseline.period_start, result.skippedBaseline.period_end);
		note = sv
			? ` Baslinjen är ${bp}, det senaste värdet med konfidensintervall (${sp} saknar intervall).`
			: ` The baseline is ${bp}, the latest value with a confidence interval (${sp} has none).`;
	}
	if (result.method === 'register-direct') {
		if (up === null) {
			if (sv) return `${ind} i ${area} är oförändrad sedan ${bp} (${values}; ${REGISTER_NOTE.sv}).`;
			return `In ${area}, ${lcFirst(ind)} is unchanged since ${bp} (${values}; ${REGISTER_NOTE.en}).`;
		}
		if (sv) return `${ind} i ${area} har ${up ? 'ökat' : 'minskat'} sedan ${bp} (${values}; ${REGISTER_NOTE.sv}).`;
		return `In ${area}, ${lcFirst(ind)} has ${up ? 'increased' : 'decreased'} since ${bp} (${values}; ${REGISTER_NOTE.en}).`;
	}
	if (up === null) {
		if (sv) return `${ind} i ${area}: ingen statistiskt säkerställd förändring sedan ${bp} på ${lvl} (${values}).${note}`;
		return `In ${area}, ${lcFirst(ind)} has not changed significantly since ${bp} at ${lvl} (${values}).${note}`;
	}
	if (sv) return `${ind} i ${area} har ${up ? 'ökat' : 'minskat'} sedan ${bp} (${values}); förändringen är statistiskt säkerställd på ${lvl}.${note}`;
	return `In ${area}, ${lcFirst(ind)} has ${up ? 'increased' : 'decreased'} since ${bp} (${values}); the change is statistically significant at ${lvl}.${note}`;
}

export const TREND_REASON_TEXT: Record<TrendReason, Names> = {
	'too-few-points': { sv: 'färre än fem årsvärden', en: 'fewer than five yearly values' },
	'pooled-periods': { sv: 'bara sammanslagna perioder, inga enskilda år', en: 'only pooled periods, no single years' },
	'series-break': { sv: 'färre än fem årsvärden efter tidsseriebrottet', en: 'fewer than five yearly values after the series break' },
	'no-ci': { sv: 'årsvärdena saknar både konfidensintervall och antal svarande', en: 'the yearly values have neither confidence intervals nor numbers of respondents' }
};

/** A slope with enough decimals that a non-zero value never prints as 0 (at most decimals + 3). */
function slopeText(slope: number, lang: Lang, decimals: number): string {
	let d = decimals;
	let s = formatNumber(Math.abs(slope), lang, d);
	while (/^0([.,]0*)?$/.test(s) && slope !== 0 && d < decimals + 3) s = formatNumber(Math.abs(slope), lang, ++d);
	return `${slope > 0 ? '+' : '−'}${s}`;
}

/**
 * "Andelen … i riket: statistiskt säkerställd ökande trend 2020–2024 (+0,8 procentenheter per år;
 * 99,8 %-nivån)." Says "ingen statistiskt säkerställd trend" / "no significant trend" when the test
 * (99.8 %, leave-one-out) does not support one, and why when it cannot run.
 */
export function describeTrend(args: Common & { area?: Names; result: TrendResult }): string {
	const { indicator, result, lang } = args;
	const area = (args.area ?? SWEDEN)[lang];
	const sv = lang === 'sv';
	const ind = indicator[lang];
	const decimals = args.decimals ?? 1;
	const years = result.years;
	const span = years.length ? formatPeriod(years[0], years[years.length - 1]) : '';
	const register = result.method === 'register-sign';
	const lvl = levelPhrase(0.998, lang);
	const lvlShort = sv ? lvl : '99.8% level';
	if (result.outcome === 'not-assessable') {
		const why = TREND_REASON_TEXT[result.reason ?? 'too-few-points'][lang];
		if (sv) return `${ind} i ${area}: trenden kan inte bedömas (${why}).`;
		return `In ${area}, the trend in ${lcFirst(ind)} cannot be assessed (${why}).`;
	}
	if (result.outcome === 'no-significant-trend') {
		if (register) {
			if (sv) return `${ind} i ${area}: ingen entydig trend ${span} (registeruppgift utan urvalsfel).`;
			return `In ${area}, there is no consistent trend in ${lcFirst(ind)}, ${span} (register data without sampling error).`;
		}
		if (sv) return `${ind} i ${area}: ingen statistiskt säkerställd trend ${span} på ${lvl}.`;
		return `In ${area}, there is no significant trend in ${lcFirst(ind)}, ${span}, at ${lvl}.`;
	}
	const up = result.outcome === 'increasing';
	const slope = slopeText(result.slope ?? 0, lang, decimals);
	const unitWord = (args.unit ?? 'percent') === 'percent' ? (sv ? 'procentenheter' : 'percentage points') : sv ? 'enheter' : 'units';
	if (register) {
		if (sv) return `${ind} i ${area}: ${up ? 'ökande' : 'minskande'} trend ${span} (${slope} ${unitWord} per år; registeruppgift utan urvalsfel).`;
		return `In ${area}, ${lcFirst(ind)} is ${up ? 'increasing' : 'decreasing'}, ${span} (${slope} ${unitWord} per year; register data without sampling error).`;
	}
	if (sv) return `${ind} i ${area}: statistiskt säkerställd ${up ? 'ökande' : 'minskande'} trend ${span} (${slope} ${unitWord} per år; ${lvl}).`;
	return `In ${area}, ${lcFirst(ind)} is ${up ? 'increasing' : 'decreasing'} significantly, ${span} (${slope} ${unitWord} per year; ${lvlShort}).`;
}

/** How a gap's pair was chosen: named in advance by the strategy, or highest vs lowest with a Bonferroni adjustment. */
export type GapBasis = 'strategy-pair' | 'highest-lowest-adjusted';

/**
 * "Skillnaden mellan med funktionsnedsättning (20,0 %) och utan funktionsnedsättning (10,0 %) är
 * 10,0 procentenheter (95 % KI 7,1–12,9); kvoten är 2,0 (1,7–2,3). Skillnaden är statistiskt
 * säkerställd på 95 %-nivån. Paret är ett av dem strategin pekar ut."
 * A ratio whose denominator's interval reaches 0 gets "minst L gånger", no upper bound.
 */
export function describeGap(args: { a: string; b: string; result: GapResult; basis: GapBasis; lang: Lang; unit?: Unit }): string {
	const { a, b, result: g, basis, lang } = args;
	const sv = lang === 'sv';
	const unit = args.unit ?? 'percent';
	const pp = (x: number | null) => formatNumber(x, lang, 1);
	const lvl = levelPhrase(g.level, lang);
	const how =
		basis === 'strategy-pair'
			? sv
				? ' Paret är ett av dem som strategin pekar ut.'
				: ' The pair is one the strategy names.'
			: sv
				? ` Högsta och lägsta grupp väljs efter att data setts, så intervallen är justerade för ${g.comparisons} parvisa jämförelser (Bonferroni).`
				: ` The highest and lowest groups are picked after seeing the data, so the intervals are adjusted for ${g.comparisons} pairwise comparisons (Bonferroni).`;
	if (g.outcome === 'not-assessable') {
		const why = g.reason === 'no-ci' ? NO_CI_NO_N[lang] : g.reason === 'periods-not-aligned' ? (sv ? 'perioderna skiljer sig' : 'the periods differ') : sv ? 'uppgift saknas' : 'a value is missing';
		return sv ? `Skillnaden mellan ${a} och ${b} kan inte bedömas (${why}).` : `The gap between ${a} and ${b} cannot be assessed (${why}).`;
	}
	const va = fmt(g.a, lang, unit, 1);
	const vb = fmt(g.b, lang, unit, 1);
	const unitWord = unit === 'percent' ? (sv ? 'procentenheter' : 'percentage points') : sv ? 'enheter' : 'units';
	// "−0,5 till 2,5" rather than "−0,5–2,5" when a bound is negative.
	const range = (lo: number | null, hi: number | null) => ((lo ?? 0) < 0 || (hi ?? 0) < 0 ? `${pp(lo)} ${sv ? 'till' : 'to'} ${pp(hi)}` : `${pp(lo)}–${pp(hi)}`);
	const adjusted = g.comparisons > 1 ? (sv ? ', justerat' : ', adjusted') : '';
	const ci = sv
		? `${g.level === 0.95 ? '95' : '99,8'}${NBSP}% KI${adjusted} ${range(g.diffCiLow, g.diffCiHigh)}`
		: `${g.level === 0.95 ? '95' : '99.8'}% CI${adjusted} ${range(g.diffCiLow, g.diffCiHigh)}`;
	let ratio = '';
	if (g.ratio !== null && g.ratioCiLow !== null && g.ratioCiHigh !== null) {
		ratio = Number.isFinite(g.ratioCiHigh)
			? sv
				? `; kvoten är ${pp(g.ratio)} (${pp(g.ratioCiLow)}–${pp(g.ratioCiHigh)})`
				: `; the ratio is ${pp(g.ratio)} (${pp(g.ratioCiLow)}–${pp(g.ratioCiHigh)})`
			: sv
				? `; kvoten är ${pp(g.ratio)}, minst ${pp(g.ratioCiLow)} men utan övre gräns, eftersom intervallet för ${b} når 0`
				: `; the ratio is ${pp(g.ratio)}, at least ${pp(g.ratioCiLow)} but with no upper limit, as the interval for ${b} reaches 0`;
	}
	const significant = g.outcome !== 'no-significant-gap';
	const verdict = sv
		? ` Skillnaden är ${significant ? '' : 'inte '}statistiskt säkerställd på ${lvl}.`
		: ` The gap is ${significant ? '' : 'not '}statistically significant at ${lvl}.`;
	return sv
		? `Skillnaden mellan ${a} (${va}) och ${b} (${vb}) är ${pp(g.diff)} ${unitWord} (${ci})${ratio}.${verdict}${how}`
		: `The gap between ${a} (${va}) and ${b} (${vb}) is ${pp(g.diff)} ${unitWord} (${ci})${ratio}.${verdict}${how}`;
}
