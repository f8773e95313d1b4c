/**
 * Comparing an estimate with a benchmark (Fingertips' model: anchors.md §1.2, §5).
 *
 * Two methods, chosen by what the two things are:
 *
 * - 'ci-overlap-benchmark' (default; Fingertips' "single overlapping CIs", FingertipsNext's
 *   CIOverlappingReferenceValue95/99_8): *similar* when the benchmark's VALUE lies inside the
 *   estimate's CI (bounds inclusive); otherwise better/worse (or higher/lower) by direction and
 *   polarity. The benchmark is treated as a fixed number. Use it when the benchmark is the nation
 *   and the estimate a region (or a subgroup) of that nation: the region's respondents are part of
 *   the nation's sample, so the two are positively correlated and the nation's own sampling error
 *   is small; adding it as if independent would be wrong in both respects. Treating the nation
 *   as fixed is also what readers of "worse than Sweden" expect.
 *
 * - 'z-test': the test on the difference of two INDEPENDENT estimates,
 *   z = (a − b)/√(se_a² + se_b²), SEs derived from the 95 % CIs. Use it for region vs region,
 *   group vs group (disjoint groups), or a year vs another year: samples that do not overlap.
 *   (Checking whether two CIs overlap — Fingertips' "double overlapping CIs" — is NOT offered: it
 *   is much too conservative at a nominal 95 %.)
 *
 * 99.8 %: published CIs are 95 %. For 99.8 % the CI is rebuilt from the SE of the side facing
 * the benchmark, SE = (value − ci_low)/1.959964 or (ci_high − value)/1.959964 (equal for symmetric
 * CIs, = (ci_high − ci_low)/(2·1.959964)), as value ± 3.090232·SE. For Wilson/asymmetric CIs this
 * is an approximation on the natural scale that keeps each side's width; it is exact for
 * normal-approximation CIs.
 *
 * Anything that cannot support a claim gives outcome 'not-compared' with a reason — the page
 * then says "too uncertain to compare" instead of showing a colour.
 */
import { twoSidedP, zFor } from './normal';
import { hasValidCi, hasValue, samePeriod, seLower, seUpper, type Estimate, type Level, type Polarity } from './types';

export type ComparisonMethod = 'ci-overlap-benchmark' | 'z-test';
export type ComparisonOutcome = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';
export type NotComparedReason = 'no-ci' | 'suppressed' | 'periods-not-aligned' | 'missing-value' | 'no-benchmark';

export interface ComparisonDetails {
	/** The estimate's value and window. */
	value: number | null;
	period_start: number;
	period_end: number;
	/** The benchmark's value and window (null when there is no benchmark). */
	benchmarkValue: number | null;
	benchmark_period_start: number | null;
	benchmark_period_end: number | null;
	/** value − benchmarkValue. */
	diff: number | null;
	/** Estimate's CI at `level` (rebuilt at 99.8 %; the published one at 95 %). */
	ciLow: number | null;
	ciHigh: number | null;
	/** CI of `diff` at `level`: for the benchmark rule the estimate's CI minus the benchmark value. */
	diffCiLow: number | null;
	diffCiHigh: number | null;
	/** z statistic (benchmark rule: diff / SE of the side facing the benchmark) and two-sided p. */
	z: number | null;
	p: number | null;
	/** Critical value used: 1.959964 or 3.090232. */
	zCritical: number;
}

export interface ComparisonResult {
	outcome: ComparisonOutcome;
	reason?: NotComparedReason;
	level: Level;
	method: ComparisonMethod;
	polarity: Polarity;
	details: ComparisonDetails;
}

export interface CompareOptions {
	polarity: Polarity;
	level: Level;
	method?: ComparisonMethod;
}

/** Direction + polarity → outcome word. `sign` > 0 means the estimate is higher. */
export function directionOutcome(sign: number, polarity: Polarity): 'better' | 'worse' | 'higher' | 'lower' {
	const higher = sign > 0;
	if (polarity === 'higher-is-better') return higher ? 'better' : 'worse';
	if (polarity === 'higher-is-worse') return higher ? 'worse' : 'better';
	return higher ? 'higher' : 'lower';
}

