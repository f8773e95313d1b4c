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
