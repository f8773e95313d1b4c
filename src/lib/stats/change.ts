/**
 * Change since the strategy's baseline (the strategy runs 2025–2029).
 *
 * - baseline: among values for periods ending before 2025, the latest one WITH a usable CI; only
 *   when none has a CI, the latest value (the test then cannot run: reason 'no-ci').
 *   `baselineChoice` says which: 'latest' or 'latest-with-ci' (a later pre-2025 value without a CI
 *   was passed over; `skippedBaseline` is that value);
 * - latest: the last value for a period lying WHOLLY in the strategy period (period_start ≥ 2025).
 *   A rolling window that still contains pre-strategy years (2022–2025: three of its four years
 *   before the strategy) is not a strategy-period value, and it shares years with the baseline
 *   window 2021–2024, so the two are not independent. Such windows are not compared: reason
 *   'window-before-strategy'. Baseline and latest therefore never overlap.
 * - test: z-test on latest − baseline as two independent estimates (different survey years draw
 *   different samples), side-aware SEs from the 95 % CIs (see `diffTest`). A survey percentage
 *   with n but no CI gets a Wilson interval from n first (`usableEstimate`).
 * - register data (`sampling: 'register'`): no sampling error, so the change is the difference of
 *   the two published values, reported as it is (0 → 'no-detectable-change').
 *
 * A series break (new question wording, new mode, new weighting) makes values on either side
 * not comparable: no change is reported across it (see `comparableAcrossBreaks`).
 */
import { diffTest, isHigher, type ComparisonOutcome } from './compare';
import { byPeriod, comparableAcrossBreaks, periodsOverlap } from './periods';
import { hasValidCi, hasValue, usableEstimate, type DataKind, type Estimate, type Level, type Polarity } from './types';

export type ChangeOutcome = 'improved' | 'worsened' | 'increased' | 'decreased' | 'no-detectable-change' | 'not-assessable';
export type ChangeReason = 'no-baseline' | 'no-later-value' | 'window-before-strategy' | 'series-break' | 'no-ci';
/** Which pre-2025 value the baseline is: the latest, or the latest with a CI (a later one had none). */
export type BaselineChoice = 'latest' | 'latest-with-ci';

export interface ChangeResult {
	outcome: ChangeOutcome;
	reason?: ChangeReason;
	level: Level;
	polarity: Polarity;
	/** The first year of the strategy period: baseline is the latest value ending before it. */
	baselineBefore: number;
	baseline: Estimate | null;
	baselineChoice: BaselineChoice;
	/** The later pre-2025 value passed over because it has no CI (null when none was). */
	skippedBaseline: Estimate | null;
	latest: Estimate | null;
	/** latest − baseline (absolute, in the indicator's unit, e.g. percentage points). */
	change: number | null;
	changeCiLow: number | null;
	changeCiHigh: number | null;
	z: number | null;
	p: number | null;
	/** Always false for an assessed change: overlapping windows are not compared (kept for callers). */
	overlappingPeriods: boolean;
	/** 'register' for register data (direct difference), else 'z-test'. */
	method: 'z-test' | 'register-direct';
}

export interface ChangeOptions extends DataKind {
	polarity: Polarity;
	level: Level;
	/** Default 2025 (the strategy's first year). */
	baselineBefore?: number;
	/** Years b at which a series break happens: values from b on are not comparable with earlier ones. */
	seriesBreaks?: readonly number[];
}

function changeOutcome(diff: number, polarity: Polarity): 'improved' | 'worsened' | 'increased' | 'decreased' {
	if (polarity === 'higher-is-better') return diff > 0 ? 'improved' : 'worsened';
	if (polarity === 'higher-is-worse') return diff > 0 ? 'worsened' : 'improved';
	return diff > 0 ? 'increased' : 'decreased';
}

/** Change between the baseline and the latest value of one series (one region, one group). */
export function changeSinceBaseline(series: readonly Estimate[], options: ChangeOptions): ChangeResult {
	const { polarity, level } = options;
	const baselineBefore = options.baselineBefore ?? 2025;
	const breaks = options.seriesBreaks ?? [];
	const register = options.sampling === 'register';
	const sorted = series
		.filter((e) => hasValue(e))
		.map((e) => usableEstimate(e, options).estimate)
		.sort(byPeriod);
	const before = sorted.filter((e) => e.period_end < baselineBefore);
	const latestBefore = before.at(-1) ?? null;
	const latestWithCi = register ? latestBefore : ([...before].reverse().find((e) => hasValidCi(e)) ?? null);
	const baseline = latestWithCi ?? latestBefore;
	const baselineChoice: BaselineChoice = baseline && baseline !== latestBefore ? 'latest-with-ci' : 'latest';
	const skippedBaseline = baselineChoice === 'latest-with-ci' ? latestBefore : null;
	const inStrategy = sorted.filter((e) => e.period_start >= baselineBefore);
	const latest = inStrategy.at(-1) ?? null;
	const straddling = sorted.filter((e) => e.period_start < baselineBefore && e.period_end >= baselineBefore).at(-1) ?? null;
	const empty = {
		level,
		polarity,
		baselineBefore,
		baseline,
		baselineChoice,
		skippedBaseline,
		latest,
		change: null,
		changeCiLow: null,
		changeCiHigh: null,
		z: null,
		p: null,
		overlappingPeriods: baseline && latest ? periodsOverlap(baseline, latest) : false,
		method: register ? ('register-direct' as const) : ('z-test' as const)
	};
	if (!baseline) return { ...empty, outcome: 'not-assessable', reason: 'no-baseline' };
	if (!latest) {
		if (straddling) return { ...empty, latest: straddling, outcome: 'not-assessable', reason: 'window-before-strategy' };
		return { ...empty, outcome: 'not-assessable', reason: 'no-later-value' };
	}
	const change = (latest.value as number) - (baseline.value as number);
	if (!comparableAcrossBreaks(baseline, latest, breaks))
		return { ...empty, change, outcome: 'not-assessable', reason: 'series-break' };
	if (register)
		return { ...empty, change, changeCiLow: change, changeCiHigh: change, outcome: change === 0 ? 'no-detectable-change' : changeOutcome(change, polarity) };
	if (!hasValidCi(baseline) || !hasValidCi(latest))
		return { ...empty, change, outcome: 'not-assessable', reason: 'no-ci' };
	const t = diffTest(latest, baseline, level);
	return {
		...empty,
		outcome: t.significant ? changeOutcome(t.diff, polarity) : 'no-detectable-change',
		change: t.diff,
		changeCiLow: t.ciLow,
		changeCiHigh: t.ciHigh,
		z: t.z,
		p: t.p
	};
}

/** A change outcome as the comparison word for "later against earlier": the direction rule is then said once (`isHigher`). */
const AS_COMPARISON: Partial<Record<ChangeOutcome, ComparisonOutcome>> = { increased: 'higher', decreased: 'lower', improved: 'better', worsened: 'worse' };

/** Whether a change outcome says the value went up (null when it says nothing). */
export function changeIsUp(outcome: ChangeOutcome, polarity: Polarity): boolean | null {
	const asComparison = AS_COMPARISON[outcome];
	return asComparison ? isHigher(asComparison, polarity) : null;
}
