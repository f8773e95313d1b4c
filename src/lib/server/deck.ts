/**
 * The data behind each slide deck (see `$lib/export/deck-data`), computed at build time with the
 * same queries, comparisons and sentence functions as the pages, so a slide never says something
 * its page does not.
 */
import type { IndicatorMeta } from '$lib/data/catalog';
import { run } from '$lib/data/engine';
import type { Observation } from '$lib/data/observation';
import { availabilityQuery, regionProfileQuery } from '$lib/data/queries';
import { latestWithValue, preferSingleYears } from '$lib/data/series';
import { changeSinceBaseline, describeChange, describeTrend, trend } from '$lib/stats';
import { profileRow, quantile } from '$lib/view/region-profile';
import { countyOutcomes, subjectName } from '$lib/view/outcomes';
import { deckKey, type DeckData, type DeckIndicator, type DeckKind } from '$lib/export/deck-data';
import { nodeEngine } from './db';
import { counties } from './catalog';
import { indicators, sourcesFor } from './pages';

const NATION = '00';

/** Every deck the site offers: one per county page (and Riket), subgoal and indicator. */
export function deckEntries(): { key: string }[] {
	return [
		...counties().map((r) => ({ key: deckKey('region', r.code) })),
		...[1, 2, 3].map((n) => ({ key: deckKey('subgoal', String(n)) })),
		...indicators().map((i) => ({ key: deckKey('indicator', i.id) }))
	];
}

/** Parse "region-21" / "delmal-3" / "indikator-<id>"; undefined when no such deck exists. */
export function parseDeckKey(key: string): { kind: DeckKind; id: string } | undefined {
	const m = /^(region|delmal|indikator)-(.+)$/.exec(key);
	if (!m) return undefined;
	const kind: DeckKind = m[1] === 'region' ? 'region' : m[1] === 'delmal' ? 'subgoal' : 'indicator';
	const ok = kind === 'region' ? counties().some((r) => r.code === m[2]) : kind === 'subgoal' ? ['1', '2', '3'].includes(m[2]) : indicators().some((i) => i.id === m[2]);
	return ok ? { kind, id: m[2] } : undefined;
}

function spreadOf(rows: readonly Observation[]) {
	const values = rows.filter((r) => r.region_code !== NATION && r.value !== null).map((r) => r.value!).sort((a, b) => a - b);
	return values.length >= 3 ? { min: values[0], q1: quantile(values, 0.25), q3: quantile(values, 0.75), max: values.at(-1)! } : null;
}

/** Every county's and the nation's total for one indicator in one period, in region-code order. */
function countiesIn(rows: readonly Observation[], indicator: string, period: { period_start: number; period_end: number }): Observation[] {
	return rows.filter((r) => r.indicator_id === indicator && r.period_start === period.period_start && r.period_end === period.period_end);
}

const breaksOf = (ind: IndicatorMeta) => (ind.series_breaks ?? []).map((b) => b.year);

/** A county's indicator: its series, the nation's for the same kind of periods, its rank among counties. */
async function countyIndicator(ind: IndicatorMeta, region: { code: string; name: { sv: string; en: string } }, rows: readonly Observation[], everyCounty: readonly Observation[]): Promise<DeckIndicator> {
	const own = rows.filter((r) => r.indicator_id === ind.id && r.region_code === region.code && (r.value !== null || r.status !== null));
	const latestOwn = own.at(-1);
	const countiesRows = latestOwn ? countiesIn(everyCounty, ind.id, latestOwn) : [];
	const p = profileRow(ind, region.code, region.name, rows, countiesRows);
	const nationAll = rows.filter((r) => r.indicator_id === ind.id && r.region_code === NATION);
	// The nation's line uses the county's kind of period (four-year windows against windows).
	const ownPeriods = new Set(own.map((r) => `${r.period_start}-${r.period_end}`));
	const sameKind = nationAll.filter((r) => ownPeriods.has(`${r.period_start}-${r.period_end}`));
	const subject = subjectName(ind.name);
	const sentences = (lang: 'sv' | 'en') =>
		[p.sentence['95'][lang], describeChange({ indicator: subject, area: region.name, result: p.change, lang }), describeTrend({ indicator: subject, area: region.name, result: p.trend, lang })].filter(Boolean);
	return {
		...meta(ind),
		area: own,
		nation: sameKind.length ? sameKind : preferSingleYears(nationAll),
		latest: p.estimate,
		benchmark: p.benchmark,
		outcome: p.at95.outcome,
		counties: countiesRows,
		countyOutcomes: countyOutcomes(countiesRows, ind.polarity, 0.95),
		spread: p.spread,
		sentences: { sv: sentences('sv'), en: sentences('en') }
	};
}

