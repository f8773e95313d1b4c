/**
 * The SQL only the benchmark runs (bench/), kept in the query layer with the rest: the scale
 * dataset's generator (290 municipalities × every indicator's groups × sex × years, in the
 * observation schema), its per-county partitions, the 290-municipality aggregate, and the DuckDB
 * read_csv baseline the PX reader is compared with. The site never imports this module; the
 * views the bench measures use the site's own queries (queries.ts).
 * Relative imports with extensions: the bench imports this under plain tsx.
 */
import { OBSERVATION_KEY } from './observation.ts';
import type { Query } from './queries.ts';
import { sqlIdent, sqlInt, sqlString, sqlTable } from './sql.ts';

const statement = (sql: string): Query<void> => ({ sql, indicators: [], map: () => undefined });

/** The scale dataset's generator: tables `muni` and `ig`, then `obs` (observation columns + county). */
export function scaleGeneratorSql(
	municipalities: readonly { code: string; county: string }[],
	groups: readonly [indicator: string, groupDim: string, groupCode: string][],
	firstYear: number,
	years: number
): Query<void>[] {
	const values = (rows: readonly (readonly string[])[]) => rows.map((r) => `(${r.map(sqlString).join(', ')})`).join(',');
	const first = sqlInt(firstYear);
	return [
		statement(`CREATE TABLE muni AS SELECT * FROM (VALUES ${values(municipalities.map((m) => [m.code, m.county]))}) v(code, county)`),
		statement(`CREATE TABLE ig AS SELECT * FROM (VALUES ${values(groups)}) v(indicator_id, group_dim, group_code)`),
		// Hash-based pseudo-random but smooth-ish series: a level per indicator×municipality×group,
		// a slope, and small yearly noise, so the Parquet compresses like real data rather than noise.
		statement(`
		CREATE TABLE obs AS
		WITH base AS (
			SELECT ig.indicator_id, m.code AS region_code, m.county, s.sex, ig.group_dim, ig.group_code, y.range::INTEGER AS year,
				5 + (hash(ig.indicator_id, m.code, ig.group_code) % 500)::INTEGER / 10.0 AS level,
				((hash(ig.indicator_id, m.code, 'slope') % 41)::INTEGER - 20) / 100.0 AS slope,
				((hash(ig.indicator_id, m.code, ig.group_code, s.sex, y.range) % 41)::INTEGER - 20) / 10.0 AS noise,
				200 + (hash(m.code, ig.group_code, s.sex) % 1800)::INTEGER AS n
			FROM ig CROSS JOIN muni m CROSS JOIN (VALUES ('T'), ('K'), ('M')) s(sex) CROSS JOIN range(${first}, ${sqlInt(firstYear + years)}) y
		), v AS (
			SELECT *, greatest(0.5, least(99.5, round(level + slope * (year - ${first}) + noise, 1))) AS value FROM base
		)
		SELECT indicator_id, region_code, year AS period_start, year AS period_end, sex, group_dim, group_code,
			value,
			round(greatest(0, value - 196 * sqrt(value * (100 - value) / n) / 100), 1) AS ci_low,
			round(least(100, value + 196 * sqrt(value * (100 - value) / n) / 100), 1) AS ci_high,
			n, NULL::VARCHAR AS status, 'demo-' || indicator_id AS source_id, true AS is_demo, county
		FROM v
		ORDER BY indicator_id, county, region_code, period_start, period_end, sex, group_dim, group_code`)
	];
}

/** Rows in a table (the scale dataset, the CSV baseline). */
export function rowCountQuery(table: 'obs' | 't'): Query<number> {
	return { sql: `SELECT count(*)::DOUBLE AS n FROM ${table}`, indicators: [], map: (r) => Number(r.n) };
}

/** One indicator × county partition of the scale dataset → Parquet, sorted by the observation key as the site's files are. */
export function scalePartitionToParquet(indicator: string, county: string, file: string): Query<void> {
	const order = OBSERVATION_KEY.filter((k) => k !== 'indicator_id').join(', ');
	return statement(
		`COPY (SELECT * EXCLUDE (county) FROM obs WHERE indicator_id = ${sqlString(indicator)} AND county = ${sqlString(county)} ORDER BY ${order}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`
	);
}

/** One year's population-weighted national figure from every municipality, over tables `<prefix>_0 … <prefix>_{count-1}`. */
export function municipalAggregateQuery(prefix: string, count: number, year: number): Query<{ municipalities: number; value: number }> {
	const union = Array.from({ length: count }, (_, i) => `SELECT region_code, value, n FROM ${sqlTable(`${prefix}_${i}`)} WHERE period_start = ${sqlInt(year)} AND sex = 'T' AND group_dim = 'total'`).join(' UNION ALL ');
	return {
		sql: `SELECT count(DISTINCT region_code)::INTEGER AS municipalities, sum(value * n) / sum(n) AS value FROM (${union})`,
		indicators: [],
		map: (r) => ({ municipalities: Number(r.municipalities), value: Number(r.value) })
	};
}

/** The PX reader's baseline: a headerless all-numbers CSV read by DuckDB into table `t` (every value parsed). */
export function csvBaselineSql(file: string, columns: number): Query<void> {
	const cols = `{${Array.from({ length: columns }, (_, i) => `'c${i}': 'DOUBLE'`).join(', ')}}`;
	return statement(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv(${sqlString(file)}, header = false, delim = ',', columns = ${cols}, nullstr = '')`);
}

/** The number of threads DuckDB runs with. */
export const threadsQuery: Query<number> = { sql: `SELECT current_setting('threads')::INTEGER AS n`, indicators: [], map: (r) => Number(r.n) };

/**
 * The physical floor of an own survey file (#12's bench): DuckDB's read_csv of the file, every
 * column as text, into one SUM over the weight column and a count. No estimator reads it faster.
 */
export function respondentFileFloorQuery(file: string, weight: string): Query<{ sum: number; rows: number }> {
	return {
		sql: `SELECT sum(TRY_CAST(${sqlIdent(weight)} AS DOUBLE)) AS s, CAST(count(*) AS INTEGER) AS n FROM read_csv(${sqlString(file)}, header = true, all_varchar = true)`,
		indicators: [],
		map: (r) => ({ sum: Number(r.s), rows: Number(r.n) })
	};
}

/** A first statement that warms a fresh engine (the floor page runs it before the file is chosen). */
export const warmUpQuery: Query<number> = { sql: 'SELECT 1 AS one', indicators: [], map: (r) => Number(r.one) };
