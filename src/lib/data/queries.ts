/**
 * Every SQL statement the site runs, in one place. A query is a plain value — its SQL, the
 * per-indicator tables it reads and a mapper to a typed row — so the same query runs at build
 * time in Node (@duckdb/node-api, to prerender first views) and in the browser (DuckDB-WASM,
 * for interaction), and can be cached by its SQL text. Components never hold SQL.
 *
 * Table `obs_<indicator>` holds one indicator's partition (static/data/indicators/<id>.parquet).
 */
import type { Observation, Sex } from './observation';

export interface Query<Row> {
	sql: string;
	/** Indicator partitions the query needs loaded. */
	indicators: readonly string[];
	map(row: Record<string, unknown>): Row;
}

export type ObservationRow = Observation;

/** Table name for an indicator's partition; ids are validated so they can't inject SQL. */
export function tableOf(indicator: string): string {
	if (!/^[a-z][a-z0-9_]*$/.test(indicator)) throw new Error(`invalid indicator id "${indicator}"`);
	return `obs_${indicator}`;
}

function str(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}
function int(n: number): string {
	if (!Number.isInteger(n)) throw new Error(`expected an integer, got ${n}`);
	return String(n);
}

const COLUMNS = `indicator_id, region_code, period_start, period_end, sex, group_dim, group_code,
	value, ci_low, ci_high, n, status, source_id, is_demo`;

function toObservation(r: Record<string, unknown>): ObservationRow {
	const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
	return {
		indicator_id: String(r.indicator_id),
		region_code: String(r.region_code),
		period_start: Number(r.period_start),
		period_end: Number(r.period_end),
		sex: String(r.sex) as Sex,
		group_dim: String(r.group_dim),
		group_code: String(r.group_code),
		value: num(r.value),
		ci_low: num(r.ci_low),
		ci_high: num(r.ci_high),
		n: num(r.n),
		status: r.status === null || r.status === undefined ? null : String(r.status),
		source_id: String(r.source_id),
		is_demo: Boolean(r.is_demo)
	};
}

export interface SeriesKey {
	indicator: string;
	region: string;
	sex: Sex;
	groupDim: string;
	groupCode: string;
}

/** One line over time: every period of one region, sex and group. */
export function trendQuery(k: SeriesKey): Query<ObservationRow> {
	return {
		indicators: [k.indicator],
		sql: `SELECT ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE region_code = ${str(k.region)} AND sex = ${str(k.sex)} AND group_dim = ${str(k.groupDim)} AND group_code = ${str(k.groupCode)}
ORDER BY period_end, period_start`,
		map: toObservation
	};
}

/** The nation's total series for several indicators at once (overview tiles, sparklines). */
export function nationalSeriesQuery(indicators: readonly string[]): Query<ObservationRow> {
	return {
		indicators,
		sql: indicators
			.map(
				(id) => `SELECT ${COLUMNS} FROM ${tableOf(id)}
WHERE region_code = '00' AND sex = 'T' AND group_dim = 'total'`
			)
			.join('\nUNION ALL\n')
			.concat('\nORDER BY indicator_id, period_end, period_start'),
		map: toObservation
	};
}

export interface PeriodKey {
	start: number;
	end: number;
}

/** All groups of one dimension (plus the total, for reference) in one region and period. */
export function groupBreakdownQuery(k: { indicator: string; region: string; sex: Sex; groupDim: string; period: PeriodKey }): Query<ObservationRow> {
	return {
		indicators: [k.indicator],
		sql: `SELECT ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE region_code = ${str(k.region)} AND sex = ${str(k.sex)}
  AND (group_dim = ${str(k.groupDim)} OR group_dim = 'total')
  AND period_start = ${int(k.period.start)} AND period_end = ${int(k.period.end)}
ORDER BY group_dim = 'total' DESC, group_code`,
		map: toObservation
	};
}

/** Every region's total for one period (county comparison, map); the nation included as benchmark. */
export function regionComparisonQuery(k: { indicator: string; sex: Sex; period: PeriodKey }): Query<ObservationRow> {
	return {
		indicators: [k.indicator],
		sql: `SELECT ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE length(region_code) = 2 AND sex = ${str(k.sex)} AND group_dim = 'total'
  AND period_start = ${int(k.period.start)} AND period_end = ${int(k.period.end)}
ORDER BY region_code`,
		map: toObservation
	};
}

