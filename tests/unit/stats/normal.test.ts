import { describe, expect, it } from 'vitest';
import { normCdf, normQuantile, twoSidedP, Z95, Z998, zFor, TREND_CHI2_CRITICAL } from '../../../src/lib/stats';

describe('normal distribution', () => {
	it('has the textbook values', () => {
		expect(normCdf(0)).toBe(0.5);
		expect(normCdf(1)).toBeCloseTo(0.8413447460685429, 14);
		expect(normCdf(-2)).toBeCloseTo(0.022750131948179195, 14);
		expect(normCdf(Z95)).toBeCloseTo(0.975, 14);
		expect(normCdf(Z998)).toBeCloseTo(0.999, 14);
		expect(normCdf(-40)).toBe(0);
		expect(normCdf(40)).toBe(1);
	});
	it('quantile inverts the CDF and gives the two critical values', () => {
		expect(normQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
		expect(normQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
		expect(normQuantile(0.001)).toBeCloseTo(-3.090232306167813, 12);
		expect(normQuantile(0.5)).toBe(0);
		for (const p of [1e-10, 0.01, 0.02425, 0.3, 0.9, 0.99, 1 - 1e-9]) expect(normCdf(normQuantile(p))).toBeCloseTo(p, 12);
		expect(normQuantile(0)).toBe(-Infinity);
		expect(normQuantile(1)).toBe(Infinity);
		expect(normQuantile(2)).toBeNaN();
	});
	it('zFor and the trend threshold match Fingertips (χ²₁ at 99.8 % = 9.54953570608324)', () => {
		expect(zFor(0.95)).toBe(Z95);
		expect(zFor(0.998)).toBe(Z998);
		expect(zFor(0.9)).toBeCloseTo(1.6448536269514722, 12);
		expect(TREND_CHI2_CRITICAL).toBeCloseTo(9.54953570608324, 10);
	});
	it('two-sided p', () => {
		expect(twoSidedP(Z95)).toBeCloseTo(0.05, 14);
		expect(twoSidedP(-Z998)).toBeCloseTo(0.002, 14);
		expect(twoSidedP(0)).toBe(1);
	});
});
