/**
 * Recent trend, Fingertips' trend marker (anchors.md §1.2 and §5; TrendMarkerCalculator.cs):
 *
 * - the last 5 single-year points with a value and a usable 95 % CI, after the last series break.
 *   When a series has both single years and pooled windows (the nation is published both ways),
 *   the single years are used and the windows ignored; a series of pooled windows only gets no
 *   trend (Fingertips rejects year ranges ≠ 1: consecutive windows share years, so their errors
 *   are correlated and the regression's SE would be wrong);
 * - weighted least squares of value on the CALENDAR YEAR. Fingertips regresses on the positions
 *   1–5; we keep the year because survey years are irregular (e.g. 2018, 2020, 2021, 2022, 2024)
 *   and the slope should be "per year", with the gaps where they really are. For equally spaced
 *   years the two give the same test;
 * - weights w = 1/SE², SE = (ci_high − ci_low)/(2·1.959964) (Fingertips divides by 3.92);
 *   a survey value with n but no CI gets a Wilson interval from n first (see `usableEstimate`);
 * - the variances are taken as known, so SE(slope) = 1/√Σw(x − x̄)² and χ² = (slope/SE)²;
 * - significant only if χ² > 9.5495 (= 3.090232², χ²₁ at 99.8 %) AND the slope has the same
 *   sign in all 6 fits: all 5 points and each leave-one-out fit of 4 (the sign rule guards
 *   against a trend made by one outlying year).
 * - Register data (no sampling error, `sampling: 'register'`): there is no χ² to compute; the
 *   direction is reported when all 6 unweighted fits agree in sign (method 'register-sign').
 *
 * When the test cannot run, `reason` says the true cause: fewer than five single years
 * ('too-few-points'), pooled windows only ('pooled-periods'), too few after a series break
 * ('series-break'), or enough years whose values lack a CI and n ('no-ci').
 *
 * The slope's CI is reported at 99.8 %, the level of the test, so "CI excludes 0" matches χ².
 */
import { Z998 } from './normal';
import { byPeriod, comparableAcrossBreaks } from './periods';
import { hasValidCi, hasValue, seFromCi, usableEstimate, type DataKind, type Estimate, type Polarity } from './types';

export type TrendOutcome = 'increasing' | 'decreasing' | 'no-significant-trend' | 'not-assessable';
export type TrendLabel = TrendOutcome | 'getting-better' | 'getting-worse';
export type TrendReason = 'too-few-points' | 'pooled-periods' | 'series-break' | 'no-ci';
export type TrendMethod = 'wls-chi2' | 'register-sign';

/** Points used by the test (Fingertips: 5). */
export const TREND_POINTS = 5;
/** χ²₁ critical value at 99.8 %: 3.090232² = 9.54953570608324. */
export const TREND_CHI2_CRITICAL = Z998 * Z998;

export interface TrendResult {
	outcome: TrendOutcome;
	/** Polarity-aware: 'getting-better' / 'getting-worse' when the indicator has a direction. */
	label: TrendLabel;
	reason?: TrendReason;
	level: 0.998;
	method: TrendMethod;
	/** Change per year in the indicator's unit (e.g. percentage points per year). */
	slope: number | null;
	slopeSe: number | null;
	/** 99.8 % CI of the slope. */
	slopeCiLow: number | null;
	slopeCiHigh: number | null;
	chi2: number | null;
	/** Slopes of the leave-one-out fits, in the order of `years`. */
	leaveOneOutSlopes: number[];
	/** All leave-one-out slopes have the full fit's (non-zero) sign. */
	leaveOneOutSameSign: boolean;
	/** Years of the points used. */
	years: number[];
}

interface Point {
	x: number;
	y: number;
	w: number;
}

