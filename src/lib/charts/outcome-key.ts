/**
 * The outcome key shared by the charts that mark comparisons with shape and colour (county chart,
 * spine chart). The legend lists every category the indicator can have, not only those drawn
 * (a reader must see that "better than Sweden" exists even when no county is), and draws the
 * marks' real shapes. A dot's fill, stroke and symbol are bound to one channel so that Plot's
 * symbol legend copies the marks exactly; the ✕ of "not compared" is drawn dark, since a stroked
 * cross in the light map grey would vanish on white.
 */
import type { Polarity } from '$lib/data/catalog';
import { MUTED, OUTCOME_COLOR, OUTCOME_SYMBOL, type Outcome } from './palette';

/** Every outcome an indicator of this polarity can show, in reading order. */
export function outcomeDomain(polarity: Polarity): Outcome[] {
	return polarity === 'no-judgement' ? ['higher', 'similar', 'lower', 'not-compared'] : ['better', 'similar', 'worse', 'not-compared'];
}

/** Polarity as told by the outcomes themselves, for callers that do not pass it. */
export function inferPolarity(outcomes: Iterable<Outcome>): Polarity {
	for (const o of outcomes) if (o === 'higher' || o === 'lower') return 'no-judgement';
	return 'higher-is-better';
}

export function markColor(o: Outcome): string {
	return o === 'not-compared' ? MUTED : OUTCOME_COLOR[o];
}

/** Plot scale options: one symbol legend with coloured real shapes; no separate colour legend. */
export function outcomeScales(polarity: Polarity, labels: Record<Outcome, string>) {
	const domain = outcomeDomain(polarity);
	return {
		color: { domain, range: domain.map(markColor), legend: false },
		symbol: { domain, range: domain.map((o) => OUTCOME_SYMBOL[o]), tickFormat: (o: Outcome) => labels[o], legend: true }
	};
}
