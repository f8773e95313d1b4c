/**
 * The site's view of the dimension files the pipeline writes (static/data/*.json). Fields the
 * pages rely on are required; richer catalog fields are optional so the site degrades gracefully.
 */
import type { Lang } from '$lib/i18n/format';
import type { Polarity } from '$lib/stats/types';

export type Texts = Record<Lang, string>;
export type { Polarity };

export interface SeriesBreak {
	year: number;
	reason?: Texts;
}

export interface IndicatorMeta {
	id: string;
	subgoal: 1 | 2 | 3;
	name: Texts;
	short: Texts;
	unit: string;
	polarity: Polarity;
	definition?: Texts;
	question?: Texts;
	series_breaks?: SeriesBreak[];
	[key: string]: unknown;
}

export interface SourceMeta {
	source_id: string;
	publisher: string;
	title: string;
	url: string;
	licence: string;
	/** Attribution line shown under every chart, e.g. "Källa: SCB, ULF/SILC". */
	citation: string;
	/** When the raw answer was fetched from the publisher (null for figures copied from a web page). */
	fetched_at: string | null;
}

export function sourceLine(ids: Iterable<string>, sources: readonly SourceMeta[], lang: Lang): string {
	const byId = new Map(sources.map((s) => [s.source_id, s]));
	const names = [...new Set([...ids].map((id) => byId.get(id)?.publisher ?? id))];
	return `${lang === 'sv' ? 'Källa' : 'Source'}: ${names.join('; ')}`;
}

export interface RegionMeta {
	code: string;
	name: Texts;
	level: 'nation' | 'county' | 'municipality';
	[key: string]: unknown;
}
