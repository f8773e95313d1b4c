/**
 * Shared types and the confidence-interval helpers every test in this package builds on.
 *
 * All published CIs are 95 % (the observation schema, src/lib/data/observation.ts). A standard error is derived
 * from them as SE = (ci_high − ci_low) / (2·1.959964) — Fingertips uses the same with 3.92 — or,
 * for an asymmetric interval (Wilson, Clopper–Pearson, log-transformed), one SE per side:
 * SE_low = (value − ci_low)/1.959964, SE_high = (ci_high − value)/1.959964. Tests that look in a
 * direction use the side facing that direction: to ask "could the true value be as high as X?"
 * the upper side is the relevant one. For symmetric CIs both sides equal the classic SE.
 */
import { Z95, zFor } from './normal';

/** One estimate with its published 95 % CI. Structurally compatible with `Observation`. */
export interface Estimate {
	value: number | null;
	ci_low: number | null;
	ci_high: number | null;
	n?: number | null;
	status?: string | null;
	/** Example data (synthetic). A demo value is never tested against a real one (see compare.ts). */
	is_demo?: boolean | null;
	period_start: number;
	period_end: number;
}

/** The indicator directions the catalog may give (its schema checks against this list). */
export const POLARITIES = ['higher-is-better', 'higher-is-worse', 'no-judgement'] as const;

/** The indicator's direction (indicator dimension table). 'no-judgement' → higher/lower, never better/worse. */
export type Polarity = (typeof POLARITIES)[number];

/** The two significance levels the dashboard offers (Fingertips' pair). */
export type Level = 0.95 | 0.998;

/**
 * Where a value comes from. A 'register' value (e.g. transit_access: the whole population's
 * addresses) has no sampling error, so it is compared directly, without a CI. A 'survey' value
 * needs a CI: the published one, or a Wilson interval we compute from the proportion and n.
 */
export type Sampling = 'survey' | 'register';

/** The unit decides the scale a CI is rebuilt on: percentages on the logit scale, others on their own. */
export type Unit = 'percent' | 'number';

/**
 * Which interval a test used: the source's own ('published'), one we computed with Wilson's
 * score method from the proportion and n ('wilson-from-n'), none needed ('register'), or none
 * at all ('none': a survey value with neither CI nor n).
 */
export type CiSource = 'published' | 'wilson-from-n' | 'register' | 'none';

/** How an estimate is to be treated: survey or register, percent or another unit. */
export interface DataKind {
	sampling?: Sampling;
	unit?: Unit;
}

/** True when the estimate has a value and a usable 95 % CI: finite, ci_low ≤ value ≤ ci_high, width > 0. */
export function hasValidCi(e: Estimate): e is Estimate & { value: number; ci_low: number; ci_high: number } {
	const { value: v, ci_low: lo, ci_high: hi } = e;
	if (v === null || lo === null || hi === null) return false;
	if (!Number.isFinite(v) || !Number.isFinite(lo) || !Number.isFinite(hi)) return false;
	// A zero-width CI carries no sampling error we could use: "no CI" rather than infinite precision.
	return lo <= v && v <= hi && hi - lo > 0;
}

/** Has a numeric value. */
export function hasValue(e: Estimate | null | undefined): e is Estimate & { value: number } {
	return !!e && e.value !== null && Number.isFinite(e.value);
}

/** Symmetric SE from a 95 % CI: (ci_high − ci_low)/(2·1.959964). */
export function seFromCi(e: Estimate & { ci_low: number; ci_high: number }): number {
	return (e.ci_high - e.ci_low) / (2 * Z95);
}

/** SE of the lower side of the CI: (value − ci_low)/1.959964. */
export function seLower(e: Estimate & { value: number; ci_low: number }): number {
	return (e.value - e.ci_low) / Z95;
}

/** SE of the upper side of the CI: (ci_high − value)/1.959964. */
export function seUpper(e: Estimate & { value: number; ci_high: number }): number {
	return (e.ci_high - e.value) / Z95;
}

/** Same survey window (both ends equal). */
export function samePeriod(
	a: Pick<Estimate, 'period_start' | 'period_end'>,
	b: Pick<Estimate, 'period_start' | 'period_end'>
): boolean {
	return a.period_start === b.period_start && a.period_end === b.period_end;
}

