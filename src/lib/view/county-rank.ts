/**
 * Where each county places among all counties (issue #20 item 2: "plats 21 av 21, 1 = bäst"),
 * with how certain that place is, at the page's confidence level:
 *
 * - survey values with an interval (published, or Wilson from n where only n is published):
 *   the rank range from the intervals at the level (stats/rank.ts);
 * - survey values with neither interval nor n: the place is given, but its certainty cannot be —
 *   such a value could lie anywhere, so it is ranked with an unbounded interval (it never makes
 *   another county's place surer) and the text says the uncertainty is unknown, never "exact";
 * - register values (no sampling error): the place is exact.
 *
 * Example data and real statistics are never ranked together: each kind is ranked among its own,
 * and the text says so when a table holds both. The nation ('00') is not ranked.
 */
import type { Observation } from '$lib/data/observation';
import type { Polarity } from '$lib/data/catalog';
import { ciAtLevel, usableEstimate, type DataKind } from '$lib/stats';
import { rankRegions, rankSentence, type RegionRank } from '$lib/stats/rank';
import type { Lang } from '$lib/i18n/format';
import { levelLabel, levelValue, type LevelKey } from './ci-level';

/** 'register': exact; 'interval': range from the intervals; 'unknown': no interval and no n. */
export type RankCertainty = 'register' | 'interval' | 'unknown';

export interface CountyRank extends RegionRank {
	certainty: RankCertainty;
	demo: boolean;
	/** The ranked rows held both real and example values (each kind ranked among its own). */
	mixed: boolean;
}

export function countyRanks(rows: readonly Observation[], polarity: Polarity, level: LevelKey, kind: DataKind = {}): Map<string, CountyRank> {
	const counties = rows.filter((r) => r.region_code !== '00' && r.value !== null && Number.isFinite(r.value));
	const mixed = counties.some((r) => r.is_demo) && counties.some((r) => !r.is_demo);
	const out = new Map<string, CountyRank>();
	for (const demo of [false, true]) {
		const own = counties.filter((r) => r.is_demo === demo);
		const certainty = new Map<string, RankCertainty>();
		const inputs = own.map((r) => {
			if (kind.sampling === 'register') {
				certainty.set(r.region_code, 'register');
				return { code: r.region_code, value: r.value, ci_low: null, ci_high: null };
			}
			const { estimate, ciSource } = usableEstimate(r, kind);
			if (ciSource === 'none' || estimate.ci_low === null || estimate.ci_high === null || estimate.value === null) {
				certainty.set(r.region_code, 'unknown');
				return { code: r.region_code, value: r.value, ci_low: -Infinity, ci_high: Infinity };
			}
			certainty.set(r.region_code, 'interval');
			const [lo, hi] = ciAtLevel({ ...estimate, value: estimate.value, ci_low: estimate.ci_low, ci_high: estimate.ci_high }, levelValue(level), { unit: kind.unit, ciSource });
			return { code: r.region_code, value: r.value, ci_low: lo, ci_high: hi };
		});
		for (const [code, rank] of rankRegions(inputs, polarity)) out.set(code, { ...rank, certainty: certainty.get(code)!, demo, mixed });
	}
	return out;
}

/** Table cell: "21 av 21 (15–21)", "3 av 21" (exact or certain), "5 av 21 (osäker)" when unknown. */
export function rankCell(r: CountyRank | undefined, lang: Lang): string {
	if (!r) return '–';
	const head = lang === 'sv' ? `${r.rank} av ${r.of}` : `${r.rank} of ${r.of}`;
	if (r.certainty === 'unknown') return `${head} (${lang === 'sv' ? 'osäkerhet okänd' : 'uncertainty unknown'})`;
	return r.best === r.worst ? head : `${head} (${r.best}–${r.worst})`;
}

/** The rank column's header: what 1 means and which level the range is at. */
export function rankHeading(polarity: Polarity, level: LevelKey, lang: Lang): string {
	const one = polarity === 'no-judgement' ? (lang === 'sv' ? 'högst' : 'highest') : lang === 'sv' ? 'bäst' : 'best';
	return lang === 'sv' ? `Plats (1 = ${one}; möjliga platser, ${levelLabel(level, lang)})` : `Rank (1 = ${one}; possible ranks, ${levelLabel(level, lang)})`;
}

/**
 * The county chart's caption: the place, its range and what the range means. Every clause says
 * only what the data support: a range from intervals, "exact" only for register data, and an
 * unknown certainty where the source gives neither interval nor n.
 */
export function rankCaption(name: string, r: CountyRank, polarity: Polarity, level: LevelKey, lang: Lang): string {
	const sv = lang === 'sv';
	const lvl = levelLabel(level, lang);
	// With an unknown certainty the sentence gives the place alone, never a range it cannot back.
	const parts = [rankSentence(name, r.certainty === 'unknown' ? { ...r, best: r.rank, worst: r.rank } : r, polarity, lang)];
	if (r.mixed) parts.push(sv ? `Platsen gäller bland län med ${r.demo ? 'exempeldata' : 'verklig statistik'}; exempeldata och verklig statistik rangordnas aldrig tillsammans.` : `The rank is among counties with ${r.demo ? 'example data' : 'real statistics'}; example data and real statistics are never ranked together.`);
	if (r.certainty === 'register') parts.push(sv ? 'Registeruppgift utan urvalsfel: platsen är exakt.' : 'Register data without sampling error: the rank is exact.');
	else if (r.certainty === 'unknown') parts.push(sv ? 'Källan publicerar varken konfidensintervall eller antal svarande, så hur säker platsen är kan inte anges.' : 'The source publishes neither confidence intervals nor numbers of respondents, so how certain the rank is cannot be stated.');
	else if (r.best === r.worst) parts.push(sv ? `Inget annat läns ${lvl} konfidensintervall överlappar länets, så platsen är statistiskt säkerställd.` : `No other county’s ${lvl} confidence interval overlaps this county’s, so the rank is statistically significant.`);
	else parts.push(sv ? `Möjliga platser enligt ${lvl} konfidensintervall; platser inom överlappande konfidensintervall är inte statistiskt säkerställda.` : `Possible ranks from the ${lvl} confidence intervals; ranks within overlapping confidence intervals are not statistically significant.`);
	return parts.join(' ');
}
