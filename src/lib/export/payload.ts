/** What a chart hands to the exporters: its texts, its rows and its DOM (for the drawn SVG). */
import type { Observation } from '$lib/data/observation';
import type { Lang } from '$lib/i18n/format';

export interface ExportPayload {
	/** The ChartFrame id ("trend", "groups", …): the "view" part of file names. */
	id: string;
	title: string;
	subtitle: string;
	lang: Lang;
	rows: readonly Observation[];
	/** "Källa: …" */
	source: string;
	notes: string;
	/** "2018–2024" */
	period: string;
	demo: boolean;
	summary: string;
	rowLabel: (r: Observation) => string;
	/** The ChartFrame's root element; the chart SVGs are in its `.plot` elements. */
	element: HTMLElement;
	/** Link to the view; defaults to location.href. */
	permalink?: string;
	/** The level the drawn intervals are at (legends say it); 95 when absent. */
	ciLevel?: '95' | '99.8';
}

const slug = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9_]+/g, '-')
		.replace(/^-+|-+$/g, '') || 'diagram';

/** "ensamhetsmonitorn-<indicator>-<view>" (no extension, no demo suffix). */
export function fileBase(p: Pick<ExportPayload, 'id' | 'rows' | 'lang'>): string {
	const ids = [...new Set(p.rows.map((r) => r.indicator_id))];
	const indicator = ids.length === 1 ? ids[0] : ids.length === 0 ? 'diagram' : p.lang === 'sv' ? 'flera-indikatorer' : 'several-indicators';
	return `ensamhetsmonitorn-${slug(indicator).replaceAll('-', '_')}-${slug(p.id)}`;
}

export function permalinkOf(p: Pick<ExportPayload, 'permalink'>): string {
	if (p.permalink) return p.permalink;
	if (typeof location === 'undefined') return '';
	const u = new URL(location.href);
	u.hash = '';
	return u.href;
}
