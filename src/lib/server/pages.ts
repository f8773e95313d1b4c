/** Data the prerendered pages share: catalog files and the overview tiles. */
import type { IndicatorMeta, SourceMeta } from '$lib/data/catalog';
import type { Observation } from '$lib/data/observation';
import { nationalSeries, type NationalSeries } from '$lib/view/national-series';
import { nodeEngine, readDataJson } from './db';
import { renderSvg } from './render';

export function indicators(): IndicatorMeta[] {
	return readDataJson<IndicatorMeta[]>('indicators.json');
}

export function sources(): SourceMeta[] {
	return readDataJson<SourceMeta[]>('sources.json');
}

export interface Tile extends NationalSeries {
	/** The sparkline, drawn at build time. */
	spark: string;
}

export async function nationalTiles(list: readonly IndicatorMeta[]): Promise<Tile[]> {
	return (await nationalSeries(nodeEngine, list)).map((s) => ({ ...s, spark: s.series.length > 1 ? renderSvg('sparkline', s.series, {}) : '' }));
}

/** Only the sources the given rows cite, to keep page data small. */
export function sourcesFor(rows: readonly Observation[]): SourceMeta[] {
	const used = new Set(rows.map((r) => r.source_id));
	return sources().filter((s) => used.has(s.source_id));
}
