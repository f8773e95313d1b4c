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
	/** One sentence in everyday words (the page's opening); the definition is the technical one. */
	plain?: Texts;
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
	/** English forms for English pages, CSV files and slides (the Swedish ones are publisher/title/citation). */
	publisher_en?: string;
	title_en?: string;
	citation_en?: string;
	/** A secondary page the figure was read from: named only as "citerad i" / "cited in", never as the source. */
	cited_in?: string;
}

/** The publisher's name in the page's language (English pages never show the Swedish form when there is an English one). */
export function publisherName(s: Pick<SourceMeta, 'publisher' | 'publisher_en'>, lang: Lang): string {
	return lang === 'en' ? (s.publisher_en ?? s.publisher) : s.publisher;
}

/** The source's title in the page's language. */
export function sourceTitle(s: Pick<SourceMeta, 'title' | 'title_en'>, lang: Lang): string {
	return lang === 'en' ? (s.title_en ?? s.title) : s.title;
}

/** The citation ("Källa: …" / "Source: …") in the page's language. */
export function citationText(s: Pick<SourceMeta, 'citation' | 'citation_en' | 'publisher' | 'publisher_en'>, lang: Lang): string {
	if (lang === 'sv') return s.citation || `Källa: ${s.publisher}`;
	return s.citation_en ?? `Source: ${publisherName(s, lang)}`;
}

export function sourceLine(ids: Iterable<string>, sources: readonly SourceMeta[], lang: Lang): string {
	const byId = new Map(sources.map((s) => [s.source_id, s]));
	const names = [...new Set([...ids].map((id) => { const s = byId.get(id); return s ? publisherName(s, lang) : id; }))];
	return `${lang === 'sv' ? 'Källa' : 'Source'}: ${names.join('; ')}`;
}

export interface RegionMeta {
	code: string;
	name: Texts;
	level: 'nation' | 'county' | 'municipality';
	[key: string]: unknown;
}
