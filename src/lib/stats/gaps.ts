/**
 * Gaps between population groups: the strategy's overarching goal is *equal conditions*, so a
 * gap (disabled vs not, living alone vs not, an age band vs all ages …) is reported with its own
 * uncertainty, and so is its change since the baseline.
 *
 * Independent groups (disjoint samples: disabled vs NOT disabled, women vs men):
 * - absolute gap a − b, CI from √(se_a² + se_b²) with side-aware SEs (`diffTest`), so the gap is
 *   "significant" exactly when the z-test in compare.ts says the two differ;
 * - ratio a/b, CI on the log scale: se_log = √((se_a/a)² + (se_b/b)²) (delta method),
 *   CI = exp(ln(a/b) ± z·se_log). Needs a > 0 and b > 0.
 *
 * Overlapping groups (`overlapping: true`): a subgroup against the total it belongs to (an age
 * band vs all ages). They are NOT independent: the total contains the subgroup. Under simple
 * random sampling with a subgroup share π of the sample, Var(a − total) = (1 − π)·Var(a), which is
 * at most Var(a) and smaller than the independent formula's Var(a) + Var(total). So the total is
 * treated as a fixed number (Fingertips' "compared to persons", the benchmark-inside-CI rule):
 * gap CI = a's CI − total, ratio CI = a's CI / total. This is conservative and never claims a gap
 * the benchmark rule would not. Pass the SUBGROUP as `a` and the TOTAL as `b`.
 */
import { diffTest } from './compare';
import { zFor } from './normal';
import { comparableAcrossBreaks } from './periods';
import { hasValidCi, hasValue, samePeriod, seLower, seUpper, type Estimate, type Level } from './types';

export type GapOutcome = 'a-higher' | 'b-higher' | 'no-significant-gap' | 'not-assessable';
export type GapReason = 'missing-value' | 'no-ci' | 'periods-not-aligned';

export interface GapResult {
	outcome: GapOutcome;
	reason?: GapReason;
	level: Level;
	overlapping: boolean;
	period_start: number;
	period_end: number;
	a: number | null;
	b: number | null;
	/** a − b (percentage points for shares). */
	diff: number | null;
	diffCiLow: number | null;
	diffCiHigh: number | null;
	/** Symmetric SE of the gap: √(se_a² + se_b²), or se_a alone when overlapping. Used by `gapChange`. */
	diffSe: number | null;
	/** a / b, null when b ≤ 0 or a ≤ 0. */
	ratio: number | null;
	ratioCiLow: number | null;
	ratioCiHigh: number | null;
	seLogRatio: number | null;
}

type WithCi = Estimate & { value: number; ci_low: number; ci_high: number };

/** Gap between two groups in the same window. See the module comment for `overlapping`. */
export function gap(a: Estimate, b: Estimate, level: Level, options: { overlapping?: boolean } = {}): GapResult {
	const overlapping = options.overlapping ?? false;
	const base: GapResult = {
		outcome: 'not-assessable',
		level,
		overlapping,
		period_start: a.period_start,
		period_end: a.period_end,
		a: hasValue(a) ? a.value : null,
		b: hasValue(b) ? b.value : null,
		diff: hasValue(a) && hasValue(b) ? a.value - b.value : null,
		diffCiLow: null,
		diffCiHigh: null,
		diffSe: null,
		ratio: null,
		ratioCiLow: null,
		ratioCiHigh: null,
		seLogRatio: null
	};
	if (!hasValue(a) || !hasValue(b)) return { ...base, reason: 'missing-value' };
	if (!samePeriod(a, b)) return { ...base, reason: 'periods-not-aligned' };
	if (!hasValidCi(a) || (!overlapping && !hasValidCi(b))) return { ...base, reason: 'no-ci' };
	const z = zFor(level);
	const av = a.value;
	const bv = b.value;
	const positive = av > 0 && bv > 0;

	if (overlapping) {
		const lo = av - z * seLower(a);
		const hi = av + z * seUpper(a);
		const diff = av - bv;
		const significant = bv < lo || bv > hi;
		const seA = (a.ci_high - a.ci_low) / (2 * zFor(0.95));
		return {
			...base,
			outcome: significant ? (diff > 0 ? 'a-higher' : 'b-higher') : 'no-significant-gap',
			diffCiLow: lo - bv,
			diffCiHigh: hi - bv,
			diffSe: seA,
			ratio: positive ? av / bv : null,
			ratioCiLow: positive ? Math.max(0, lo) / bv : null,
			ratioCiHigh: positive ? hi / bv : null,
			seLogRatio: positive ? seA / av : null
		};
	}

	const t = diffTest(a as WithCi, b as WithCi, level);
	let ratio: number | null = null;
	let rLo: number | null = null;
	let rHi: number | null = null;
	let seLog: number | null = null;
	if (positive) {
		ratio = av / bv;
		// Side-aware like the difference: the lower bound of a/b uses a's lower and b's upper side.
		const seLogDown = Math.hypot(seLower(a) / av, seUpper(b as WithCi) / bv);
		const seLogUp = Math.hypot(seUpper(a) / av, seLower(b as WithCi) / bv);
		seLog = Math.hypot((a.ci_high - a.ci_low) / (2 * zFor(0.95)) / av, ((b.ci_high as number) - (b.ci_low as number)) / (2 * zFor(0.95)) / bv);
		rLo = Math.exp(Math.log(ratio) - z * seLogDown);
		rHi = Math.exp(Math.log(ratio) + z * seLogUp);
	}
	return {
		...base,
		outcome: t.significant ? (t.diff > 0 ? 'a-higher' : 'b-higher') : 'no-significant-gap',
		diff: t.diff,
		diffCiLow: t.ciLow,
		diffCiHigh: t.ciHigh,
		diffSe: t.se,
		ratio,
		ratioCiLow: rLo,
		ratioCiHigh: rHi,
		seLogRatio: seLog
	};
}

