/**
 * Φ in the far tail (|x| ≥ 7.07, the continued-fraction branch of normCdf), checked to relative
 * precision: absolute checks cannot see an error in values of order 1e-16 (mutation survivor,
 * issue 19 item 5). Reference values: R 4.x, pnorm(-8) and pnorm(-10), printed with 16 digits.
 */
import { describe, expect, it } from 'vitest';
import { normCdf, twoSidedP } from '../../../src/lib/stats';

describe('normCdf far tail', () => {
	it('matches R to a relative 5e-8 at −8 (the approximation is within 1e-8 there), 1e-6 at −10', () => {
		expect(normCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 7);
		expect(normCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 6);
		expect(twoSidedP(8) / (2 * 6.220960574271784e-16)).toBeCloseTo(1, 6);
	});
	it('beyond 37 the tail is 0', () => {
		expect(normCdf(-37.5)).toBe(0);
		expect(normCdf(-36.9)).toBeGreaterThan(0);
	});
});
