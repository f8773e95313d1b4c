/**
 * The standard normal distribution: CDF, two-sided p-value and quantile, with no dependency.
 *
 * - `normCdf` is West's (2005) double-precision version of Hart's algorithm 5666
 *   (absolute error about 1e-15), so p-values printed in details are exact to display precision.
 * - `normQuantile` is Acklam's rational approximation (relative error 1.15e-9) followed by one
 *   Halley step against `normCdf`, which brings it to full double precision.
 *
 * Decisions in this package never depend on p-values: they compare |z| with the critical value
 * `zFor(level)` (the same thing, without a second approximation in the loop).
 */
import type { Level } from './types';

/** Two-sided 95 % critical value, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;
/** Two-sided 99.8 % critical value, Φ⁻¹(0.999). Fingertips' χ²(1) threshold 9.5495 is its square. */
export const Z998 = 3.090232306167813;

/** Φ(x), the standard normal cumulative distribution function. */
export function normCdf(x: number): number {
	if (Number.isNaN(x)) return NaN;
	const ax = Math.abs(x);
	let c: number;
	if (ax > 37) {
		c = 0;
	} else {
		const e = Math.exp((-ax * ax) / 2);
		if (ax < 7.07106781186547) {
			let b = 3.52624965998911e-2 * ax + 0.700383064443688;
			b = b * ax + 6.37396220353165;
			b = b * ax + 33.912866078383;
			b = b * ax + 112.079291497871;
			b = b * ax + 221.213596169931;
			b = b * ax + 220.206867912376;
			c = e * b;
			b = 8.83883476483184e-2 * ax + 1.75566716318264;
			b = b * ax + 16.064177579207;
			b = b * ax + 86.7807322029461;
			b = b * ax + 296.564248779674;
			b = b * ax + 637.333633378831;
			b = b * ax + 793.826512519948;
			b = b * ax + 440.413735824752;
			c = c / b;
		} else {
			let b = ax + 0.65;
			b = ax + 4 / b;
			b = ax + 3 / b;
			b = ax + 2 / b;
			b = ax + 1 / b;
			c = e / b / 2.506628274631;
		}
	}
	return x > 0 ? 1 - c : c;
}

/** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)), computed on the tail to keep precision. */
export function twoSidedP(z: number): number {
	if (Number.isNaN(z)) return NaN;
	return Math.min(1, 2 * normCdf(-Math.abs(z)));
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹(p) for 0 < p < 1 (±Infinity at 0 and 1, NaN outside). */
export function normQuantile(p: number): number {
	if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	const pLow = 0.02425;
	let x: number;
	if (p < pLow) {
		const q = Math.sqrt(-2 * Math.log(p));
		x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	} else if (p <= 1 - pLow) {
		const q = p - 0.5;
		const r = q * q;
		x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	}
	// One Halley step (Acklam's refinement).
	const e = normCdf(x) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	return x - u / (1 + (x * u) / 2);
}

/**
 * Two-sided critical value for a confidence level. The two levels the dashboard offers return
 * the exact constants, so every module agrees to the last bit; other levels are computed.
 */
export function zFor(level: Level | number): number {
	if (level === 0.95) return Z95;
	if (level === 0.998) return Z998;
	return normQuantile(1 - (1 - level) / 2);
}
