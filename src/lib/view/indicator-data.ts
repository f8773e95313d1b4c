/**
 * Everything the indicator page shows for one view, from one function: the build calls it with
 * the Node engine for the prerendered first view, the page calls it with the browser's engine
 * for every later view — the same query text, the same mapping, the same rules.
 */
import type { Engine } from '$lib/data/engine';
import { run } from '$lib/data/engine';
import type { IndicatorMeta } from '$lib/data/catalog';
import type { Observation } from '$lib/data/observation';
import { indicatorViewQuery, partOf, type ViewKey } from '$lib/data/queries';
import { benchmarkSeries, preferSingleYears } from '$lib/data/series';
import type { ComparisonOutcome, Level } from '$lib/stats';
import { parsePeriodKey, type IndicatorView } from './indicator-state';
import { countyOutcomes } from './outcomes';
import { dataKindOf } from './data-kind';
import { levelValue } from './ci-level';

export interface IndicatorData {
	/** The trend's line: the highlighted county's series, or the nation's (single years where it has them). */
	trend: Observation[];
	/** The nation's series for the same kind of period, drawn behind a county's trend; null for the nation. */
	benchmark: Observation[] | null;
	/** The nation's groups of the chosen dimension and period, the total first. */
	groups: Observation[];
	/** Every county and the nation for the chosen county period. */
	counties: Observation[];
	/** Each county against the nation at the view's confidence level. */
	outcomes: Record<string, ComparisonOutcome>;
}

/** The query key a view asks for. An empty period means the indicator has no such chart. */
export function viewKey(indicator: string, view: IndicatorView): ViewKey {
	return {
		indicator,
		region: view.region || '00',
		sex: view.sex,
		groupDim: view.group,
		groupPeriod: view.period ? parsePeriodKey(view.period) : null,
		countyPeriod: view.countyPeriod ? parsePeriodKey(view.countyPeriod) : null
	};
}

export async function indicatorData(engine: Engine, indicator: Pick<IndicatorMeta, 'id' | 'polarity' | 'unit'> & { sampling?: unknown }, view: IndicatorView): Promise<IndicatorData> {
	const result = await run(engine, indicatorViewQuery(viewKey(indicator.id, view)));
	const trend = partOf(result, 'trend');
	const counties = partOf(result, 'counties');
	// A county's own series are pooled windows; the nation's line shows single years where it can.
	const line = view.region ? trend : preferSingleYears(trend);
	return {
		trend: line,
		benchmark: view.region ? benchmarkSeries(line, partOf(result, 'nation')) : null,
		groups: partOf(result, 'groups'),
		counties,
		outcomes: countyOutcomes(counties, indicator.polarity, levelOf(view), dataKindOf(indicator))
	};
}

/** How many counties are better, worse or without a clear difference (higher/lower when the indicator is not judged). */
export function countyCounts(outcomes: Record<string, ComparisonOutcome>, polarity: IndicatorMeta['polarity']) {
	const count = (o: ComparisonOutcome) => Object.values(outcomes).filter((x) => x === o).length;
	const judged = polarity !== 'no-judgement';
	return { better: count(judged ? 'better' : 'lower'), worse: count(judged ? 'worse' : 'higher'), similar: count('similar'), judged };
}

export const levelOf = (view: Pick<IndicatorView, 'level'>): Level => levelValue(view.level);
