/** Data the prerendered pages share: catalog files and the overview tiles. */
import type { IndicatorMeta, SourceMeta } from '$lib/data/catalog';
import { nationalSeriesQuery, type ObservationRow } from '$lib/data/queries';
import { groupBy, latestWithValue, preferSingleYears } from '$lib/data/series';
import { run } from '$lib/data/engine';
import { nodeEngine, readDataJson } from './db';
import { renderSvg } from './render';
import { changeSinceBaseline, type ChangeResult } from '$lib/stats';

export function indicators(): IndicatorMeta[] {
	return readDataJson<IndicatorMeta[]>('indicators.json');
}

export function sources(): SourceMeta[] {
	return readDataJson<SourceMeta[]>('sources.json');
}

export interface Tile {
	indicator: IndicatorMeta;
	series: ObservationRow[];
	latest: ObservationRow | null;
	spark: string;
	/** Change since the baseline (latest value before 2025), tested from the two CIs. */
	change: ChangeResult;
}

export async function nationalTiles(list: readonly IndicatorMeta[]): Promise<Tile[]> {
	const rows = await run(nodeEngine, nationalSeriesQuery(list.map((i) => i.id)));
	const byIndicator = groupBy(rows, (r) => r.indicator_id);
	return list.map((indicator) => {
		const series = preferSingleYears(byIndicator.get(indicator.id) ?? []);
		const change = changeSinceBaseline(series, { polarity: indicator.polarity, level: 0.95, seriesBreaks: (indicator.series_breaks ?? []).map((b) => b.year) });
		return { indicator, series, latest: latestWithValue(series) ?? null, spark: series.length > 1 ? renderSvg('sparkline', series, {}) : '', change };
	});
}

/** Only the sources the given rows cite, to keep page data small. */
export function sourcesFor(rows: readonly ObservationRow[]): SourceMeta[] {
	const used = new Set(rows.map((r) => r.source_id));
	return sources().filter((s) => used.has(s.source_id));
}
