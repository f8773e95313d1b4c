import type { Estimate } from '../../../src/lib/stats';

/** An estimate with a 95 % CI; period defaults to the pooled window 2021–2024. */
export function est(value: number | null, lo: number | null, hi: number | null, start = 2021, end = 2024, status: string | null = null): Estimate {
	return { value, ci_low: lo, ci_high: hi, period_start: start, period_end: end, status };
}
/** A single-year estimate. */
export function year(y: number, value: number | null, lo: number | null, hi: number | null): Estimate {
	return est(value, lo, hi, y, y);
}
