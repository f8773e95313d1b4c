/**
 * A region's profile against the nation: for each indicator, the region's latest estimate, the
 * nation's estimate for the SAME period (pooled windows are compared only with the same window),
 * the comparison at 95 % and 99.8 %, change since the baseline, where the region sits among all
 * counties, and a plain sentence. `regionProfile` runs the one query (through any engine) and
 * builds the page's rows; `profileRow` is pure, for tests with hand-made rows.
 */
import type { IndicatorMeta, Polarity, RegionMeta } from '$lib/data/catalog';
import { run, type Engine } from '$lib/data/engine';
import type { Observation } from '$lib/data/observation';
import { regionProfileQuery } from '$lib/data/queries';
import { alignPeriods, changeSinceBaseline, compareToBenchmark, describeComparison, trend, type ChangeResult, type ComparisonResult, type TrendResult } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';
import { subjectName } from './outcomes';

export interface ProfileRow {
	indicator: IndicatorMeta;
	estimate: Observation | null;
	benchmark: Observation | null;
	at95: ComparisonResult;
	at998: ComparisonResult;
	change: ChangeResult;
	/** Fingertips' trend test on the region's own series (single years only; pooled windows are not tested). */
	trend: TrendResult;
	/** The region's own series (for its sparkline). */
	series: Observation[];
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
	rows: readonly Observation[],
	countiesSamePeriod: readonly Observation[]
): ProfileRow {
	const own = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === regionCode);
	const nation = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === '00');
	const estimate = own.filter((r) => r.value !== null || r.status !== null).at(-1) ?? null;
	const aligned = estimate ? alignPeriods(estimate, nation) : null;
	const benchmark = aligned && aligned.aligned ? (aligned.benchmark as Observation) : null;
	const polarity: Polarity = indicator.polarity;
	const compare = (level: 0.95 | 0.998): ComparisonResult =>
		estimate && regionCode !== '00'
			? compareToBenchmark(estimate, aligned?.aligned ? benchmark : (nation.at(-1) ?? null), { polarity, level })
			: compareToBenchmark(estimate ?? { value: null, ci_low: null, ci_high: null, period_start: 0, period_end: 0 }, null, { polarity, level });
	const at95 = compare(0.95);
	const at998 = compare(0.998);
	const seriesBreaks = (indicator.series_breaks ?? []).map((b) => b.year);
	const change = changeSinceBaseline(own, { polarity, level: 0.95, seriesBreaks });
	const trendResult = trend(own, { polarity, seriesBreaks });
	const values = countiesSamePeriod.filter((r) => r.region_code !== '00' && r.value !== null).map((r) => r.value!).sort((a, b) => a - b);
	const spread = values.length >= 3 ? { min: values[0], q1: quantile(values, 0.25), q3: quantile(values, 0.75), max: values.at(-1)! } : null;
	const sentence = (lang: Lang) =>
		estimate && regionCode !== '00'
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

export interface RegionProfile {
	rows: ProfileRow[];
	/** Counties in the same NUTS2 area. */
	sameArea: string[];
	/** The closest profiles outside the same area. */
	similar: string[];
	/** The rows the profile was built from (sources, exports). */
	observations: Observation[];
}

/**
 * A region's profile from ONE query (every county's and the nation's totals, the same query for
 * every region): each indicator's row with the spread of all counties in the region's latest
 * period, and the counties most alike on those latest values.
 */
export async function regionProfile(engine: Engine, indicators: readonly IndicatorMeta[], regions: readonly RegionMeta[], code: string): Promise<RegionProfile> {
	const region = regions.find((r) => r.code === code);
	if (!region) throw new Error(`unknown region "${code}"`);
	const all = await run(engine, regionProfileQuery({ indicators: indicators.map((i) => i.id), sex: 'T' }));
	const byIndicator = new Map(indicators.map((i) => [i.id, all.filter((r) => r.indicator_id === i.id)]));
	const rows = indicators.map((ind) => {
		const own = byIndicator.get(ind.id)!;
		const mine = own.filter((r) => r.region_code === code || r.region_code === '00');
		const estimate = mine.filter((r) => r.region_code === code && (r.value !== null || r.status !== null)).at(-1);
		const samePeriod = estimate ? own.filter((r) => r.period_start === estimate.period_start && r.period_end === estimate.period_end) : [];
		return profileRow(ind, code, region.name, mine, samePeriod);
	});
	// Similar counties: each county's value in the period of this region's latest estimate.
	const latest = new Map<string, Map<string, number>>();
	for (const p of rows) {
		const e = p.estimate;
		if (!e) continue;
		for (const r of byIndicator.get(p.indicator.id)!)
			if (r.value !== null && r.period_start === e.period_start && r.period_end === e.period_end)
				(latest.get(r.region_code) ?? latest.set(r.region_code, new Map()).get(r.region_code)!).set(p.indicator.id, r.value);
	}
	const sameArea = regions.filter((r) => r.level === 'county' && r.code !== code && r.nuts2 && r.nuts2 === region.nuts2).map((r) => r.code);
	const similar = code === '00' ? [] : similarRegions(code, latest).filter((c) => !sameArea.includes(c));
	return { rows, sameArea, similar, observations: all.filter((r) => r.region_code === code || r.region_code === '00') };
}

/** The spine chart's rows: indicators with a spread and a national value, better to the right, outcomes at `level`. */
export function spineRows(rows: readonly ProfileRow[], lang: Lang, level: '95' | '99.8' = '95') {
	return rows
		.filter((p) => p.spread && p.benchmark?.value != null)
		.map((p) => ({
			id: p.indicator.id,
			label: p.indicator.short[lang],
			nation: p.benchmark!.value!,
			value: p.estimate?.value ?? null,
			...p.spread!,
			orientation: p.indicator.polarity === 'higher-is-worse' ? (-1 as const) : (1 as const),
			outcome: (level === '95' ? p.at95 : p.at998).outcome
		}));
}
