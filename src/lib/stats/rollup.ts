/**
 * Status roll-ups for overview pages: one indicator (nation + every region), then a subgoal.
 * They only count outcomes computed elsewhere — no statistics are recomputed here — so a tile and
 * the detailed page can never disagree.
 */
import type { ComparisonOutcome, ComparisonResult } from './compare';
import type { ChangeOutcome, ChangeResult } from './change';
import type { TrendLabel, TrendResult } from './trend';
import type { Level, Polarity } from './types';

export interface RegionStatusInput {
	regionCode: string;
	/** The region against the nation, same window (compareToBenchmark). */
	comparison: ComparisonResult;
	/** The region's own change since baseline, if computed. */
	change?: ChangeResult | null;
}

export interface IndicatorRollupInput {
	indicatorId: string;
	polarity: Polarity;
	nation: { change?: ChangeResult | null; trend?: TrendResult | null };
	regions?: readonly RegionStatusInput[];
}

export type ComparisonCounts = Record<ComparisonOutcome, number>;
export type ChangeCounts = Record<ChangeOutcome, number>;

export interface IndicatorStatus {
	indicatorId: string;
	polarity: Polarity;
	/** The nation's change since baseline ('not-assessable' when not given). */
	nationChange: ChangeOutcome;
	nationTrend: TrendLabel;
	/** Region codes by outcome against the nation. */
	regionsByOutcome: Record<ComparisonOutcome, string[]>;
	/** Region codes by their own change since baseline (regions without a change result are left out). */
	regionsByChange: Record<ChangeOutcome, string[]>;
	/** Each region's outcome, for region-level roll-ups. */
	regionOutcomes: Record<string, { comparison: ComparisonOutcome; change: ChangeOutcome | null }>;
	/** The level the region comparisons were made at (null when mixed or none). */
	level: Level | null;
}

const COMPARISON_OUTCOMES: ComparisonOutcome[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not-compared'];
const CHANGE_OUTCOMES: ChangeOutcome[] = ['improved', 'worsened', 'increased', 'decreased', 'no-detectable-change', 'not-assessable'];
const TREND_LABELS: TrendLabel[] = ['getting-better', 'getting-worse', 'increasing', 'decreasing', 'no-significant-trend', 'not-assessable'];

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
	return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
function emptyLists<K extends string>(keys: readonly K[]): Record<K, string[]> {
	return Object.fromEntries(keys.map((k) => [k, [] as string[]])) as Record<K, string[]>;
}

export function rollUpIndicator(input: IndicatorRollupInput): IndicatorStatus {
	const regionsByOutcome = emptyLists(COMPARISON_OUTCOMES);
	const regionsByChange = emptyLists(CHANGE_OUTCOMES);
	const regionOutcomes: IndicatorStatus['regionOutcomes'] = {};
	const levels = new Set<Level>();
	for (const r of input.regions ?? []) {
		regionsByOutcome[r.comparison.outcome].push(r.regionCode);
		levels.add(r.comparison.level);
		if (r.change) regionsByChange[r.change.outcome].push(r.regionCode);
		regionOutcomes[r.regionCode] = { comparison: r.comparison.outcome, change: r.change?.outcome ?? null };
	}
	return {
		indicatorId: input.indicatorId,
		polarity: input.polarity,
		nationChange: input.nation.change?.outcome ?? 'not-assessable',
		nationTrend: input.nation.trend?.label ?? 'not-assessable',
		regionsByOutcome,
		regionsByChange,
		regionOutcomes,
		level: levels.size === 1 ? [...levels][0] : null
	};
}

export interface RegionSummary {
	/** Indicators by the region's outcome against the nation. */
	comparison: ComparisonCounts;
	/** Indicators by the region's own change since baseline (only those with a change result). */
	change: ChangeCounts;
}

export interface SubgoalSummary {
	indicators: number;
	/** How many indicators improved / worsened / … nationally since baseline. */
	nationChange: ChangeCounts;
	/** How many indicators have each national trend label. */
	nationTrend: Record<TrendLabel, number>;
	/** Per indicator: how many regions are better / similar / worse … than the nation. */
	byIndicator: { indicatorId: string; regions: ComparisonCounts }[];
	/** Region × indicator pairs, by outcome (e.g. worse: 7 = seven region-indicator pairs worse than the nation). */
	regionComparisons: ComparisonCounts;
	/** Per region: its profile across the subgoal's indicators. */
	byRegion: Record<string, RegionSummary>;
}

export function rollUpSubgoal(statuses: readonly IndicatorStatus[]): SubgoalSummary {
	const nationChange = zeroCounts(CHANGE_OUTCOMES);
	const nationTrend = zeroCounts(TREND_LABELS);
	const regionComparisons = zeroCounts(COMPARISON_OUTCOMES);
	const byRegion: Record<string, RegionSummary> = {};
	const byIndicator: SubgoalSummary['byIndicator'] = [];
	for (const s of statuses) {
		nationChange[s.nationChange]++;
		nationTrend[s.nationTrend]++;
		const regions = zeroCounts(COMPARISON_OUTCOMES);
		for (const o of COMPARISON_OUTCOMES) {
			regions[o] = s.regionsByOutcome[o].length;
			regionComparisons[o] += regions[o];
		}
		byIndicator.push({ indicatorId: s.indicatorId, regions });
		for (const [code, r] of Object.entries(s.regionOutcomes)) {
			const summary = (byRegion[code] ??= { comparison: zeroCounts(COMPARISON_OUTCOMES), change: zeroCounts(CHANGE_OUTCOMES) });
			summary.comparison[r.comparison]++;
			if (r.change) summary.change[r.change]++;
		}
	}
	return { indicators: statuses.length, nationChange, nationTrend, byIndicator, regionComparisons, byRegion };
}
