/**
 * Plain-language sentences, Swedish and English, from outcome objects ALREADY computed by
 * compare.ts, change.ts and trend.ts. Nothing is recomputed here; each sentence only says what
 * the outcome supports:
 * - a difference → "högre/lägre" / "higher/lower" (the direction, read from outcome + polarity);
 * - 'similar' → "skiljer sig inte säkert från" / "not significantly different from";
 * - 'not-compared' → why ("för osäkert för att jämföra" / "too uncertain to compare", or "går inte
 *   att jämföra" / "cannot be compared" for missing values and mismatched periods).
 *
 * Numbers: one decimal by default (sv "15,2 %", en "15.2%", see i18n/format.ts). When a
 * significant difference would print two equal numbers ("12,9 % mot 12,9 %"), up to two more
 * decimals are shown until they differ, so the sentence never looks self-contradictory.
 */
import { formatNumber, formatPercent, formatPeriod, type Lang } from '../i18n/format';
import { isHigher, type ComparisonResult, type NotComparedReason } from './compare';
import { changeIsUp, type ChangeReason, type ChangeResult } from './change';
import type { TrendResult } from './trend';

export interface Names {
	sv: string;
	en: string;
}

export type Unit = 'percent' | 'number';

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

const NOT_COMPARED_TEXT: Record<NotComparedReason, { sv: string; en: string; uncertain: boolean }> = {
	'no-ci': { sv: 'konfidensintervall saknas', en: 'no confidence interval', uncertain: true },
	suppressed: { sv: 'uppgiften redovisas inte av källan', en: 'the source does not publish the value', uncertain: true },
	'missing-value': { sv: 'uppgift saknas', en: 'no value', uncertain: false },
	'no-benchmark': { sv: 'jämförelsevärde saknas', en: 'no value to compare with', uncertain: false },
	'periods-not-aligned': { sv: 'olika perioder', en: 'different periods', uncertain: false }
};

/**
 * "Andelen som saknar någon att anförtro sig åt är högre i Gävleborgs län än i riket
 * (15,2 % mot 12,9 %, 2021–2024)." / "The proportion with no one to confide in is higher in
 * Gävleborg County than in Sweden (15.2% vs 12.9%, 2021–2024)."
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

	if (result.outcome === 'not-compared') {
		const reason = result.reason ?? 'missing-value';
		const t = NOT_COMPARED_TEXT[reason];
		let why = t[lang];
		if (reason === 'periods-not-aligned' && d.benchmark_period_start !== null && d.benchmark_period_end !== null) {
			const bp = formatPeriod(d.benchmark_period_start, d.benchmark_period_end);
			why += sv ? `: ${period} mot ${bp}` : `: ${period} vs ${bp}`;
		} else {
			why += `, ${period}`;
		}
		if (sv) return `${ind}, ${a}: ${t.uncertain ? 'för osäkert för att jämföra' : 'går inte att jämföra'} med ${b} (${why}).`;
		return `${ind}, ${a}: ${t.uncertain ? 'too uncertain to compare' : 'cannot be compared'} with ${b} (${why}).`;
	}

	const higher = isHigher(result.outcome, result.polarity);
	const [fv, fb] = pair(d.value, d.benchmarkValue, lang, unit, decimals, higher !== null);
	if (higher === null) {
		// 'similar'
		if (sv) return `${ind} i ${a} skiljer sig inte säkert från ${b} (${fv} mot ${fb}, ${period}).`;
		return `In ${a}, ${lcFirst(ind)} is not significantly different from ${b} (${fv} vs ${fb}, ${period}).`;
	}
	if (sv) return `${ind} är ${higher ? 'högre' : 'lägre'} i ${a} än i ${b} (${fv} mot ${fb}, ${period}).`;
	return `${ind} is ${higher ? 'higher' : 'lower'} in ${a} than in ${b} (${fv} vs ${fb}, ${period}).`;
}

const CHANGE_REASON_TEXT: Record<ChangeReason, { sv: string; en: string }> = {
	'no-baseline': { sv: 'inget värde före strategiperioden', en: 'no value before the strategy period' },
	'no-later-value': { sv: 'inget nytt värde ännu', en: 'no new value yet' },
	'series-break': { sv: 'tidsseriebrott, värdena är inte jämförbara', en: 'series break, the values are not comparable' },
	'no-ci': { sv: 'konfidensintervall saknas', en: 'no confidence interval' }
};

/**
 * "Andelen … i riket har ökat sedan 2024 (2024: 12,9 %; 2026: 14,1 %)." /
 * "Andelen … i riket: ingen säkerställd förändring sedan 2024 (2024: 12,9 %; 2026: 13,2 %)."
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
		let why = CHANGE_REASON_TEXT[result.reason ?? 'no-baseline'][lang];
		if (result.reason === 'no-later-value' && baseline) why += sv ? ` efter ${formatPeriod(baseline.period_start, baseline.period_end)}` : ` after ${formatPeriod(baseline.period_start, baseline.period_end)}`;
		if (sv) return `${ind} i ${area}: förändringen sedan baslinjen kan inte bedömas (${why}).`;
		return `In ${area}, the change in ${lcFirst(ind)} since the baseline cannot be assessed (${why}).`;
	}

	const bp = formatPeriod(baseline.period_start, baseline.period_end);
	const lp = formatPeriod(latest.period_start, latest.period_end);
	const up = changeIsUp(result.outcome, result.polarity);
	const [fl, fb] = pair(latest.value, baseline.value, lang, unit, decimals, up !== null);
	const values = `${bp}: ${fb}; ${lp}: ${fl}`;
	if (up === null) {
		if (sv) return `${ind} i ${area}: ingen säkerställd förändring sedan ${bp} (${values}).`;
		return `In ${area}, no significant change in ${lcFirst(ind)} since ${bp} (${values}).`;
	}
	if (sv) return `${ind} i ${area} har ${up ? 'ökat' : 'minskat'} sedan ${bp} (${values}).`;
	return `In ${area}, ${lcFirst(ind)} has ${up ? 'increased' : 'decreased'} since ${bp} (${values}).`;
}

/**
 * "Andelen … i riket: ökande trend 2020–2024 (+0,8 procentenheter per år)." Says "ingen säkerställd
 * trend" / "no significant trend" when the test (99.8 %, leave-one-out) does not support one.
 */
