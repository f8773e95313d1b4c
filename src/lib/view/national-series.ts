/**
 * The nation's series per indicator, with its latest value and its change since the 2024
 * baseline: the overview's tiles and featured chart, the subgoal pages' trends. One function for
 * the build (first paint) and the browser (the same query afterwards).
 */
import type { IndicatorMeta } from '$lib/data/catalog';
import { run, type Engine } from '$lib/data/engine';
import type { Observation } from '$lib/data/observation';
import { nationalSeriesQuery } from '$lib/data/queries';
import { groupBy, latestWithValue, preferSingleYears, sameKindAs } from '$lib/data/series';
import { dataKindOf } from './data-kind';
import { changeSinceBaseline, type ChangeResult } from '$lib/stats';

export interface NationalSeries {
	indicator: IndicatorMeta;
	/** Single years where the source has them (else pooled windows), oldest first. */
	series: Observation[];
	latest: Observation | null;
	/** Change since the baseline (latest value before 2025), tested from the two CIs. */
	change: ChangeResult;
}

export async function nationalSeries(engine: Engine, list: readonly IndicatorMeta[]): Promise<NationalSeries[]> {
	const rows = await run(engine, nationalSeriesQuery(list.map((i) => i.id)));
	const byIndicator = groupBy(rows, (r) => r.indicator_id);
	return list.map((indicator) => {
		const series = preferSingleYears(byIndicator.get(indicator.id) ?? []);
		const latest = latestWithValue(series) ?? null;
		// Change since the baseline within one kind: never a real value against an example value.
		const change = changeSinceBaseline(sameKindAs(series, latest), { polarity: indicator.polarity, level: 0.95, seriesBreaks: (indicator.series_breaks ?? []).map((b) => b.year), ...dataKindOf(indicator) });
		return { indicator, series, latest, change };
	});
}
