/**
 * Choosing which rows make a line. Sources publish the nation both as single survey years and
 * as pooled windows (for comparison with counties); a trend line shows single years where the
 * source has them, and pooled windows only when that is all there is.
 */
import { OBSERVATION_COLUMNS } from './observation';
import type { Observation } from './observation';

export function preferSingleYears(rows: readonly Observation[]): Observation[] {
	const single = rows.filter((r) => r.period_start === r.period_end);
	return single.length >= 2 || single.length === rows.length ? single : rows.filter((r) => r.period_start !== r.period_end);
}

/** Latest row with a value (suppressed cells do not count). */
export function latestWithValue(rows: readonly Observation[]): Observation | undefined {
	return rows.filter((r) => r.value !== null).at(-1);
}

export function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
	const m = new Map<K, T[]>();
	for (const it of items) {
		const k = key(it);
		const list = m.get(k);
		if (list) list.push(it);
		else m.set(k, [it]);
	}
	return m;
}

/**
 * `next` if it differs from `prev`, else `prev` itself: a view change that leaves a chart's rows
 * as they were keeps their identity, so that chart is not redrawn.
 */
export function keepIfSame(prev: readonly Observation[] | undefined, next: readonly Observation[]): readonly Observation[] {
	if (!prev || prev.length !== next.length) return next;
	const key = (r: Observation) => OBSERVATION_COLUMNS.map((c) => r[c]).join('|');
	for (let i = 0; i < next.length; i++) if (key(prev[i]) !== key(next[i])) return next;
	return prev;
}

/**
 * Real first, never mixed: the rows of the same kind (real or example data) as `ref`. Every
 * comparison (region vs nation, change over time, trend) is made within one kind only, so a
 * real value is never set against an example value.
 */
export function sameKindAs<T extends { is_demo: boolean }>(rows: readonly T[], ref: { is_demo: boolean } | null | undefined): T[] {
	return ref ? rows.filter((r) => r.is_demo === ref.is_demo) : [...rows];
}

/** The benchmark for a comparison, or null when it is of the other kind (real vs example). */
export function sameKindOrNull<T extends { is_demo: boolean }>(benchmark: T | null | undefined, ref: { is_demo: boolean }): T | null {
	return benchmark && benchmark.is_demo === ref.is_demo ? benchmark : null;
}

/**
 * The nation's rows to draw behind a region's line: the same kind of period as the region's
 * (pooled windows against pooled windows, single years against single years), so the two lines
 * compare like with like.
 */
export function benchmarkSeries(region: readonly Observation[], nation: readonly Observation[]): Observation[] {
	const pooled = region.some((r) => r.period_start !== r.period_end);
	return nation.filter((r) => (r.period_start !== r.period_end) === pooled);
}
