/**
 * Change since the strategy's baseline (the strategy runs 2025–2029; the baseline is the latest
 * value published for a period ending before 2025).
 *
 * - baseline: the latest point with a value and period_end < baselineBefore;
 * - latest: the last point with a value and period_end ≥ baselineBefore;
 * - test: z-test on latest − baseline as two independent estimates (different survey years draw
 *   different samples), SEs from the published 95 % CIs (see `diffTest`).
 *
 * Overlapping windows (a rolling 2022–2025 against 2021–2024) share respondents, so the two are
 * positively correlated and the true variance of the difference is SMALLER than se_a² + se_b²: the
 * independent test is then conservative (it finds fewer changes), never anti-conservative. It is
 * still run, and `overlappingPeriods: true` is reported so a page can say so.
 *
 * A series break (new question wording, new mode, new weighting) makes values on either side
 * not comparable: no change is reported across it (see `comparableAcrossBreaks`).
 */
import { diffTest } from './compare';
import { byPeriod, comparableAcrossBreaks, periodsOverlap } from './periods';
import { hasValidCi, hasValue, type Estimate, type Level, type Polarity } from './types';

export type ChangeOutcome = 'improved' | 'worsened' | 'increased' | 'decreased' | 'no-detectable-change' | 'not-assessable';
export type ChangeReason = 'no-baseline' | 'no-later-value' | 'series-break' | 'no-ci';

export interface ChangeResult {
	outcome: ChangeOutcome;
	reason?: ChangeReason;
	level: Level;
	polarity: Polarity;
	/** The first year of the strategy period: baseline is the latest value ending before it. */
	baselineBefore: number;
	baseline: Estimate | null;
	latest: Estimate | null;
	/** latest − baseline (absolute, in the indicator's unit, e.g. percentage points). */
	change: number | null;
	changeCiLow: number | null;
	changeCiHigh: number | null;
	z: number | null;
	p: number | null;
	overlappingPeriods: boolean;
}

export interface ChangeOptions {
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
	const sorted = series.filter((e) => hasValue(e)).sort(byPeriod);
	const baseline = [...sorted].reverse().find((e) => e.period_end < baselineBefore) ?? null;
	const latestCandidate = sorted.length ? sorted[sorted.length - 1] : null;
	const latest = latestCandidate && latestCandidate.period_end >= baselineBefore ? latestCandidate : null;
	const empty = {
		level,
		polarity,
		baselineBefore,
		baseline,
		latest,
		change: null,
		changeCiLow: null,
		changeCiHigh: null,
		z: null,
		p: null,
		overlappingPeriods: baseline && latest ? periodsOverlap(baseline, latest) : false
	};
	if (!baseline) return { ...empty, outcome: 'not-assessable', reason: 'no-baseline' };
	if (!latest) return { ...empty, outcome: 'not-assessable', reason: 'no-later-value' };
	const change = (latest.value as number) - (baseline.value as number);
	if (!comparableAcrossBreaks(baseline, latest, breaks))
		return { ...empty, change, outcome: 'not-assessable', reason: 'series-break' };
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

/** Whether a change outcome says the value went up (null when it says nothing). */
export function changeIsUp(outcome: ChangeOutcome, polarity: Polarity): boolean | null {
	if (outcome === 'increased') return true;
	if (outcome === 'decreased') return false;
	if (outcome === 'improved') return polarity === 'higher-is-better';
	if (outcome === 'worsened') return polarity === 'higher-is-worse';
	return null;
}
