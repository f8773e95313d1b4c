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
import { preferSingleYears } from '$lib/data/series';
import { alignPeriods, changeSinceBaseline, compareToBenchmark, describeComparison, trend, type ChangeResult, type ComparisonResult, type Level, type TrendResult } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';
import { dataKindOf } from './data-kind';
import { subjectName } from './outcomes';
import { neighbours, similarCounties } from './peers';
import { sameKindAs } from '$lib/data/series';
import { intervalAtLevel, type LevelKey } from './ci-level';
import { countyRanks, type CountyRank } from './county-rank';

export type { LevelKey } from './ci-level';

export interface ProfileRow {
	indicator: IndicatorMeta;
	estimate: Observation | null;
	benchmark: Observation | null;
	at95: ComparisonResult;
	at998: ComparisonResult;
	change: ChangeResult;
	/** Fingertips' trend test on the region's own series (single years only; pooled windows are not tested). */
	trend: TrendResult;
	/** The series trend and change were computed on: for the nation its single years (as on the overview). */
	trendSeries: Observation[];
	/** The region's own series (for its sparkline). */
	series: Observation[];
	/** All counties' values for the same period, for the spine. */
	spread: { min: number; q1: number; q3: number; max: number } | null;
	/** The comparison sentence at each level, so the page's level switch changes the words too. */
	sentence: Record<LevelKey, Record<Lang, string>>;
	/** The estimate's interval at each level (view/ci-level.ts), so the level switch changes the numbers too. */
	ci: Record<LevelKey, [number, number] | null>;
	/** The region's place among the counties in the same period, with its range at each level; null for the nation and municipalities. */
	rank: Record<LevelKey, CountyRank | null>;
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
	countiesSamePeriod: readonly Observation[],
	/** What the region is compared with: the nation ('00'), or a municipality's county. */
	benchmarkCode = '00'
): ProfileRow {
	const ownAll = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === regionCode);
	const estimate = ownAll.filter((r) => r.value !== null || r.status !== null).at(-1) ?? null;
	// Real first, never mixed: the series, the benchmark and the change are taken within the estimate's kind;
	// with only the other kind at hand, the comparison is made so that it says why it is not made (demo-vs-real).
	const own = sameKindAs(ownAll, estimate);
	const nationAll = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === benchmarkCode);
	const nation = sameKindAs(nationAll, estimate);
	const aligned = estimate ? alignPeriods(estimate, nation) : null;
	const benchmark = aligned && aligned.aligned ? (aligned.benchmark as Observation) : null;
	// A benchmark of the other kind only is never shown, but is handed to the comparison so that it
	// is refused with its true reason ('demo-vs-real') rather than "no benchmark".
	const otherKind = !nation.length && estimate ? alignPeriods(estimate, nationAll) : null;
	const polarity: Polarity = indicator.polarity;
	const kind = dataKindOf(indicator);
	const compare = (level: Level): ComparisonResult =>
		estimate && regionCode !== benchmarkCode
			? compareToBenchmark(estimate, aligned?.aligned ? benchmark : otherKind?.aligned ? (otherKind.benchmark as Observation) : (nation.at(-1) ?? null), { polarity, level, ...kind })
			: compareToBenchmark(estimate ?? { value: null, ci_low: null, ci_high: null, period_start: 0, period_end: 0 }, null, { polarity, level, ...kind });
	const at95 = compare(0.95);
	const at998 = compare(0.998);
	const seriesBreaks = (indicator.series_breaks ?? []).map((b) => b.year);
	// The nation is published both per year and as pooled windows (to compare with counties): its
	// own trend and change use the single years, as the overview does.
	const trendSeries = regionCode === '00' ? preferSingleYears(own) : own;
	const change = changeSinceBaseline(trendSeries, { polarity, level: 0.95, seriesBreaks, ...kind });
	const trendResult = trend(trendSeries, { polarity, seriesBreaks, ...kind });
	const values = sameKindAs(countiesSamePeriod, estimate).filter((r) => r.region_code !== '00' && r.value !== null).map((r) => r.value!).sort((a, b) => a - b);
	const spread = values.length >= 3 ? { min: values[0], q1: quantile(values, 0.25), q3: quantile(values, 0.75), max: values.at(-1)! } : null;
	const rankAt = (level: LevelKey) => (estimate && regionCode.length === 2 && regionCode !== '00' ? (countyRanks(countiesSamePeriod, polarity, level, kind).get(regionCode) ?? null) : null);
	const sentence = (result: ComparisonResult, lang: Lang) =>
		estimate && regionCode !== benchmarkCode ? describeComparison({ indicator: subjectName(indicator.name), area: regionName, result, lang, unit: kind.unit }) : '';
	return {
		indicator,
		estimate,
		benchmark,
		at95,
		at998,
		change,
		trend: trendResult,
		trendSeries,
		series: own,
		spread,
		sentence: { '95': { sv: sentence(at95, 'sv'), en: sentence(at95, 'en') }, '99.8': { sv: sentence(at998, 'sv'), en: sentence(at998, 'en') } },
		ci: { '95': estimate ? intervalAtLevel(estimate, '95', kind) : null, '99.8': estimate ? intervalAtLevel(estimate, '99.8', kind) : null },
		rank: { '95': rankAt('95'), '99.8': rankAt('99.8') }
	};
}

export { NO_VALUE };

export interface RegionProfile {
	rows: ProfileRow[];
	/** Land neighbours (view/peers.ts). */
	sameArea: string[];
	/** Counties most alike in population size and density, neighbours excluded. */
	similar: string[];
	/** The rows the profile was built from (sources, exports). */
	observations: Observation[];
}

/**
 * A region's profile from ONE query (every county's and the nation's totals, the same query for
 * every region): each indicator's row with the spread of all counties in the region's latest
 * period, and its comparable counties (neighbours, then alike in population and density).
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
	// Comparable counties by context the indicators do not measure (view/peers.ts): land
	// neighbours, then the counties most alike in population size and density.
	const sameArea = code === '00' ? [] : neighbours(code);
	const similar = code === '00' ? [] : similarCounties(code, { exclude: sameArea });
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
