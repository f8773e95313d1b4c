/**
 * One confidence level for everything a page draws and prints (issue #20 item 5): when the level
 * control says 99,8 %, every interval, band, table cell, tooltip and caption shows the 99.8 %
 * interval, not the published 95 % one with a 99.8 % verdict beside it.
 *
 * The intervals are rebuilt exactly as the comparisons rebuild them (`ciAtLevel` in
 * stats/types.ts): percentages on the logit scale per side, Wilson from n at a 0/100 bound,
 * the natural scale for other units. Only published intervals are rebuilt; a row the source gave
 * no interval keeps none (the comparison may still use a Wilson interval from n, and says so).
 * Register values carry no sampling error and are left as they are.
 */
import type { Observation } from '$lib/data/observation';
import { ciAtLevel, hasValidCi, type DataKind, type Estimate, type Level } from '$lib/stats';
import { NBSP, type Lang } from '$lib/i18n/format';

export type LevelKey = '95' | '99.8';

export const levelValue = (key: LevelKey): Level => (key === '99.8' ? 0.998 : 0.95);

/** A row's interval at the level, or null when it has none to show. */
export function intervalAtLevel(row: Estimate, level: LevelKey, kind: DataKind = {}): [number, number] | null {
	if (row.ci_low === null || row.ci_high === null) return null;
	if (level === '95' || kind.sampling === 'register' || !hasValidCi(row)) return [row.ci_low, row.ci_high];
	return ciAtLevel(row, levelValue(level), { unit: kind.unit, ciSource: 'published' });
}

/**
 * The rows as the page shows them at the level: the same array at 95 % (so nothing redraws),
 * copies with rebuilt `ci_low`/`ci_high` at 99.8 %. Tests and comparisons keep using the
 * published rows: `ciAtLevel` must start from the 95 % interval.
 */
export function rowsAtLevel<T extends Observation>(rows: readonly T[], level: LevelKey, kind: DataKind = {}): readonly T[] {
	if (level === '95') return rows;
	return rows.map((r) => {
		const ci = intervalAtLevel(r, level, kind);
		return ci && (ci[0] !== r.ci_low || ci[1] !== r.ci_high) ? { ...r, ci_low: ci[0], ci_high: ci[1] } : r;
	});
}

/** "95 %" / "99,8 %" (sv, no-break space) and "95%" / "99.8%" (en). */
export function levelLabel(level: LevelKey, lang: Lang): string {
	return lang === 'sv' ? `${level === '95' ? '95' : '99,8'}${NBSP}%` : `${level}%`;
}

/** Table header and caption word: "99,8 % konfidensintervall" / "99.8% confidence interval". */
export function ciHeading(level: LevelKey, lang: Lang): string {
	return `${levelLabel(level, lang)} ${lang === 'sv' ? 'konfidensintervall' : 'confidence interval'}`;
}

/** The chart caption's sentence about what the bands and lines are. */
export function ciCaption(level: LevelKey, lang: Lang): string {
	return lang === 'sv'
		? `Band och linjer kring punkterna: ${levelLabel(level, lang)} konfidensintervall.`
		: `Bands and lines around the points: ${levelLabel(level, lang)} confidence intervals.`;
}
