/** Short labels for change since baseline and trend, for tiles, tables and roll-ups (the sentences say the rest). */
import type { ChangeOutcome, ChangeReason, TrendLabel, TrendReason } from '$lib/stats';
import { TREND_REASON_TEXT } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';

const LABELS: Record<ChangeOutcome, Record<Lang, string>> = {
	improved: { sv: 'Förbättrat sedan baslinjen', en: 'Improved since baseline' },
	worsened: { sv: 'Försämrat sedan baslinjen', en: 'Worsened since baseline' },
	increased: { sv: 'Ökat sedan baslinjen', en: 'Increased since baseline' },
	decreased: { sv: 'Minskat sedan baslinjen', en: 'Decreased since baseline' },
	'no-detectable-change': { sv: 'Ingen statistiskt säkerställd förändring', en: 'No significant change' },
	'not-assessable': { sv: 'Förändringen kan inte bedömas', en: 'Change cannot be assessed' }
};

/**
 * Why a change cannot be assessed, as a label. Only reasons that can go away with a new value
 * say "än"/"yet"; a series break never becomes assessable and says so.
 */
const NOT_ASSESSABLE: Record<ChangeReason, Record<Lang, string>> = {
	'no-later-value': { sv: 'Inget nytt värde efter baslinjen än', en: 'No new value since the baseline yet' },
	'window-before-strategy': { sv: 'Kan inte bedömas än (senaste perioden ligger mest före 2025)', en: 'Cannot be assessed yet (latest period lies mostly before 2025)' },
	'no-baseline': { sv: 'Kan inte bedömas (inget värde före 2025)', en: 'Cannot be assessed (no value before 2025)' },
	'series-break': { sv: 'Kan inte jämföras (tidsseriebrott)', en: 'Not comparable (series break)' },
	'no-ci': { sv: 'Kan inte bedömas (varken konfidensintervall eller antal svarande)', en: 'Cannot be assessed (neither confidence interval nor number of respondents)' }
};

type ChangeLike = ChangeOutcome | { outcome: ChangeOutcome; reason?: ChangeReason };

export function changeLabel(change: ChangeLike, lang: Lang): string {
	const c = typeof change === 'string' ? { outcome: change } : change;
	if (c.outcome === 'not-assessable' && 'reason' in c && c.reason) return NOT_ASSESSABLE[c.reason][lang];
	return LABELS[c.outcome][lang];
}

const REASON_SHORT: Record<ChangeReason, Record<Lang, string>> = {
	'no-later-value': { sv: 'inget nytt värde efter 2024', en: 'no new value after 2024' },
	'window-before-strategy': { sv: 'senaste perioden ligger mest före 2025', en: 'the latest period lies mostly before 2025' },
	'no-baseline': { sv: 'inget värde före 2025', en: 'no value before 2025' },
	'series-break': { sv: 'tidsseriebrott', en: 'a series break' },
	'no-ci': { sv: 'varken konfidensintervall eller antal svarande', en: 'neither confidence interval nor number of respondents' }
};

/** English verb agreement: "1 has", "2 have". */
const has = (n: number) => (n === 1 ? 'has' : 'have');

/**
 * "Av 4 indikatorer har 1 förbättrats och 0 försämrats statistiskt säkerställt sedan baslinjen …;
 * 2 kan inte bedömas (1: inget nytt värde efter 2024; 1: tidsseriebrott)." Counts only, so it
 * never claims more than the tests; the reasons are the real ones, counted.
 */
export function rollUpSentence(changes: readonly ChangeLike[], lang: Lang): string {
	const list = changes.map((c) => (typeof c === 'string' ? { outcome: c, reason: undefined } : c));
	const n = (o: ChangeOutcome) => list.filter((x) => x.outcome === o).length;
	const better = n('improved'), worse = n('worsened'), none = n('no-detectable-change'), na = n('not-assessable'), moved = n('increased') + n('decreased');
	const reasons = new Map<string, number>();
	for (const c of list) if (c.outcome === 'not-assessable') {
		const key = 'reason' in c && c.reason ? REASON_SHORT[c.reason][lang] : lang === 'sv' ? 'skäl okänt' : 'reason unknown';
		reasons.set(key, (reasons.get(key) ?? 0) + 1);
	}
	const why = [...reasons].map(([k, v]) => `${v}: ${k}`).join('; ');
	const sv = lang === 'sv';
	if (sv) {
		const parts = [`Av ${list.length} indikatorer har ${better} förbättrats och ${worse} försämrats statistiskt säkerställt sedan baslinjen (senaste värde före 2025)`];
		const rest = [`${none} visar ingen statistiskt säkerställd förändring`];
		if (moved) rest.push(`${moved} har förändrats statistiskt säkerställt utan värdering`);
		if (na) rest.push(`${na} kan inte bedömas (${why})`);
		return `${parts[0]}; ${rest.join(', ').replace(/, ([^,]*)$/, ' och $1')}.`;
	}
	const rest = [`${none} ${none === 1 ? 'shows' : 'show'} no significant change`];
	if (moved) rest.push(`${moved} ${has(moved)} changed significantly without a judgement`);
	if (na) rest.push(`${na} cannot be assessed (${why})`);
	return `Of ${list.length} indicators, ${better} ${has(better)} improved and ${worse} ${has(worse)} worsened significantly since the baseline (latest value before 2025); ${rest.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`;
}

const TREND: Record<TrendLabel, Record<Lang, string>> = {
	'getting-better': { sv: 'Förbättras', en: 'Getting better' },
	'getting-worse': { sv: 'Försämras', en: 'Getting worse' },
	increasing: { sv: 'Ökar', en: 'Increasing' },
	decreasing: { sv: 'Minskar', en: 'Decreasing' },
	'no-significant-trend': { sv: 'Ingen statistiskt säkerställd trend', en: 'No significant trend' },
	'not-assessable': { sv: 'Kan inte bedömas', en: 'Cannot be assessed' }
};

/** Short label for Fingertips' trend test (99.8 %), with the reason when it cannot be assessed. */
export function trendLabel(t: { label: TrendLabel; reason?: TrendReason; method?: string }, lang: Lang): string {
	if (t.reason) return `${TREND[t.label][lang]} (${TREND_REASON_TEXT[t.reason][lang]})`;
	if (t.method === 'register-sign') {
		if (t.label === 'no-significant-trend') return lang === 'sv' ? 'Ingen entydig trend (registeruppgift)' : 'No consistent trend (register data)';
		return `${TREND[t.label][lang]} (${lang === 'sv' ? 'registeruppgift' : 'register data'})`;
	}
	return TREND[t.label][lang];
}