export function describeTrend(args: Common & { area?: Names; result: TrendResult }): string {
	const { indicator, result, lang } = args;
	const area = (args.area ?? SWEDEN)[lang];
	const sv = lang === 'sv';
	const ind = indicator[lang];
	const decimals = args.decimals ?? 1;
	const years = result.years;
	const span = years.length ? formatPeriod(years[0], years[years.length - 1]) : '';
	if (result.outcome === 'not-assessable') {
		const why = {
			'too-few-points': sv ? 'färre än fem årliga värden' : 'fewer than five yearly values',
			'pooled-periods': sv ? 'sammanslagna perioder' : 'pooled periods',
			'series-break': sv ? 'för få värden efter tidsseriebrottet' : 'too few values after the series break'
		}[result.reason ?? 'too-few-points'];
		if (sv) return `${ind} i ${area}: trenden kan inte bedömas (${why}).`;
		return `In ${area}, the trend in ${lcFirst(ind)} cannot be assessed (${why}).`;
	}
	if (result.outcome === 'no-significant-trend') {
		if (sv) return `${ind} i ${area}: ingen säkerställd trend ${span}.`;
		return `In ${area}, no significant trend in ${lcFirst(ind)}, ${span}.`;
	}
	const up = result.outcome === 'increasing';
	const slope = formatNumber(Math.abs(result.slope ?? 0), lang, decimals);
	const unitWord = (args.unit ?? 'percent') === 'percent' ? (sv ? 'procentenheter' : 'percentage points') : sv ? 'enheter' : 'units';
	if (sv) return `${ind} i ${area}: ${up ? 'ökande' : 'minskande'} trend ${span} (${up ? '+' : '−'}${slope} ${unitWord} per år).`;
	return `In ${area}, ${lcFirst(ind)} is ${up ? 'increasing' : 'decreasing'}, ${span} (${up ? '+' : '−'}${slope} ${unitWord} per year).`;
}
