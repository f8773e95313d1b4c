/**
 * Gaps between population groups: the strategy's overarching goal is *equal conditions*, so a
 * gap (disabled vs not, living alone vs not, an age band vs all ages …) is reported with its own
 * uncertainty.
 *
 * Independent groups (disjoint samples: disabled vs NOT disabled, women vs men):
 * - absolute gap a − b, CI from √(se_a² + se_b²) with side-aware SEs (`diffTest`), so the gap is
 *   "significant" exactly when the z-test in compare.ts says the two differ;
 * - ratio a/b with the MOVER-R interval (Donner & Zou 2012), built from the two groups' own
 *   interval bounds (l, u) at the level:
 *     L = (ab − √((ab)² − l_a·u_b·(2a − l_a)(2b − u_b))) / (u_b(2b − u_b)),
 *     U = (ab + √((ab)² − u_a·l_b·(2a − u_a)(2b − l_b))) / (l_b(2b − l_b)).
 *   When b's interval reaches 0 (l_b ≤ 0) the ratio has no finite upper bound: U = +∞ and the
 *   page says "at least L times". Needs a > 0 and b > 0.
 * - Several groups: when the pair is not one named in advance but picked after seeing the data
 *   (highest vs lowest of k groups), `comparisons: k(k−1)/2` widens the interval by Bonferroni,
 *   z = Φ⁻¹(1 − (1 − level)/(2m)), so the chance of a false gap stays at 1 − level.
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
import { ciAtLevel, hasValidCi, hasValue, samePeriod, seLower, seUpper, usableEstimate, type DataKind, type Estimate, type Level } from './types';

export type GapOutcome = 'a-higher' | 'b-higher' | 'no-significant-gap' | 'not-assessable';
export type GapReason = 'missing-value' | 'no-ci' | 'periods-not-aligned';

export interface GapResult {
	outcome: GapOutcome;
	reason?: GapReason;
	level: Level;
	/** Pairwise comparisons adjusted for (Bonferroni); 1 = a pair named in advance, no adjustment. */
	comparisons: number;
	/** Critical value used (1.959964 or 3.090232 unadjusted). */
	zCritical: number;
	overlapping: boolean;
	period_start: number;
	period_end: number;
	a: number | null;
	b: number | null;
	/** a − b (percentage points for shares). */
	diff: number | null;
	diffCiLow: number | null;
	diffCiHigh: number | null;
	/** Symmetric SE of the gap: √(se_a² + se_b²), or se_a alone when overlapping. */
	diffSe: number | null;
	/** a / b, null when b ≤ 0 or a ≤ 0. */
	ratio: number | null;
	ratioCiLow: number | null;
	/** +Infinity when b's interval reaches 0: the data set no upper limit on the ratio. */
	ratioCiHigh: number | null;
	seLogRatio: number | null;
}

type WithCi = Estimate & { value: number; ci_low: number; ci_high: number };

/** Critical value for `comparisons` pairwise tests at `level` (Bonferroni). */
export function adjustedZ(level: Level, comparisons = 1): number {
	const m = Math.max(1, comparisons);
	return m === 1 ? zFor(level) : zFor(1 - (1 - level) / m);
}

/** MOVER-R interval for a/b from the two intervals (independent groups, a > 0, b > 0). */
export function moverRatio(a: number, [la, ua]: readonly [number, number], b: number, [lb, ub]: readonly [number, number]): [number, number] {
	const ab = a * b;
	const lower = (ab - Math.sqrt(Math.max(0, ab * ab - la * ub * (2 * a - la) * (2 * b - ub)))) / (ub * (2 * b - ub));
	const upper = lb <= 0 ? Infinity : (ab + Math.sqrt(Math.max(0, ab * ab - ua * lb * (2 * a - ua) * (2 * b - lb)))) / (lb * (2 * b - lb));
	return [Math.max(0, lower), upper];
}

/** Gap between two groups in the same window. See the module comment for `overlapping` and `comparisons`. */
export function gap(
	aIn: Estimate,
	bIn: Estimate,
	level: Level,
	options: { overlapping?: boolean; comparisons?: number } & DataKind = {}
): GapResult {
	const overlapping = options.overlapping ?? false;
	const comparisons = Math.max(1, options.comparisons ?? 1);
	const z = adjustedZ(level, comparisons);
	const a = usableEstimate(aIn, options).estimate;
	const b = usableEstimate(bIn, options).estimate;
	const base: GapResult = {
		outcome: 'not-assessable',
		level,
		comparisons,
		zCritical: z,
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

	const bc = b as WithCi;
	const t = diffTest(a as WithCi, bc, comparisons === 1 ? level : 1 - (1 - level) / comparisons);
	let ratio: number | null = null;
	let rLo: number | null = null;
	let rHi: number | null = null;
	let seLog: number | null = null;
	if (positive) {
		ratio = av / bv;
		// Each group's interval at the (adjusted) level; the unadjusted levels use the rebuilt CIs.
		const at = (e: WithCi): [number, number] =>
			comparisons === 1 ? ciAtLevel(e, level, options) : [e.value - z * seLower(e), e.value + z * seUpper(e)];
		[rLo, rHi] = moverRatio(av, at(a as WithCi), bv, at(bc));
		seLog = Math.hypot((a.ci_high - a.ci_low) / (2 * zFor(0.95)) / av, (bc.ci_high - bc.ci_low) / (2 * zFor(0.95)) / bv);
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