/** A region's and the nation's totals for every indicator and period (region profile). */
export function regionProfileQuery(k: { region: string; indicators: readonly string[]; sex: Sex }): Query<ObservationRow> {
	return {
		indicators: k.indicators,
		sql: k.indicators
			.map(
				(id) => `SELECT ${COLUMNS} FROM ${tableOf(id)}
WHERE region_code IN (${str(k.region)}, '00') AND sex = ${str(k.sex)} AND group_dim = 'total'`
			)
			.join('\nUNION ALL\n')
			.concat('\nORDER BY indicator_id, region_code, period_end, period_start'),
		map: toObservation
	};
}

/** Municipalities (4-digit codes) with at least one value, and which indicators they have: who gets a page. */
export function municipalitiesWithDataQuery(indicators: readonly string[]): Query<{ region_code: string; indicators: string[] }> {
	return {
		indicators,
		sql: `SELECT region_code, list(DISTINCT indicator_id ORDER BY indicator_id) AS indicators FROM (
${indicators.map((id) => `SELECT region_code, indicator_id FROM ${tableOf(id)} WHERE length(region_code) = 4 AND value IS NOT NULL`).join('\nUNION ALL\n')}
) GROUP BY region_code ORDER BY region_code`,
		map: (r) => ({ region_code: String(r.region_code), indicators: (r.indicators as unknown[]).map(String) })
	};
}

export interface Availability {
	group_dim: string;
	group_code: string;
	period_start: number;
	period_end: number;
	has_regions: boolean;
	rows: number;
}

/** What an indicator has: which group codes and periods, and whether counties are present. */
export function availabilityQuery(indicator: string): Query<Availability> {
	return {
		indicators: [indicator],
		sql: `SELECT group_dim, group_code, period_start, period_end,
	bool_or(length(region_code) = 2 AND region_code <> '00') AS has_regions, CAST(count(*) AS INTEGER) AS rows
FROM ${tableOf(indicator)}
GROUP BY ALL ORDER BY group_dim, group_code, period_end, period_start`,
		map: (r) => ({
			group_dim: String(r.group_dim),
			group_code: String(r.group_code),
			period_start: Number(r.period_start),
			period_end: Number(r.period_end),
			has_regions: Boolean(r.has_regions),
			rows: Number(r.rows)
		})
	};
}

export type ViewPart = 'trend' | 'nation' | 'groups' | 'counties';

/**
 * Everything the indicator page shows for one view, in ONE query — one round trip to the DuckDB
 * worker and one scan of the partition instead of four: the rows any chart needs, each tagged with
 * the charts it belongs to (a row can serve several, e.g. the nation's total). Ordering per chart
 * is done by `splitView`, in the same order as the per-chart queries.
 */
export function indicatorViewQuery(k: {
	indicator: string;
	region: string;
	sex: Sex;
	groupDim: string;
	groupPeriod: PeriodKey | null;
	countyPeriod: PeriodKey | null;
}): Query<{ parts: ViewPart[]; row: ObservationRow }> {
	const inPeriod = (p: PeriodKey | null) => (p ? `period_start = ${int(p.start)} AND period_end = ${int(p.end)}` : 'false');
	const trend = `region_code = ${str(k.region)} AND group_dim = 'total'`;
	const nation = k.region !== '00' ? `region_code = '00' AND group_dim = 'total'` : 'false';
	const groups = `region_code = '00' AND (group_dim = ${str(k.groupDim)} OR group_dim = 'total') AND ${inPeriod(k.groupPeriod)}`;
	const counties = `length(region_code) = 2 AND group_dim = 'total' AND ${inPeriod(k.countyPeriod)}`;
	return {
		indicators: [k.indicator],
		sql: `SELECT ${COLUMNS}, (${trend}) AS in_trend, (${nation}) AS in_nation, (${groups}) AS in_groups, (${counties}) AS in_counties
FROM ${tableOf(k.indicator)}
WHERE sex = ${str(k.sex)} AND ((${trend}) OR (${nation}) OR (${groups}) OR (${counties}))`,
		map: (r) => ({
			parts: (['trend', 'nation', 'groups', 'counties'] as const).filter((p) => Boolean(r[`in_${p}`])),
			row: toObservation(r)
		})
	};
}

/** The rows of one chart from an indicatorViewQuery answer, ordered as that chart's own query orders them. */
export function splitView(result: readonly { parts: ViewPart[]; row: ObservationRow }[], part: ViewPart): ObservationRow[] {
	const rows = result.filter((x) => x.parts.includes(part)).map((x) => x.row);
	const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
	return rows.sort((a, b) =>
		part === 'groups'
			? cmp(a.group_dim === 'total' ? 0 : 1, b.group_dim === 'total' ? 0 : 1) || cmp(a.group_code, b.group_code)
			: part === 'counties'
				? cmp(a.region_code, b.region_code)
				: cmp(a.period_end, b.period_end) || cmp(a.period_start, b.period_start)
	);
}