/** Weighted least-squares slope with known variances. */
export function wlsSlope(points: readonly Point[]): { slope: number; se: number } {
	let sw = 0;
	let swx = 0;
	let swy = 0;
	for (const p of points) {
		sw += p.w;
		swx += p.w * p.x;
		swy += p.w * p.y;
	}
	const xb = swx / sw;
	const yb = swy / sw;
	let sxx = 0;
	let sxy = 0;
	for (const p of points) {
		sxx += p.w * (p.x - xb) ** 2;
		sxy += p.w * (p.x - xb) * (p.y - yb);
	}
	return { slope: sxy / sxx, se: 1 / Math.sqrt(sxx) };
}

function label(outcome: TrendOutcome, polarity: Polarity): TrendLabel {
	if (polarity === 'no-judgement' || (outcome !== 'increasing' && outcome !== 'decreasing')) return outcome;
	const up = outcome === 'increasing';
	return up === (polarity === 'higher-is-better') ? 'getting-better' : 'getting-worse';
}

export function trend(
	series: readonly Estimate[],
	options: { polarity: Polarity; seriesBreaks?: readonly number[] } & DataKind
): TrendResult {
	const breaks = options.seriesBreaks ?? [];
	const register = options.sampling === 'register';
	const method: TrendMethod = register ? 'register-sign' : 'wls-chi2';
	const empty: TrendResult = {
		outcome: 'not-assessable',
		label: 'not-assessable',
		level: 0.998,
		method,
		slope: null,
		slopeSe: null,
		slopeCiLow: null,
		slopeCiHigh: null,
		chi2: null,
		leaveOneOutSlopes: [],
		leaveOneOutSameSign: false,
		years: []
	};
	const withValue = series.filter((e) => hasValue(e)).map((e) => usableEstimate(e, options).estimate);
	const single = withValue.filter((e) => e.period_start === e.period_end).sort(byPeriod);
	if (withValue.length > 0 && single.length === 0) return { ...empty, reason: 'pooled-periods' };
	// Points after the last series break, with or without a CI: is the series long enough at all?
	const lastAny = single.at(-1);
	const sameSide = lastAny ? single.filter((e) => comparableAcrossBreaks(e, lastAny, breaks)) : [];
	if (sameSide.length < TREND_POINTS) return { ...empty, reason: single.length >= TREND_POINTS ? 'series-break' : 'too-few-points' };
	const usable = register ? sameSide : sameSide.filter((e) => hasValidCi(e));
	const recent = usable.slice(-TREND_POINTS);
	if (recent.length < TREND_POINTS) return { ...empty, reason: 'no-ci' };

	const points: Point[] = recent.map((e) => {
		const se = register ? 1 : seFromCi(e as Estimate & { ci_low: number; ci_high: number });
		return { x: e.period_start, y: e.value as number, w: 1 / (se * se) };
	});
	const years = points.map((p) => p.x);
	if (new Set(years).size !== years.length) return { ...empty, reason: 'too-few-points' };
	const full = wlsSlope(points);
	const loo = points.map((_, i) => wlsSlope(points.filter((__, j) => j !== i)).slope);
	const sign = Math.sign(full.slope);
	const sameSign = sign !== 0 && loo.every((s) => Math.sign(s) === sign);
	if (register) {
		const outcome: TrendOutcome = sameSign ? (sign > 0 ? 'increasing' : 'decreasing') : 'no-significant-trend';
		return { ...empty, outcome, label: label(outcome, options.polarity), slope: full.slope, leaveOneOutSlopes: loo, leaveOneOutSameSign: sameSign, years };
	}
	const chi2 = (full.slope / full.se) ** 2;
	const outcome: TrendOutcome =
		chi2 > TREND_CHI2_CRITICAL && sameSign ? (sign > 0 ? 'increasing' : 'decreasing') : 'no-significant-trend';
	return {
		outcome,
		label: label(outcome, options.polarity),
		level: 0.998,
		method,
		slope: full.slope,
		slopeSe: full.se,
		slopeCiLow: full.slope - Z998 * full.se,
		slopeCiHigh: full.slope + Z998 * full.se,
		chi2,
		leaveOneOutSlopes: loo,
		leaveOneOutSameSign: sameSign,
		years
	};
}