/**
 * Wilson score interval for a percentage p (0–100) from n respondents, at a confidence level:
 * centre (p̂ + z²/2n)/(1 + z²/n), half-width z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n). Unlike the Wald
 * interval it never leaves 0–100 and is not zero-width at 0 % or 100 %.
 */
export function wilsonInterval(p: number, n: number, level: Level | number = 0.95): [number, number] {
	const z = zFor(level);
	const q = p / 100;
	const z2n = (z * z) / n;
	const centre = (q + z2n / 2) / (1 + z2n);
	const half = (z * Math.sqrt((q * (1 - q)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
	// Clamp so that rounding never puts p outside its own interval (at p = 0 the lower bound is 0 up to ~1e-18).
	return [Math.min(p, Math.max(0, centre - half) * 100), Math.max(p, Math.min(1, centre + half) * 100)];
}

/**
 * The estimate as the tests should see it, and which interval that is (see `CiSource`):
 * - register values: as they are ('register'; the CI, if any, is ignored: no sampling error);
 * - survey values with a usable published CI: as they are ('published');
 * - survey percentages with n but no CI: with a 95 % Wilson interval from n ('wilson-from-n');
 * - otherwise: as they are ('none').
 */
export function usableEstimate<E extends Estimate>(e: E, kind: DataKind = {}): { estimate: E; ciSource: CiSource } {
	if (kind.sampling === 'register') return { estimate: e, ciSource: 'register' };
	if (hasValidCi(e)) return { estimate: e, ciSource: 'published' };
	const unit = kind.unit ?? 'percent';
	if (unit === 'percent' && hasValue(e) && e.value >= 0 && e.value <= 100 && typeof e.n === 'number' && e.n > 0) {
		const [lo, hi] = wilsonInterval(e.value, e.n, 0.95);
		return { estimate: { ...e, ci_low: lo, ci_high: hi }, ciSource: 'wilson-from-n' };
	}
	return { estimate: e, ciSource: 'none' };
}

const logit = (pct: number) => Math.log(pct / (100 - pct));
const expit = (x: number) => 100 / (1 + Math.exp(-x));

/**
 * An estimate's CI at another level, rebuilt on the scale the interval was made on.
 * - 95 %: the interval as it is.
 * - A Wilson interval we computed from n: Wilson again at the level, from the same n.
 * - A percentage strictly inside 0–100 with both bounds inside too: each side's SE on the logit
 *   scale, (logit v − logit lo)/1.96 and (logit hi − logit v)/1.96, then logit v ∓ z·SE back-
 *   transformed. Survey proportions' intervals (Wilson, logit, Clopper–Pearson) are near-
 *   symmetric on this scale, so the long side stays long and the bounds stay inside 0–100.
 * - A percentage with a bound at 0 or 100 and a known n: Wilson at the level from n.
 * - Otherwise (other units, or no n): each side's SE on the natural scale, value ∓ z·SE, and for
 *   percentages clipped to 0–100.
 */
export function ciAtLevel(
	e: Estimate & { value: number; ci_low: number; ci_high: number },
	level: Level,
	kind: { unit?: Unit; ciSource?: CiSource } = {}
): [number, number] {
	if (level === 0.95) return [e.ci_low, e.ci_high];
	const z = zFor(level);
	const pct = (kind.unit ?? 'percent') === 'percent';
	const n = typeof e.n === 'number' && e.n > 0 ? e.n : null;
	if (pct && kind.ciSource === 'wilson-from-n' && n) return wilsonInterval(e.value, n, level);
	if (pct && e.ci_low > 0 && e.ci_high < 100 && e.value > 0 && e.value < 100) {
		const lv = logit(e.value);
		const seLo = (lv - logit(e.ci_low)) / Z95;
		const seHi = (logit(e.ci_high) - lv) / Z95;
		return [expit(lv - z * seLo), expit(lv + z * seHi)];
	}
	if (pct && n) return wilsonInterval(e.value, n, level);
	const lo = e.value - z * seLower(e);
	const hi = e.value + z * seUpper(e);
	return pct ? [Math.max(0, lo), Math.min(100, hi)] : [lo, hi];
}
