/**
 * Comparing an estimate with a benchmark (Fingertips' model: anchors.md §1.2, §5).
 *
 * Three methods, chosen by what the two things are:
 *
 * - 'ci-overlap-benchmark' (default for survey data; Fingertips' "single overlapping CIs",
 *   FingertipsNext's CIOverlappingReferenceValue95/99_8): *similar* when the benchmark's VALUE
 *   lies inside the estimate's CI (bounds inclusive); otherwise better/worse (or higher/lower) by
 *   direction and polarity. The benchmark is treated as a fixed number. Use it when the benchmark
 *   is the nation and the estimate a region (or a subgroup) of that nation: the region's
 *   respondents are part of the nation's sample, so the two are positively correlated and the
 *   nation's own sampling error is small; adding it as if independent would be wrong in both
 *   respects.
 *
 * - 'z-test': the test on the difference of two INDEPENDENT estimates,
 *   z = (a − b)/√(se_a² + se_b²), SEs derived from the 95 % CIs. Use it for region vs region,
 *   group vs group (disjoint groups), or a year vs another year: samples that do not overlap.
 *   (Checking whether two CIs overlap — Fingertips' "double overlapping CIs" — is NOT offered: it
 *   is much too conservative at a nominal 95 %.)
 *
 * - 'register-direct': register data (`sampling: 'register'`, e.g. transit_access, counted over
 *   the whole population) have no sampling error, so the two values are compared as they are:
 *   any difference in the published figures is a real difference, equal figures are 'similar'.
 *
 * Which CI: the published one; for a survey percentage with n but no CI, a 95 % Wilson interval
 * computed from the proportion and n (`details.ciSource = 'wilson-from-n'`, so the page can say
 * we computed it). A survey value with neither is 'not-compared' with reason 'no-ci'.
 *
 * 99.8 %: published CIs are 95 %. The 99.8 % CI is rebuilt on the scale the interval was made on
 * (`ciAtLevel`): per side on the logit scale for percentages, Wilson from n where the interval
 * was ours or a bound sits at 0/100, per side on the natural scale otherwise.
 *
 * Example data are never compared with real statistics ('demo-vs-real'): the pipeline must not
 * mix them (a real national value over synthetic counties), and if it ever does, no colour or
 * sentence claims a difference between the two.
 *
 * Anything that cannot support a claim gives outcome 'not-compared' with a reason — the page
 * then says why instead of showing a colour.
 */
import { twoSidedP, zFor } from './normal';
import { ciAtLevel, hasValidCi, hasValue, samePeriod, seLower, seUpper, usableEstimate, type CiSource, type DataKind, type Estimate, type Level, type Polarity } from './types';

export type ComparisonMethod = 'ci-overlap-benchmark' | 'z-test' | 'register-direct';
export type ComparisonOutcome = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';
export type NotComparedReason = 'no-ci' | 'suppressed' | 'periods-not-aligned' | 'missing-value' | 'no-benchmark' | 'demo-vs-real';

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
	/** Which interval the estimate's test used (see `CiSource`). */
	ciSource: CiSource;
}

export interface ComparisonResult {
	outcome: ComparisonOutcome;
	reason?: NotComparedReason;
	level: Level;
	method: ComparisonMethod;
	polarity: Polarity;
	details: ComparisonDetails;
}

export interface CompareOptions extends DataKind {
	polarity: Polarity;
	level: Level;
	/** Ignored for register data, which are always compared directly. */
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
export function diffTest(a: WithCi, b: WithCi, level: Level | number): DiffTest {
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
		zCritical: zFor(level),
		ciSource: 'none'
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
	// No mixing: synthetic example data tested against real statistics (or the other way round)
	// would be a claim about nothing. Only decided when both sides say what they are.
	if (typeof estimate.is_demo === 'boolean' && typeof benchmark.is_demo === 'boolean' && estimate.is_demo !== benchmark.is_demo) return 'demo-vs-real';
	if (!samePeriod(estimate, benchmark)) return 'periods-not-aligned';
	if (method === 'register-direct') return null;
	if (!hasValidCi(estimate)) return 'no-ci';
	if (method === 'z-test' && !hasValidCi(benchmark)) return 'no-ci';
	return null;
}

/**
 * Compare one estimate with a benchmark at one level. See the module comment for which method
 * fits which pair. Periods must match exactly (see `alignPeriods`).
 */
export function compareToBenchmark(
	estimateIn: Estimate,
	benchmarkIn: Estimate | null | undefined,
	options: CompareOptions
): ComparisonResult {
	const { polarity, level } = options;
	const register = options.sampling === 'register';
	const method: ComparisonMethod = register ? 'register-direct' : (options.method ?? 'ci-overlap-benchmark');
	const { estimate, ciSource } = usableEstimate(estimateIn, options);
	const benchmark = benchmarkIn ? usableEstimate(benchmarkIn, options).estimate : benchmarkIn;
	const details = { ...baseDetails(estimate, benchmark, level), ciSource: hasValue(estimate) ? ciSource : 'none' };
	const reason = notComparedReason(estimate, benchmark, method);
	if (reason) return { outcome: 'not-compared', reason, level, method, polarity, details };

	const b = benchmark as Estimate & { value: number };
	const zc = details.zCritical;

	if (method === 'register-direct') {
		const v = (estimate as Estimate & { value: number }).value;
		const d = v - b.value;
		return {
			outcome: d === 0 ? 'similar' : directionOutcome(d, polarity),
			level,
			method,
			polarity,
			details: { ...details, ciLow: v, ciHigh: v, diffCiLow: d, diffCiHigh: d }
		};
	}

	const e = estimate as WithCi;
	const [lo, hi] = ciAtLevel(e, level, { unit: options.unit, ciSource });

	if (method === 'z-test') {
		const t = diffTest(e, b as WithCi, level);
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
	// At 99.8 % "inside the 95 % CI" is checked too, so rounding can never make 99.8 % stricter.
	const inside = (b.value >= lo && b.value <= hi) || (b.value >= e.ci_low && b.value <= e.ci_high);
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
