/**
 * The period a chart covers, for its caption and every export (issue #20 item 3): always from the
 * earliest to the latest, never in row order ("2023 – 2022"), and readable for pooled windows
 * ("2004–2024, fyraårsperioder" instead of "2004–2007 – 2021–2024"). When the rows are the latest
 * values of several indicators whose periods differ, no single period is true: say so.
 */
import { periodLabel } from '$lib/data/observation';
import type { Lang } from '$lib/i18n/format';

type Row = { period_start: number; period_end: number; indicator_id?: string };

export function periodRange(rows: readonly Row[], lang: Lang): string {
	if (!rows.length) return '';
	const distinct = [...new Map(rows.map((r) => [periodLabel(r), r])).values()].sort((a, b) => a.period_end - b.period_end || a.period_start - b.period_start);
	if (distinct.length === 1) return periodLabel(distinct[0]);
	const indicators = new Set(rows.map((r) => r.indicator_id).filter(Boolean));
	if (indicators.size > 1) return lang === 'sv' ? 'varierar per indikator, se tabell' : 'varies by indicator, see table';
	const start = Math.min(...distinct.map((r) => r.period_start));
	const end = Math.max(...distinct.map((r) => r.period_end));
	const lengths = new Set(distinct.map((r) => r.period_end - r.period_start + 1));
	const span = `${start}–${end}`;
	if (lengths.size === 1 && !lengths.has(1)) {
		const years = [...lengths][0];
		return lang === 'sv' ? `${span}, ${WORD_SV[years] ?? `${years}-års`}perioder` : `${span}, ${years}-year windows`;
	}
	if (lengths.size > 1) return lang === 'sv' ? `${span}, enskilda år och sammanslagna perioder` : `${span}, single years and pooled windows`;
	return span;
}

const WORD_SV: Record<number, string> = { 2: 'tvåårs', 3: 'treårs', 4: 'fyraårs', 5: 'femårs' };
