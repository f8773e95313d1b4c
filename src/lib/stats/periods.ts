/**
 * Period alignment and series breaks.
 *
 * A region's estimate is often a pooled window (e.g. 2021–2024, four survey years pooled to get
 * enough respondents) while the nation is published both per year and pooled. Comparing the
 * region's 2021–2024 window with the nation's 2024 alone would mix a four-year average with one
 * year and, in a trending series, manufacture a difference. So a benchmark is used only when it
 * covers exactly the same window: same period_start AND same period_end (FHI pools the nation
 * the same way; Fingertips compares like periods only).
 */
import { samePeriod, type Estimate } from './types';

export type AlignmentResult<B extends Estimate = Estimate> =
	| { aligned: true; benchmark: B }
	| { aligned: false; reason: 'no-benchmark' | 'periods-not-aligned' };

/**
 * Pick the benchmark that covers exactly the estimate's window. Among several with the same
 * window (there should be one), the first with a value wins.
 * `reason` is 'no-benchmark' for an empty list, 'periods-not-aligned' when none matches.
 */
export function alignPeriods<B extends Estimate>(
	estimate: Pick<Estimate, 'period_start' | 'period_end'>,
	benchmarks: readonly B[]
): AlignmentResult<B> {
	if (benchmarks.length === 0) return { aligned: false, reason: 'no-benchmark' };
	const matching = benchmarks.filter((b) => samePeriod(estimate, b));
	if (matching.length === 0) return { aligned: false, reason: 'periods-not-aligned' };
	const withValue = matching.find((b) => b.value !== null);
	return { aligned: true, benchmark: withValue ?? matching[0] };
}

/**
 * Whether two estimates lie on the same side of every series break.
 *
 * Definition: a break at year b means values from b on (period_start ≥ b) are not comparable
 * with values before b (period_end < b); a window with period_start < b ≤ period_end straddles
 * the break and is comparable with neither side. Hence x and y are comparable iff no break b
 * satisfies  min(x.start, y.start) < b ≤ max(x.end, y.end).
 * Examples with a break at 2025: 2024 vs 2026 → no; 2025 vs 2026 → yes; 2021–2024 vs 2022–2025 → no.
 */
export function comparableAcrossBreaks(
	x: Pick<Estimate, 'period_start' | 'period_end'>,
	y: Pick<Estimate, 'period_start' | 'period_end'>,
	seriesBreaks: readonly number[] = []
): boolean {
	const lo = Math.min(x.period_start, y.period_start);
	const hi = Math.max(x.period_end, y.period_end);
	return !seriesBreaks.some((b) => lo < b && b <= hi);
}

/** Whether two windows share at least one year. */
export function periodsOverlap(
	x: Pick<Estimate, 'period_start' | 'period_end'>,
	y: Pick<Estimate, 'period_start' | 'period_end'>
): boolean {
	return x.period_start <= y.period_end && y.period_start <= x.period_end;
}

/** Sort by period_end, then period_start (chronological for a homogeneous series). */
export function byPeriod<T extends Pick<Estimate, 'period_start' | 'period_end'>>(a: T, b: T): number {
	return a.period_end - b.period_end || a.period_start - b.period_start;
}