/** Whether an outcome says the estimate is higher than the benchmark (needs the polarity). */
export function isHigher(outcome: ComparisonOutcome, polarity: Polarity): boolean | null {
	if (outcome === 'higher') return true;
	if (outcome === 'lower') return false;
	if (outcome === 'better') return polarity === 'higher-is-better';
	if (outcome === 'worse') return polarity === 'higher-is-worse';
	return null;
}

/** Result of the independent-samples test on a − b, shared by compare, change and gaps. */
export interface DiffTest {
	diff: number;
	z: number;
	p: number;
	/** CI of a − b at the level; asymmetric when the inputs' CIs are. */
	ciLow: number;
	ciHigh: number;
	/** Significant at the level: |z| > zCritical (equivalently the CI excludes 0). */
	significant: boolean;
	/** Symmetric SE of the difference, √(se_a² + se_b²) with se = (hi − lo)/(2·1.96). */
	se: number;
}

type WithCi = Estimate & { value: number; ci_low: number; ci_high: number };

/**
 * z-test on the difference of two independent estimates. Side-aware SEs: when a > b the question
 * is whether a could be lower and b higher, so a's lower-side SE and b's upper-side SE are used
 * (and the other way round). The CI of a − b uses the same sides at each end, so "CI excludes 0"
 * and "|z| > z_crit" always agree. Symmetric inputs give the textbook test.
 */
export function diffTest(a: WithCi, b: WithCi, level: Level): DiffTest {
	const zc = zFor(level);
	const d = a.value - b.value;
	const seDown = Math.hypot(seLower(a), seUpper(b)); // uncertainty below d
	const seUp = Math.hypot(seUpper(a), seLower(b)); // uncertainty above d
	const seFacing = d > 0 ? seDown : seUp; // side facing 0
	const z = d === 0 ? 0 : seFacing === 0 ? Math.sign(d) * Infinity : d / seFacing;
	const se = Math.hypot((a.ci_high - a.ci_low) / (2 * zFor(0.95)), (b.ci_high - b.ci_low) / (2 * zFor(0.95)));
	return {
		diff: d,
		z,
		p: twoSidedP(z),
		ciLow: d - zc * seDown,
		ciHigh: d + zc * seUp,
		significant: Math.abs(z) > zc,
		se
	};
}

function baseDetails(estimate: Estimate, benchmark: Estimate | null | undefined, level: Level): ComparisonDetails {
	const bv = benchmark && hasValue(benchmark) ? benchmark.value : null;
	const v = hasValue(estimate) ? estimate.value : null;
	return {
		value: v,
		period_start: estimate.period_start,
		period_end: estimate.period_end,
		benchmarkValue: bv,
		benchmark_period_start: benchmark ? benchmark.period_start : null,
		benchmark_period_end: benchmark ? benchmark.period_end : null,
		diff: v !== null && bv !== null ? v - bv : null,
		ciLow: null,
		ciHigh: null,
		diffCiLow: null,
		diffCiHigh: null,
		z: null,
		p: null,
		zCritical: zFor(level)
	};
}

/**
 * Why a pair cannot be compared, or null when it can. Order: the estimate itself (suppressed /
 * missing), then the benchmark, then the windows, then the CIs.
 */
function notComparedReason(
	estimate: Estimate,
	benchmark: Estimate | null | undefined,
	method: ComparisonMethod
): NotComparedReason | null {
	if (!hasValue(estimate)) return estimate.status ? 'suppressed' : 'missing-value';
	if (!benchmark || !hasValue(benchmark)) return 'no-benchmark';
	if (!samePeriod(estimate, benchmark)) return 'periods-not-aligned';
	if (!hasValidCi(estimate)) return 'no-ci';
	if (method === 'z-test' && !hasValidCi(benchmark)) return 'no-ci';
	return null;
}

/**
 * Compare one estimate with a benchmark at one level. See the module comment for which method
 * fits which pair. Periods must match exactly (see `alignPeriods`).
 */
