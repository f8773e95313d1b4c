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
	bool_or(region_code <> '00') AS has_regions, CAST(count(*) AS INTEGER) AS rows
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
 * Everything the indicator page shows for one view, in ONE query (one round trip to the
 * DuckDB worker instead of four): each row is tagged with the chart it belongs to.
 */
export function indicatorViewQuery(k: {
	indicator: string;
	region: string;
	sex: Sex;
	groupDim: string;
	groupPeriod: PeriodKey | null;
	countyPeriod: PeriodKey | null;
}): Query<{ part: ViewPart; row: ObservationRow }> {
	const parts = [
		`SELECT 'trend' AS part, ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE region_code = ${str(k.region)} AND sex = ${str(k.sex)} AND group_dim = 'total'`
	];
	if (k.region !== '00')
		parts.push(`SELECT 'nation' AS part, ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE region_code = '00' AND sex = ${str(k.sex)} AND group_dim = 'total'`);
	if (k.groupPeriod)
		parts.push(`SELECT 'groups' AS part, ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE region_code = '00' AND sex = ${str(k.sex)} AND (group_dim = ${str(k.groupDim)} OR group_dim = 'total')
  AND period_start = ${int(k.groupPeriod.start)} AND period_end = ${int(k.groupPeriod.end)}`);
	if (k.countyPeriod)
		parts.push(`SELECT 'counties' AS part, ${COLUMNS} FROM ${tableOf(k.indicator)}
WHERE length(region_code) = 2 AND sex = ${str(k.sex)} AND group_dim = 'total'
  AND period_start = ${int(k.countyPeriod.start)} AND period_end = ${int(k.countyPeriod.end)}`);
	return {
		indicators: [k.indicator],
		// Same orderings as trendQuery, groupBreakdownQuery and regionComparisonQuery, per part.
		sql: `SELECT * FROM (
${parts.join('\nUNION ALL\n')}
) ORDER BY part, (group_dim = 'total') DESC, region_code, group_code, period_end, period_start`,
		map: (r) => ({ part: String(r.part) as ViewPart, row: toObservation(r) })
	};
}
