/**
 * The SQL that reads and writes the data files, run through `Engine` by the pipeline
 * (pipelines/write) and the own-survey command: the observation table → Parquet (one combined
 * file, one per indicator), flat records → Parquet, Parquet → CSV, and the key checks behind the
 * datapackage's declared keys. Like queries.ts, each is a `Query` value run by engine.ts `run`.
 * Relative imports with extensions: the pipeline imports this under plain tsx.
 */
import { OBSERVATION_KEY } from './observation.ts';
import type { Query } from './queries.ts';
import { sqlIdent, sqlString, sqlTable } from './sql.ts';

/** The table the pipeline fills with every observation before writing files. */
export const OBSERVATIONS_TABLE = 'observations';

/** zstd, and row groups large enough that a partition is one group (DuckDB dictionary-encodes the repeated strings). */
const PARQUET = '(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)';
/** Files are sorted by the observation key, so a page's reads touch few pages. */
const ORDER = OBSERVATION_KEY.join(', ');

const parquet = (file: string) => `read_parquet(${sqlString(file)})`;
const quoted = (fields: readonly string[]) => fields.map(sqlIdent);

/** A statement whose answer is not read (COPY …). */
function statement(sql: string): Query<void> {
	return { sql, indicators: [], map: () => undefined };
}

/** A query answering one number in column `n`. */
function count(sql: string): Query<number> {
	return { sql, indicators: [], map: (r) => Number(r.n) };
}

/** The observation table (or one indicator of it) → a Parquet file, sorted by the key. */
export function observationsToParquet(file: string, indicator?: string): Query<void> {
	const where = indicator === undefined ? '' : ` WHERE indicator_id = ${sqlString(indicator)}`;
	return statement(`COPY (SELECT * FROM ${OBSERVATIONS_TABLE}${where} ORDER BY ${ORDER}) TO ${sqlString(file)} ${PARQUET}`);
}

/** The indicators present in the observation table, in order. */
export const indicatorIdsQuery: Query<string> = {
	sql: `SELECT DISTINCT indicator_id FROM ${OBSERVATIONS_TABLE} ORDER BY 1`,
	indicators: [],
	map: (r) => String(r.indicator_id)
};

/** Newline-delimited JSON records → a Parquet file (dimension tables: sources, regions, …). */
export function ndjsonToParquet(ndjson: string, file: string): Query<void> {
	return statement(`COPY (SELECT * FROM read_json(${sqlString(ndjson)}, format = 'newline_delimited')) TO ${sqlString(file)} ${PARQUET}`);
}

/** A CSV with a header and the given column types → a Parquet file (own-survey estimates). */
export function csvToParquet(csv: string, columns: Readonly<Record<string, string>>, file: string): Query<void> {
	const cols = Object.entries(columns)
		.map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
		.join(', ');
	return statement(`COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, columns = {${cols}})) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
}

/** A Parquet file → UTF-8 CSV: comma, header, double quotes, empty = missing. */
export function parquetToCsv(file: string, csv: string): Query<void> {
	return statement(`COPY (SELECT * FROM ${parquet(file)}) TO ${sqlString(csv)} (FORMAT csv, HEADER, DELIMITER ',', QUOTE '"', NULL '')`);
}

/** How many values of `fields` occur more than once in a Parquet file (0 = a key, if none is missing). */
export function duplicateKeysQuery(file: string, fields: readonly string[]): Query<number> {
	return count(`SELECT count(*) AS n FROM (SELECT ${quoted(fields).join(', ')} FROM ${parquet(file)} GROUP BY ALL HAVING count(*) > 1)`);
}

/** How many rows of a Parquet file miss one of `fields`. */
export function missingKeysQuery(file: string, fields: readonly string[]): Query<number> {
	return count(`SELECT count(*) AS n FROM ${parquet(file)} WHERE ${quoted(fields).map((f) => `${f} IS NULL`).join(' OR ')}`);
}

/** How many rows of `from` have `fields` that match no row's `toFields` in `to` (dangling foreign keys). */
export function danglingKeysQuery(from: string, fields: readonly string[], to: string, toFields: readonly string[]): Query<number> {
	const a = quoted(fields);
	const b = quoted(toFields);
	return count(`SELECT count(*) AS n FROM ${parquet(from)} a ANTI JOIN ${parquet(to)} b ON ${a.map((f, i) => `a.${f} = b.${b[i]}`).join(' AND ')}`);
}

/** A Parquet file's columns and their DuckDB types. */
export function columnsQuery(file: string): Query<{ name: string; type: string }> {
	return { sql: `DESCRIBE SELECT * FROM ${parquet(file)}`, indicators: [], map: (r) => ({ name: String(r.column_name), type: String(r.column_type) }) };
}

/** Drops a table if it is there (a file loaded again under the same name). */
export function dropTable(table: string): Query<void> {
	return statement(`DROP TABLE IF EXISTS ${sqlTable(table)}`);
}
