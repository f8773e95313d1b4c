/**
 * Every SQL statement the site runs, in one place. A query is a plain value — its SQL, the
 * per-indicator tables it reads and a mapper to a typed row — run through one `Engine`
 * (engine.ts `run`): @duckdb/node-api at build time for the prerendered first view, DuckDB-WASM
 * in the browser afterwards, cached by SQL text. Components and routes never hold SQL.
 *
 * Table `obs_<indicator>` holds one indicator's partition (static/data/indicators/<id>.parquet).
 */
import { OBSERVATION_COLUMNS, type Observation, type Sex } from './observation';
import { sqlInt as int, sqlString as str, tableOf } from './sql';

export { tableOf };

export interface Query<Row> {
	sql: string;
	/** Indicator partitions the query needs loaded. */
	indicators: readonly string[];
	map(row: Record<string, unknown>): Row;
}

const COLUMNS = OBSERVATION_COLUMNS.join(', ');

/** A result row as an Observation: numbers as numbers (DuckDB may hand back BigInt), NULL as null. */
function toObservation(r: Record<string, unknown>): Observation {
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

/** The nation's total series for several indicators at once (overview tiles, sparklines). */
export function nationalSeriesQuery(indicators: readonly string[]): Query<Observation> {
	return {
		indicators,
		sql: acrossIndicators(indicators, `region_code = '00' AND sex = 'T' AND group_dim = 'total'`, 'indicator_id, period_end, period_start'),
		map: toObservation
	};
}

/** The same selection from several indicators' tables, as one result in the given order. */
function acrossIndicators(indicators: readonly string[], where: string, orderBy: string): string {
	return indicators.map((id) => `SELECT ${COLUMNS} FROM ${tableOf(id)}\nWHERE ${where}`).join('\nUNION ALL\n') + `\nORDER BY ${orderBy}`;
}

/**
 * The nation's groups (every breakdown, every period, both sexes together) for several
 * indicators at once: the subgoal page's gap grid picks each breakdown's latest period from them.
 */
export function nationalGroupsQuery(indicators: readonly string[]): Query<Observation> {
	return {
		indicators,
		sql: acrossIndicators(indicators, `region_code = '00' AND sex = 'T' AND group_dim <> 'total'`, 'indicator_id, group_dim, period_end, period_start, group_code'),
		map: toObservation
	};
}

/**
 * Every county's and the nation's totals for several indicators, every period. A region profile
 * needs the region's series, the nation's for the same periods and every county's value in that
 * period (the spread, similar counties); one query holds all three, and it is the same text for
 * every region page, so the build runs it once.
 */
export function regionProfileQuery(k: { indicators: readonly string[]; sex: Sex; municipality?: string; allMunicipalities?: boolean }): Query<Observation> {
	// A municipality page adds its own rows; county pages keep one shared text. The build asks for
	// every municipality at once (one query and one row mapping for all municipal pages, not one each).
	const where = k.allMunicipalities ? 'length(region_code) IN (2, 4)' : k.municipality ? `(length(region_code) = 2 OR region_code = ${str(k.municipality)})` : 'length(region_code) = 2';
	return {
		indicators: k.indicators,
		sql: k.indicators
			.map(
				(id) => `SELECT ${COLUMNS} FROM ${tableOf(id)}
WHERE ${where} AND sex = ${str(k.sex)} AND group_dim = 'total'`
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

/**
 * Every source an indicator's rows cite. A page names the sources of any view the reader may
 * choose, not only of the first one: a later view can show rows from another file.
 */
export function sourceIdsQuery(indicator: string): Query<string> {
	return {
		indicators: [indicator],
		sql: `SELECT DISTINCT source_id FROM ${tableOf(indicator)} ORDER BY source_id`,
		map: (r) => String(r.source_id)
	};
}

export type ViewPart = 'trend' | 'nation' | 'groups' | 'counties';

export interface PeriodKey {
	start: number;
	end: number;
}

export interface ViewKey {
	indicator: string;
	/** The trend's region ('00' the nation); the nation's series comes along as its benchmark. */
	region: string;
	sex: Sex;
	groupDim: string;
	groupPeriod: PeriodKey | null;
	countyPeriod: PeriodKey | null;
}

/**
 * Everything the indicator page shows for one view, in ONE query — one round trip to the DuckDB
 * worker and one scan of the partition: the rows any chart needs, each tagged with the charts it
 * belongs to (a row can serve several, e.g. the nation's total). One ORDER BY suits every chart:
 * a trend (one region, total) by period; the groups (nation, one period) total first, then by
 * code; the counties (one period) by region code.
 */
export function indicatorViewQuery(k: ViewKey): Query<{ parts: ViewPart[]; row: Observation }> {
	const inPeriod = (p: PeriodKey | null) => (p ? `period_start = ${int(p.start)} AND period_end = ${int(p.end)}` : 'false');
	const trend = `region_code = ${str(k.region)} AND group_dim = 'total'`;
	const nation = k.region !== '00' ? `region_code = '00' AND group_dim = 'total'` : 'false';
	const groups = `region_code = '00' AND (group_dim = ${str(k.groupDim)} OR group_dim = 'total') AND ${inPeriod(k.groupPeriod)}`;
	const counties = `length(region_code) = 2 AND group_dim = 'total' AND ${inPeriod(k.countyPeriod)}`;
	return {
		indicators: [k.indicator],
		sql: `SELECT ${COLUMNS}, (${trend}) AS in_trend, (${nation}) AS in_nation, (${groups}) AS in_groups, (${counties}) AS in_counties
FROM ${tableOf(k.indicator)}
WHERE sex = ${str(k.sex)} AND ((${trend}) OR (${nation}) OR (${groups}) OR (${counties}))
ORDER BY region_code, group_dim <> 'total', group_code, period_end, period_start`,
		map: (r) => ({
			parts: (['trend', 'nation', 'groups', 'counties'] as const).filter((p) => Boolean(r[`in_${p}`])),
			row: toObservation(r)
		})
	};
}

/** The rows of one chart from an indicatorViewQuery answer (already in that chart's order). */
export function partOf(result: readonly { parts: ViewPart[]; row: Observation }[], part: ViewPart): Observation[] {
	return result.filter((x) => x.parts.includes(part)).map((x) => x.row);
}
