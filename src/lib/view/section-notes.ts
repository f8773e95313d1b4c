/**
 * "Cannot be assessed", said once per section instead of in every cell (issue #20 item 7).
 *
 * - A change since the 2024 baseline that only waits for a value after 2024 ('no-later-value')
 *   is not a finding about the indicator: the section says once when change will be assessed,
 *   and the tiles and table cells leave it out. Other reasons (a series break, no CI, a pooled
 *   window reaching back before 2025) stay in their cell: they are particular to it.
 * - A trend that cannot be tested is counted by reason in one sentence under the table; the
 *   cell keeps the series' curve, marked as context, and a short "not tested".
 */
import type { ChangeOutcome, ChangeReason, TrendLabel, TrendReason } from '$lib/stats';
import { TREND_REASON_TEXT } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';

type ChangeLike = { outcome: ChangeOutcome; reason?: ChangeReason };

/** The change cannot be assessed only because no value after the baseline exists yet. */
export function waitsForData(c: ChangeLike): boolean {
	return c.outcome === 'not-assessable' && c.reason === 'no-later-value';
}

/** "Förändring sedan 2024 bedöms när värden efter 2024 finns." — '' when no change waits. */
export function changeWaitNote(changes: readonly ChangeLike[], lang: Lang): string {
	const waiting = changes.filter(waitsForData).length;
	if (!waiting) return '';
	const head = lang === 'sv' ? 'Förändring sedan 2024 bedöms när värden efter 2024 finns' : 'Change since 2024 is assessed once values after 2024 exist';
	if (waiting === changes.length) return `${head}.`;
	return lang === 'sv' ? `${head}; det gäller ännu ${waiting} av ${changes.length} indikatorer.` : `${head}; this still applies to ${waiting} of ${changes.length} indicators.`;
}

/** True when every row's change only waits for data: the column would say the same thing in every row. */
export function allWaiting(changes: readonly ChangeLike[]): boolean {
	return changes.length > 0 && changes.every(waitsForData);
}

type TrendLike = { label: TrendLabel; reason?: TrendReason };

/**
 * "Trenden (Fingertips test, 99,8 %) kan inte bedömas för 11 av 12 indikatorer: 8 har bara
 * sammanslagna perioder, inga enskilda år; 3 har färre än fem årsvärden. Kurvorna visar ändå
 * utvecklingen, som sammanhang." — '' when every trend was tested.
 */
export function trendNote(trends: readonly TrendLike[], lang: Lang): string {
	const untested = trends.filter((t) => t.label === 'not-assessable');
	if (!untested.length) return '';
	const counts = new Map<TrendReason, number>();
	for (const t of untested) counts.set(t.reason ?? 'too-few-points', (counts.get(t.reason ?? 'too-few-points') ?? 0) + 1);
	const sv = lang === 'sv';
	const why = [...counts].map(([reason, n]) => `${n}: ${TREND_REASON_TEXT[reason][lang]}`).join('; ');
	return sv
		? `Trenden (Fingertips test på 99,8\u00a0%-nivån) kan inte bedömas för ${untested.length} av ${trends.length} indikatorer (${why}). Kurvorna visar ändå utvecklingen, som sammanhang.`
		: `The trend (Fingertips’ test at the 99.8% level) cannot be assessed for ${untested.length} of ${trends.length} indicators (${why}). The curves still show the development, as context.`;
}
