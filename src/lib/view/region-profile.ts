/**
 * A region's profile against the nation: for each indicator, the region's latest estimate, the
 * nation's estimate for the SAME period (pooled windows are compared only with the same window),
 * the comparison at 95 % and 99.8 %, change since the baseline, where the region sits among all
 * counties, and a plain sentence. Pure: the region page and its tests call it with query rows.
 */
import type { IndicatorMeta, Polarity } from '$lib/data/catalog';
import type { ObservationRow } from '$lib/data/queries';
import { alignPeriods, changeSinceBaseline, compareToBenchmark, describeComparison, trend, type ChangeResult, type ComparisonResult, type TrendResult } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';
import { subjectName } from './outcomes';
import { sameKindAs } from '$lib/data/series';

export interface ProfileRow {
	indicator: IndicatorMeta;
	estimate: ObservationRow | null;
	benchmark: ObservationRow | null;
	at95: ComparisonResult;
	at998: ComparisonResult;
	change: ChangeResult;
	/** Fingertips' trend test on the region's own series (single years only; pooled windows are not tested). */
	trend: TrendResult;
	/** The region's own series (for its sparkline). */
	series: ObservationRow[];
	/** All counties' values for the same period, for the spine. */
	spread: { min: number; q1: number; q3: number; max: number } | null;
	sentence: Record<Lang, string>;
}

const NO_VALUE: ComparisonResult['outcome'] = 'not-compared';

export function quantile(sorted: readonly number[], p: number): number {
	const i = (sorted.length - 1) * p;
	const lo = Math.floor(i), hi = Math.ceil(i);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

export function profileRow(
	indicator: IndicatorMeta,
	regionCode: string,
	regionName: Record<Lang, string>,
	rows: readonly ObservationRow[],
	countiesSamePeriod: readonly ObservationRow[],
	/** What the region is compared with: the nation ('00'), or a municipality's county. */
	benchmarkCode = '00'
): ProfileRow {
	const ownAll = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === regionCode);
	const estimate = ownAll.filter((r) => r.value !== null || r.status !== null).at(-1) ?? null;
	// Real first, never mixed: the series, the benchmark and the change are taken within the estimate's kind.
	const own = sameKindAs(ownAll, estimate);
	const nation = sameKindAs(rows.filter((r) => r.indicator_id === indicator.id && r.region_code === benchmarkCode), estimate);
	const aligned = estimate ? alignPeriods(estimate, nation) : null;
	const benchmark = aligned && aligned.aligned ? (aligned.benchmark as ObservationRow) : null;
	const polarity: Polarity = indicator.polarity;
	const compare = (level: 0.95 | 0.998): ComparisonResult =>
		estimate && regionCode !== benchmarkCode
			? compareToBenchmark(estimate, aligned?.aligned ? benchmark : (nation.at(-1) ?? null), { polarity, level })
			: compareToBenchmark(estimate ?? { value: null, ci_low: null, ci_high: null, period_start: 0, period_end: 0 }, null, { polarity, level });
	const at95 = compare(0.95);
	const at998 = compare(0.998);
	const seriesBreaks = (indicator.series_breaks ?? []).map((b) => b.year);
	const change = changeSinceBaseline(own, { polarity, level: 0.95, seriesBreaks });
	const trendResult = trend(own, { polarity, seriesBreaks });
	const values = sameKindAs(countiesSamePeriod, estimate).filter((r) => r.region_code !== '00' && r.value !== null).map((r) => r.value!).sort((a, b) => a - b);
	const spread = values.length >= 3 ? { min: values[0], q1: quantile(values, 0.25), q3: quantile(values, 0.75), max: values.at(-1)! } : null;
	const sentence = (lang: Lang) =>
		estimate && regionCode !== benchmarkCode
			? describeComparison({ indicator: subjectName(indicator.name), area: regionName, result: at95, lang })
			: '';
	return { indicator, estimate, benchmark, at95, at998, change, trend: trendResult, series: own, spread, sentence: { sv: sentence('sv'), en: sentence('en') } };
}

/** Counties whose profiles are closest (mean absolute difference over shared indicators). */
export function similarRegions(target: string, latestByRegion: Map<string, Map<string, number>>, count = 3): string[] {
	const mine = latestByRegion.get(target);
	if (!mine) return [];
	const scored: [string, number][] = [];
	for (const [code, values] of latestByRegion) {
		if (code === target || code === '00') continue;
		const shared = [...mine.keys()].filter((k) => values.has(k));
		if (shared.length < 3) continue;
		scored.push([code, shared.reduce((s, k) => s + Math.abs(mine.get(k)! - values.get(k)!), 0) / shared.length]);
	}
	return scored.sort((a, b) => a[1] - b[1]).slice(0, count).map(([c]) => c);
}

export { NO_VALUE };
