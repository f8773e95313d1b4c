/**
 * What a slide deck is built from: one JSON file per deck, prerendered at build time by
 * `src/routes/bildspel/[key].json` from the same queries and statistics as the pages, and fetched
 * by the browser only when someone asks for the deck. Language-neutral (names and sentences in
 * both languages), so one file serves the Swedish and the English page.
 */
import type { Polarity, SourceMeta, Texts } from '$lib/data/catalog';
import type { Observation } from '$lib/data/observation';
import type { Outcome } from '$lib/charts/palette';

export type DeckKind = 'region' | 'subgoal' | 'indicator';

export interface DeckIndicator {
	id: string;
	subgoal: 1 | 2 | 3;
	name: Texts;
	short: Texts;
	polarity: Polarity;
	definition?: Texts;
	seriesBreaks: number[];
	/** The deck area's total series (the county, or the nation on nation decks), both sexes. */
	area: Observation[];
	/** The nation's total series for the same kind of periods as `area` (empty on nation decks). */
	nation: Observation[];
	/** The area's latest value and the nation's value for the same period. */
	latest: Observation | null;
	benchmark: Observation | null;
	/** The area against the nation at 95 % (region decks); 'not-compared' on nation decks. */
	outcome: Outcome;
	/** Every county (and the nation) for one period: `latest`'s on region decks, the latest county period otherwise. */
	counties: Observation[];
	countyOutcomes: Record<string, Outcome>;
	/** All counties for that period: min, quartiles, max (the spine's grey bar). */
	spread: { min: number; q1: number; q3: number; max: number } | null;
	/** The generated statistics sentences (comparison, change since baseline, trend). */
	sentences: Record<'sv' | 'en', string[]>;
}

export interface DeckData {
	kind: DeckKind;
	/** "region-21", "delmal-3", "indikator-no_confidant": the file name and the deck's id. */
	key: string;
	/** Where the figures are from: the county, or the nation. */
	area: { code: string; name: Texts };
	subgoal: 1 | 2 | 3 | null;
	indicators: DeckIndicator[];
	regionNames: Record<string, Texts>;
	sources: SourceMeta[];
	/** The page the deck belongs to, without language prefix: "/region/21". */
	path: string;
}

export function deckKey(kind: DeckKind, id: string): string {
	return `${kind === 'region' ? 'region' : kind === 'subgoal' ? 'delmal' : 'indikator'}-${id}`;
}