export type GapChangeOutcome = 'narrowed' | 'widened' | 'no-detectable-change' | 'not-assessable';
export type GapChangeReason = 'gap-not-assessable' | 'series-break' | 'same-period';

export interface GapChangeResult {
	outcome: GapChangeOutcome;
	reason?: GapChangeReason;
	level: Level;
	/** latest.diff − baseline.diff. */
	change: number | null;
	changeCiLow: number | null;
	changeCiHigh: number | null;
	z: number | null;
	/** |latest.diff| − |baseline.diff|: positive = wider. */
	absoluteGapChange: number | null;
	/** The gap changed sign (the other group is now ahead). */
	reversed: boolean;
}

/**
 * Change in the absolute gap between the baseline and the latest window. The two gaps come from
 * different survey years, so they are independent: SE = √(se_gap0² + se_gap1²) with the symmetric
 * gap SEs. 'narrowed'/'widened' refer to the SIZE of the gap |a − b| and are claimed only when the
 * change in a − b is significant; if the sign flipped, `reversed` is true (a significant change from
 * +5 to −6 is reported as 'widened' and reversed — the page should say the order changed).
 */
export function gapChange(
	gapBaseline: GapResult,
	gapLatest: GapResult,
	options: { level?: Level; seriesBreaks?: readonly number[] } = {}
): GapChangeResult {
	const level = options.level ?? gapLatest.level;
	const empty: GapChangeResult = {
		outcome: 'not-assessable',
		level,
		change: null,
		changeCiLow: null,
		changeCiHigh: null,
		z: null,
		absoluteGapChange: null,
		reversed: false
	};
	const g0 = gapBaseline;
	const g1 = gapLatest;
	if (g0.outcome === 'not-assessable' || g1.outcome === 'not-assessable' || g0.diff === null || g1.diff === null || g0.diffSe === null || g1.diffSe === null)
		return { ...empty, reason: 'gap-not-assessable' };
	if (samePeriod(g0, g1)) return { ...empty, reason: 'same-period' };
	if (!comparableAcrossBreaks(g0, g1, options.seriesBreaks ?? [])) return { ...empty, reason: 'series-break' };
	const change = g1.diff - g0.diff;
	const se = Math.hypot(g0.diffSe, g1.diffSe);
	const zc = zFor(level);
	const z = change === 0 ? 0 : se === 0 ? Math.sign(change) * Infinity : change / se;
	const absoluteGapChange = Math.abs(g1.diff) - Math.abs(g0.diff);
	const reversed = Math.sign(g0.diff) * Math.sign(g1.diff) < 0;
	const significant = Math.abs(z) > zc;
	let outcome: GapChangeOutcome = 'no-detectable-change';
	if (significant && absoluteGapChange !== 0) outcome = absoluteGapChange < 0 ? 'narrowed' : 'widened';
	return {
		outcome,
		level,
		change,
		changeCiLow: change - zc * se,
		changeCiHigh: change + zc * se,
		z,
		absoluteGapChange,
		reversed
	};
}
