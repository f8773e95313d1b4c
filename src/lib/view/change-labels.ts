/** Short labels for change since baseline, for tiles and roll-ups (the sentences say the rest). */
import type { ChangeOutcome, SubgoalSummary, TrendLabel, TrendReason } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';

const LABELS: Record<ChangeOutcome, Record<Lang, string>> = {
	improved: { sv: 'Förbättrat sedan baslinjen', en: 'Improved since baseline' },
	worsened: { sv: 'Försämrat sedan baslinjen', en: 'Worsened since baseline' },
	increased: { sv: 'Ökat sedan baslinjen', en: 'Increased since baseline' },
	decreased: { sv: 'Minskat sedan baslinjen', en: 'Decreased since baseline' },
	'no-detectable-change': { sv: 'Ingen säkerställd förändring', en: 'No detectable change' },
	'not-assessable': { sv: 'Förändring kan inte bedömas än', en: 'Change cannot be assessed yet' }
};

export function changeLabel(outcome: ChangeOutcome, lang: Lang): string {
	return LABELS[outcome][lang];
}

/**
 * "Av 4 indikatorer har 1 förbättrats …" from a subgoal's roll-up (stats/rollup.ts
 * `rollUpSubgoal`): counts only, so it never claims more than the tests behind them.
 */
export function rollUpSentence(summary: Pick<SubgoalSummary, 'indicators' | 'nationChange'>, lang: Lang): string {
	const n = (o: ChangeOutcome) => summary.nationChange[o];
	const better = n('improved'), worse = n('worsened'), none = n('no-detectable-change'), na = n('not-assessable'), moved = n('increased') + n('decreased');
	return lang === 'sv'
		? `Av ${summary.indicators} indikatorer har ${better} förbättrats och ${worse} försämrats säkerställt sedan baslinjen (senaste värde före 2025); ${none} visar ingen säkerställd förändring${moved ? `, ${moved} har förändrats utan värdering` : ''} och ${na} kan inte bedömas än, oftast för att inget nytt värde finns efter 2024.`
		: `Of ${summary.indicators} indicators, ${better} have improved and ${worse} have worsened detectably since the baseline (latest value before 2025); ${none} show no detectable change${moved ? `, ${moved} have changed without a judgement` : ''} and ${na} cannot be assessed yet, mostly because there is no new value after 2024.`;
}

const TREND: Record<TrendLabel, Record<Lang, string>> = {
	'getting-better': { sv: 'Förbättras', en: 'Getting better' },
	'getting-worse': { sv: 'Försämras', en: 'Getting worse' },
	increasing: { sv: 'Ökar', en: 'Increasing' },
	decreasing: { sv: 'Minskar', en: 'Decreasing' },
	'no-significant-trend': { sv: 'Ingen säker trend', en: 'No clear trend' },
	'not-assessable': { sv: 'Kan inte bedömas', en: 'Cannot be assessed' }
};
const TREND_WHY: Record<TrendReason, Record<Lang, string>> = {
	'too-few-points': { sv: 'färre än fem årsvärden', en: 'fewer than five yearly values' },
	'pooled-periods': { sv: 'sammanslagna perioder', en: 'pooled periods' },
	'series-break': { sv: 'för få värden efter seriebrott', en: 'too few values after a series break' }
};

/** Short label for Fingertips' trend test (99.8 %), with the reason when it cannot be assessed. */
export function trendLabel(t: { label: TrendLabel; reason?: TrendReason }, lang: Lang): string {
	return t.reason ? `${TREND[t.label][lang]} (${TREND_WHY[t.reason][lang]})` : TREND[t.label][lang];
}
