/**
 * No chart is drawn empty: when a chart has nothing to draw, its frame says why in one sentence.
 * The reason comes from what the catalog says the source publishes (breakdowns, geography), so
 * "the source does not publish this" is told apart from "nothing for this choice".
 */
import type { IndicatorMeta } from '$lib/data/catalog';
import type { Observation } from '$lib/data/observation';
import type { Lang } from '$lib/i18n/format';

export type ChartPart = 'trend' | 'groups' | 'regions' | 'municipalities';

/** Whether a chart of that kind has anything to draw (a value it plots as a mark). */
export function drawable(part: ChartPart, rows: readonly Observation[]): boolean {
	if (part === 'groups') return rows.some((r) => r.group_dim !== 'total' && r.value !== null);
	if (part === 'regions') return rows.some((r) => r.region_code !== '00' && r.value !== null);
	return rows.some((r) => r.value !== null);
}

const GROUP_DIMS = (i: IndicatorMeta) => ((i.breakdowns as string[] | undefined) ?? []).filter((b) => b !== 'sex');
const GEO = (i: IndicatorMeta) => (i.geography as string[] | undefined) ?? [];

/** '' when the chart has marks; otherwise one sentence saying why it has none. */
export function emptyReason(part: ChartPart, indicator: IndicatorMeta, rows: readonly Observation[], lang: Lang, place?: string): string {
	if (drawable(part, rows)) return '';
	const sv = lang === 'sv';
	if (part === 'groups' && GROUP_DIMS(indicator).length === 0)
		return sv ? 'Källan redovisar inte den här indikatorn efter grupp, bara för hela befolkningen.' : 'The source does not publish this indicator by group, only for the whole population.';
	if (part === 'groups')
		return sv ? 'Källan redovisar inga gruppvärden för det här valet av kön och period.' : 'The source publishes no group values for this choice of sex and period.';
	if (part === 'regions' && !GEO(indicator).includes('county'))
		return sv ? 'Källan redovisar den här indikatorn bara för riket, inte för län.' : 'The source publishes this indicator for Sweden only, not for counties.';
	if (part === 'regions') return sv ? 'Källan redovisar inga länsvärden för den här perioden.' : 'The source publishes no county values for this period.';
	if (part === 'municipalities') return sv ? 'Det finns inga kommunvärden för den här indikatorn.' : 'There are no municipal values for this indicator.';
	return place
		? sv
			? `Källan redovisar inga värden för ${place} för det här valet.`
			: `The source publishes no values for ${place} for this choice.`
		: sv
			? 'Källan redovisar inga värden för det här valet.'
			: 'The source publishes no values for this choice.';
}
