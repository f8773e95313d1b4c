/**
 * Choosing which rows make a line. Sources publish the nation both as single survey years and
 * as pooled windows (for comparison with counties); a trend line shows single years where the
 * source has them, and pooled windows only when that is all there is.
 */
import type { ObservationRow } from './queries';

export function preferSingleYears(rows: readonly ObservationRow[]): ObservationRow[] {
	const single = rows.filter((r) => r.period_start === r.period_end);
	return single.length >= 2 || single.length === rows.length ? single : rows.filter((r) => r.period_start !== r.period_end);
}

/** Latest row with a value (suppressed cells do not count). */
export function latestWithValue(rows: readonly ObservationRow[]): ObservationRow | undefined {
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
export function keepIfSame(prev: readonly ObservationRow[] | undefined, next: readonly ObservationRow[]): readonly ObservationRow[] {
	if (!prev || prev.length !== next.length) return next;
	const key = (r: ObservationRow) => `${r.indicator_id}|${r.region_code}|${r.period_start}|${r.period_end}|${r.sex}|${r.group_dim}|${r.group_code}|${r.value}|${r.ci_low}|${r.ci_high}|${r.n}|${r.status}|${r.is_demo}`;
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