export function compareToBenchmark(
	estimate: Estimate,
	benchmark: Estimate | null | undefined,
	options: CompareOptions
): ComparisonResult {
	const { polarity, level } = options;
	const method: ComparisonMethod = options.method ?? 'ci-overlap-benchmark';
	const details = baseDetails(estimate, benchmark, level);
	const reason = notComparedReason(estimate, benchmark, method);
	if (reason) return { outcome: 'not-compared', reason, level, method, polarity, details };

	const e = estimate as WithCi;
	const b = benchmark as Estimate & { value: number };
	const zc = details.zCritical;

	if (method === 'z-test') {
		const t = diffTest(e, b as WithCi, level);
		const lo = level === 0.95 ? e.ci_low : e.value - zc * seLower(e);
		const hi = level === 0.95 ? e.ci_high : e.value + zc * seUpper(e);
		return {
			outcome: t.significant ? directionOutcome(t.diff, polarity) : 'similar',
			level,
			method,
			polarity,
			details: { ...details, ciLow: lo, ciHigh: hi, diffCiLow: t.ciLow, diffCiHigh: t.ciHigh, z: t.z, p: t.p }
		};
	}

	// Benchmark value inside the estimate's CI at the level.
	const d = e.value - b.value;
	const lo95 = e.ci_low;
	const hi95 = e.ci_high;
	const lo = level === 0.95 ? lo95 : e.value - zc * seLower(e);
	const hi = level === 0.95 ? hi95 : e.value + zc * seUpper(e);
	// At 99.8 % "inside the 95 % CI" is checked too, so rounding can never make 99.8 % stricter.
	const inside = (b.value >= lo && b.value <= hi) || (b.value >= lo95 && b.value <= hi95);
	const seFacing = d > 0 ? seLower(e) : seUpper(e);
	const z = d === 0 ? 0 : seFacing === 0 ? Math.sign(d) * Infinity : d / seFacing;
	return {
		outcome: inside ? 'similar' : directionOutcome(d, polarity),
		level,
		method,
		polarity,
		details: { ...details, ciLow: lo, ciHigh: hi, diffCiLow: lo - b.value, diffCiHigh: hi - b.value, z, p: twoSidedP(z) }
	};
}

export type BothLevelsOutcome =
	| 'better-99.8'
	| 'better-95'
	| 'similar'
	| 'worse-95'
	| 'worse-99.8'
	| 'higher-99.8'
	| 'higher-95'
	| 'lower-95'
	| 'lower-99.8'
	| 'not-compared';

export interface BothLevelsResult {
	outcome: BothLevelsOutcome;
	reason?: NotComparedReason;
	method: ComparisonMethod;
	polarity: Polarity;
	at95: ComparisonResult;
	at998: ComparisonResult;
}

/**
 * Fingertips' two-CI-level comparison (SingleOverlappingCIsForTwoCILevelsComparer): five levels.
 * Different at 99.8 % → 'worse-99.8' (Fingertips "worst"); different at 95 % only → 'worse-95';
 * else 'similar'. Higher/lower variants for no-judgement indicators.
 */
export function compareBothLevels(
	estimate: Estimate,
	benchmark: Estimate | null | undefined,
	options: { polarity: Polarity; method?: ComparisonMethod }
): BothLevelsResult {
	const method = options.method ?? 'ci-overlap-benchmark';
	const at95 = compareToBenchmark(estimate, benchmark, { ...options, method, level: 0.95 });
	const at998 = compareToBenchmark(estimate, benchmark, { ...options, method, level: 0.998 });
	const base = { method, polarity: options.polarity, at95, at998 };
	if (at95.outcome === 'not-compared') return { ...base, outcome: 'not-compared', reason: at95.reason };
	if (at95.outcome === 'similar') return { ...base, outcome: 'similar' };
	if (at998.outcome === 'similar') return { ...base, outcome: `${at95.outcome}-95` as BothLevelsOutcome };
	return { ...base, outcome: `${at998.outcome}-99.8` as BothLevelsOutcome };
}
