/**
 * Shared types and the confidence-interval helpers every test in this package builds on.
 *
 * All published CIs are 95 % (ARCHITECTURE.md, observation schema). A standard error is derived
 * from them as SE = (ci_high − ci_low) / (2·1.959964) — Fingertips uses the same with 3.92 — or,
 * for an asymmetric interval (Wilson, Clopper–Pearson, log-transformed), one SE per side:
 * SE_low = (value − ci_low)/1.959964, SE_high = (ci_high − value)/1.959964. Tests that look in a
 * direction use the side facing that direction: to ask "could the true value be as high as X?"
 * the upper side is the relevant one. For symmetric CIs both sides equal the classic SE.
 */
import { Z95 } from './normal';

/** One estimate with its published 95 % CI. Structurally compatible with `Observation`. */
export interface Estimate {
	value: number | null;
	ci_low: number | null;
	ci_high: number | null;
	n?: number | null;
	status?: string | null;
	period_start: number;
	period_end: number;
}

/** The indicator's direction (indicator dimension table). 'no-judgement' → higher/lower, never better/worse. */
export type Polarity = 'higher-is-better' | 'higher-is-worse' | 'no-judgement';

/** The two significance levels the dashboard offers (Fingertips' pair). */
export type Level = 0.95 | 0.998;

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