/** The nation's indicator (subgoal and indicator decks, Riket's region deck): its series and all counties' latest. */
async function nationIndicator(ind: IndicatorMeta, rows: readonly Observation[], everyCounty: readonly Observation[]): Promise<DeckIndicator> {
	const series = preferSingleYears(rows.filter((r) => r.indicator_id === ind.id && r.region_code === NATION && (r.value !== null || r.status !== null)));
	const av = await run(nodeEngine, availabilityQuery(ind.id));
	const countyPeriod = av.filter((a) => a.group_dim === 'total' && a.has_regions).sort((a, b) => a.period_end - b.period_end || a.period_start - b.period_start).at(-1);
	const countiesRows = countyPeriod ? countiesIn(everyCounty, ind.id, countyPeriod) : [];
	const seriesBreaks = breaksOf(ind);
	const change = changeSinceBaseline(series, { polarity: ind.polarity, level: 0.95, seriesBreaks });
	const tr = trend(series, { polarity: ind.polarity, seriesBreaks });
	const subject = subjectName(ind.name);
	const sentences = (lang: 'sv' | 'en') => [describeChange({ indicator: subject, result: change, lang }), describeTrend({ indicator: subject, result: tr, lang })];
	return {
		...meta(ind),
		area: series,
		nation: [],
		latest: latestWithValue(series) ?? null,
		benchmark: null,
		outcome: 'not-compared',
		counties: countiesRows,
		countyOutcomes: countyOutcomes(countiesRows, ind.polarity, 0.95),
		spread: spreadOf(countiesRows),
		sentences: { sv: sentences('sv'), en: sentences('en') }
	};
}

function meta(ind: IndicatorMeta) {
	return { id: ind.id, subgoal: ind.subgoal, name: ind.name, short: ind.short, polarity: ind.polarity, definition: ind.definition, seriesBreaks: breaksOf(ind) };
}

export async function deckData(key: string): Promise<DeckData | undefined> {
	const parsed = parseDeckKey(key);
	if (!parsed) return undefined;
	const regions = counties();
	const all = indicators();
	const list = parsed.kind === 'region' ? all : parsed.kind === 'subgoal' ? all.filter((i) => String(i.subgoal) === parsed.id) : all.filter((i) => i.id === parsed.id);
	const area = regions.find((r) => r.code === (parsed.kind === 'region' ? parsed.id : NATION))!;
	// One query (the region pages' own): every county's and the nation's totals.
	const everyCounty = await run(nodeEngine, regionProfileQuery({ indicators: list.map((i) => i.id), sex: 'T' }));
	const rows = everyCounty.filter((r) => r.region_code === area.code || r.region_code === NATION);
	const items: DeckIndicator[] = [];
	for (const ind of list) items.push(area.code === NATION ? await nationIndicator(ind, rows, everyCounty) : await countyIndicator(ind, { code: area.code, name: area.name }, rows, everyCounty));
	const shown = items.flatMap((i) => [...i.area, ...i.nation, ...i.counties]);
	return {
		kind: parsed.kind,
		key,
		area: { code: area.code, name: area.name },
		subgoal: parsed.kind === 'subgoal' ? (Number(parsed.id) as 1 | 2 | 3) : null,
		indicators: items,
		regionNames: Object.fromEntries(regions.map((r) => [r.code, r.name])),
		sources: sourcesFor(shown),
		path: parsed.kind === 'region' ? `/region/${parsed.id}` : parsed.kind === 'subgoal' ? `/delmal/${parsed.id}` : `/indikator/${parsed.id}`
	};
}
