/**
 * The survey estimator as SQL: respondent-level rows → weighted shares with design-based
 * standard errors, for every domain (nation/whole file, region, sex, group and their crossings).
 * Queries are values (SQL text + a typed row mapper), as in queries.ts, so the pipeline runs them
 * with @duckdb/node-api and /egna-data runs the very same text with DuckDB-WASM in its worker.
 *
 * Method (what R's survey package computes with svydesign(ids = ~psu, strata = ~stratum,
 * weights = ~w, nest = TRUE) and svyby(~y, ~domain, svymean, na.rm = TRUE), and SAS PROC
 * SURVEYFREQ without its df choice):
 *
 *   p_d  = Σ w·z·y / Σ w·z                      z = 1 in domain d with a valid answer, else 0
 *   u_i  = w_i·z_i·(y_i − p_d) / Σ w·z           linearised (influence) value of the ratio
 *   t_hj = Σ_{i ∈ PSU hj} u_i                    PSU totals; PSUs without domain members have t = 0
 *   V    = Σ_h f_h · n_h/(n_h − 1) · Σ_j (t_hj − t̄_h)²     PSUs sampled with replacement
 *
 * n_h counts the stratum's PSUs in the whole file, not in the domain: a domain is estimated over
 * the full design, never by cutting the file (cutting drops the zero totals and gives a different,
 * wrong, variance — tests/pipeline/estimate.test.ts shows the difference is exactly that).
 * f_h = 1 − n_h/N_h with a finite population correction (N_h PSUs, or a sampling fraction ≤ 1),
 * else 1. A stratum with one PSU (n_h = 1) is handled as survey.lonely.psu = "adjust": its total
 * is centred at the grand mean of the PSU totals — zero for a ratio's linearised values — and
 * counts with factor f_h; under `lonelyPsu: fail` the check query finds it first.
 * Without strata there is one stratum; without PSUs each respondent is its own PSU.
 *
 * Pooling: a window of k years divides the weights by k (weighted_n is then a yearly population).
 * CIs are computed from p and se by `surveyCi` (src/lib/own/ci.ts), in the row mapper.
 */
import { surveyCi } from '../own/ci';
import { DEFAULT_SEX_CODES, groupDimOf, normCode, poolYears, type SurveyDesign } from '../own/design';
import type { Sex } from './observation';
import type { Query } from './queries';
import { csvRowsOf } from '../export/csv';
import { sqlIdent as ident, sqlString as lit } from './sql';

/** A query as a value (queries.ts `Query`): SQL plus a mapper to a typed row; the respondents table is loaded by the file reader, not per indicator. */
export type EstimateQuery<Row> = Omit<Query<Row>, 'indicators'>;

/** The respondent file as loaded (every column as in the file). */
export const RESPONDENTS = 'respondents';
/** The typed view of it the estimator reads (one row per respondent). */
export const PREPARED = 'respondents_prepared';

function list(values: readonly string[]): string {
	return values.length ? values.map(lit).join(', ') : 'NULL';
}

/** The header line's most frequent separator among `,` `;` and tab. */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
	const count = (c: string) => headerLine.split(c).length - 1;
	const best = ([',', ';', '\t'] as const).map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0];
	return best[1] > 0 ? best[0] : ',';
}

/** The column names of a header line (quotes honoured; blank names become column<i>). */
export function parseHeader(line: string, delim: string): string[] {
	const [fields = ['']] = csvRowsOf(line, delim);
	return fields.map((c, i) => c.trim() || `column${i + 1}`);
}

/**
 * Loads a UTF-8 delimited text file as text columns, in file order. Separator and columns come
 * from the header (sniffDelimiter, parseHeader), not from DuckDB's sniffer: when a later row is
 * ragged, the sniffer may take that row for the header and skip the lines above it; fixed, a
 * ragged row is an error naming its line (see csvErrorText).
 */
export function loadCsvSql(path: string, delim: ',' | ';' | '\t', columns: readonly string[], as: 'TABLE' | 'VIEW' = 'TABLE'): string {
	const seen = new Set<string>();
	for (const c of columns) {
		if (seen.has(c)) throw new Error(`column "${c}" appears twice in the header`);
		seen.add(c);
	}
	const cols = columns.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ');
	return `CREATE OR REPLACE ${as} ${RESPONDENTS} AS SELECT * FROM read_csv(${lit(path)}, auto_detect = false, header = true, skip = 0, delim = ${lit(delim)}, quote = '"', escape = '"', strict_mode = true, columns = {${cols}})`;
}

/** DuckDB's CSV error → "line 22: 3 fields where the header has 2", else its first line. */
export function csvErrorText(message: string): string {
	const m = /CSV Error on Line: (\d+)[\s\S]*?Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (m) return `line ${m[1]}: ${Number(m[3]) > Number(m[2]) ? 'more' : 'fewer'} fields than the header's ${m[2]}`;
	const line = /CSV Error on Line: (\d+)/.exec(message);
	const first = message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
	return line ? `line ${line[1]}: ${first.replace(/^.*Error: /, '')}` : first.replace(/^Invalid Input Error: /, '');
}

/** Loads a Parquet file (Node; the browser goes through Arrow, see README). */
export function loadParquetSql(path: string): string {
	return `CREATE OR REPLACE TABLE ${RESPONDENTS} AS SELECT * FROM read_parquet(${lit(path)})`;
}

export interface ColumnInfo {
	name: string;
	type: string;
}

export const describeQuery: EstimateQuery<ColumnInfo> = {
	sql: `SELECT column_name, column_type FROM (DESCRIBE ${RESPONDENTS})`,
	map: (r) => ({ name: String(r.column_name), type: String(r.column_type) })
};

/** How many respondents the file holds. */
export const respondentCountQuery: EstimateQuery<number> = {
	sql: `SELECT CAST(count(*) AS INTEGER) AS n FROM ${RESPONDENTS}`,
	map: (r) => Number(r.n)
};

/** A few rows as text, to guess the mapping (browser form) and show the file. */
export function sampleQuery(limit = 2000): EstimateQuery<Record<string, string | null>> {
	return {
		sql: `SELECT * FROM ${RESPONDENTS} LIMIT ${Math.floor(limit)}`,
		map: (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]))
	};
}

/** Distinct values of one column with their counts (mapping form: codes of an item). */
export function valueCountsQuery(column: string, limit = 50): EstimateQuery<{ value: string | null; count: number }> {
	return {
		sql: `SELECT CAST(${ident(column)} AS VARCHAR) AS value, CAST(count(*) AS INTEGER) AS count FROM ${RESPONDENTS} GROUP BY 1 ORDER BY 2 DESC LIMIT ${Math.floor(limit)}`,
		map: (r) => ({ value: r.value === null || r.value === undefined ? null : String(r.value), count: Number(r.count) })
	};
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/i;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/i;

/**
 * A code as text, empty → NULL. Numbers from typed columns (Parquet, DuckDB) read as the code
 * a person would type: 1.0 → "1". No regular expressions: this runs for every cell of every
 * mapped column, and a million-row file must take seconds.
 */
function code(col: string, types: Record<string, string>): string {
	const t = types[col] ?? 'VARCHAR';
	if (INTEGER.test(t)) return `CAST(${ident(col)} AS VARCHAR)`;
	if (NUMERIC.test(t)) return `CASE WHEN ${ident(col)} = trunc(${ident(col)}) THEN CAST(CAST(${ident(col)} AS BIGINT) AS VARCHAR) ELSE CAST(${ident(col)} AS VARCHAR) END`;
	return `nullif(trim(CAST(${ident(col)} AS VARCHAR)), '')`;
}
/** A code list for IN (…): each integer code also as typed with a decimal ("1.0", "1,0"). */
function codeList(codes: readonly string[]): string {
	const all = codes.map(normCode).flatMap((c) => (/^-?\d+$/.test(c) ? [c, `${c}.0`, `${c},0`] : [c]));
	return list(all);
}
/** A number from text that may use a decimal comma; numeric columns are used as they are. */
function number(col: string, types: Record<string, string>): string {
	return NUMERIC.test(types[col] ?? '') ? `CAST(${ident(col)} AS DOUBLE)` : `TRY_CAST(replace(trim(CAST(${ident(col)} AS VARCHAR)), ',', '.') AS DOUBLE)`;
}

/**
 * The typed respondents, as a SELECT over `source`: weight (÷ years pooled), stratum, PSU, fpc,
 * region, sex (K/M), group codes g0…, items y0… (1 yes, 0 no, NULL missing), and the raw texts
 * a message needs. Codes are read once (inner SELECT), then classified. `source` may carry a
 * row_no column (the locate query); the table itself has none: numbering rows needs a window
 * over the whole file, which would serialise the scan, and only a bad row needs its number.
 */
function preparedSelect(d: SurveyDesign, types: Record<string, string>, source: string, rowNo: boolean): string {
	const sexCodes = d.sexCodes ?? DEFAULT_SEX_CODES;
	const lower = (xs: string[]) => xs.map((x) => normCode(x).toLowerCase());
	const inner: string[] = [
		...(rowNo ? ['row_no'] : []),
		`${number(d.weight, types)} / ${poolYears(d)} AS w`,
		`CAST(${ident(d.weight)} AS VARCHAR) AS w_raw`,
		d.strata ? `${code(d.strata, types)} AS h` : `'1' AS h`,
		// Without a PSU column each respondent is its own PSU.
		d.psu ? `${code(d.psu, types)} AS psu` : rowNo ? 'CAST(row_no AS VARCHAR) AS psu' : `CAST(row_number() OVER () AS VARCHAR) AS psu`,
		d.fpc ? `${number(d.fpc, types)} AS fpc` : `NULL::DOUBLE AS fpc`,
		d.region ? `${code(d.region, types)} AS region_raw` : `NULL::VARCHAR AS region_raw`,
		d.sex ? `${code(d.sex, types)} AS sex_raw` : `NULL::VARCHAR AS sex_raw`,
		...d.by.map((b, i) => `${code(b, types)} AS g${i}`),
		...d.items.map((it, k) => `${code(it.column, types)} AS c${k}`)
	];
	// County codes as two digits, municipality codes as four (1 → 01, 114 → 0114).
	const region = `CASE WHEN TRY_CAST(region_raw AS INTEGER) IS NULL THEN region_raw WHEN length(region_raw) <= 2 THEN lpad(region_raw, 2, '0') WHEN length(region_raw) <= 4 THEN lpad(region_raw, 4, '0') ELSE region_raw END AS region`;
	const outer: string[] = [
		`${rowNo ? 'row_no, w_raw, ' : ''}w, h, psu, fpc, sex_raw`,
		region,
		`CASE WHEN lower(sex_raw) IN (${codeList(lower(sexCodes.K))}) THEN 'K' WHEN lower(sex_raw) IN (${codeList(lower(sexCodes.M))}) THEN 'M' END AS sex`,
		...d.by.map((_, i) => `g${i}`),
		...d.items.map(
			(it, k) => `CASE WHEN c${k} IS NULL OR c${k} IN (${codeList(it.missing)}) THEN NULL WHEN c${k} IN (${codeList(it.yes)}) THEN 1.0 ELSE 0.0 END AS y${k}`
		)
	];
	return `SELECT ${outer.join(',\n  ')}\nFROM (SELECT ${inner.join(',\n  ')}\nFROM ${source})`;
}

export function prepareSql(d: SurveyDesign, types: Record<string, string>): string {
	return `CREATE OR REPLACE TABLE ${PREPARED} AS ${preparedSelect(d, types, RESPONDENTS, false)}`;
}

/** Kinds of bad row, each a condition on the typed columns (checked together, located one by one). */
export const BAD_ROWS = {
	weight: 'w IS NULL OR NOT isfinite(w) OR w <= 0',
	sex: 'sex IS NULL AND sex_raw IS NOT NULL',
	stratum: 'h IS NULL',
	psu: 'psu IS NULL',
	fpc: 'fpc IS NULL OR fpc <= 0'
} as const;
export type BadRowKind = keyof typeof BAD_ROWS;

export interface CheckRow {
	rows: number;
	/** Respondents with each kind of bad row (0 = none). */
	bad: Record<BadRowKind, number>;
	/** Valid answers per item (same order as design.items). */
	valid: number[];
	/** A stratum with a single PSU (first by name), and how many such strata. */
	lonelyStratum: string | null;
	lonelyStrata: number;
	strata: number;
	psus: number;
}

/** One scan that counts bad rows of each kind and what the estimator needs. */
export function checkQuery(d: SurveyDesign): EstimateQuery<CheckRow> {
	const valid = d.items.map((_, k) => `CAST(count(y${k}) AS INTEGER) AS valid${k}`);
	const kinds = (Object.keys(BAD_ROWS) as BadRowKind[]).filter((k) => k !== 'fpc' || d.fpc);
	return {
		sql: `WITH s AS (SELECT h, count(DISTINCT psu) AS k FROM ${PREPARED} GROUP BY h)
SELECT CAST(count(*) AS INTEGER) AS rows,
  ${kinds.map((k) => `CAST(count(*) FILTER (WHERE ${BAD_ROWS[k]}) AS INTEGER) AS bad_${k},`).join('\n  ')}
  ${valid.length ? valid.join(', ') + ',' : ''}
  (SELECT min(h) FROM s WHERE k = 1) AS lonely_stratum,
  (SELECT CAST(count(*) AS INTEGER) FROM s WHERE k = 1) AS lonely_strata,
  (SELECT CAST(count(*) AS INTEGER) FROM s) AS strata,
  (SELECT CAST(sum(k) AS INTEGER) FROM s) AS psus
FROM ${PREPARED}`,
		map: (r) => {
			const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
			return {
				rows: Number(r.rows),
				bad: Object.fromEntries((Object.keys(BAD_ROWS) as BadRowKind[]).map((k) => [k, Number(r[`bad_${k}`] ?? 0)])) as Record<BadRowKind, number>,
				valid: d.items.map((_, k) => Number(r[`valid${k}`])),
				lonelyStratum: s(r.lonely_stratum),
				lonelyStrata: Number(r.lonely_strata),
				strata: Number(r.strata),
				psus: Number(r.psus)
			};
		}
	};
}

/** The first bad row of a kind, numbered in file order (1 = first data row), with its raw texts. */
export function locateQuery(d: SurveyDesign, types: Record<string, string>, kind: BadRowKind): EstimateQuery<{ row: number; weight: string | null; sex: string | null }> {
	const numbered = `(SELECT row_number() OVER () AS row_no, * FROM ${RESPONDENTS})`;
	return {
		sql: `SELECT CAST(row_no AS INTEGER) AS row_no, w_raw, sex_raw FROM (${preparedSelect(d, types, numbered, true)}) WHERE ${BAD_ROWS[kind]} ORDER BY row_no LIMIT 1`,
		map: (r) => ({ row: Number(r.row_no), weight: r.w_raw === null || r.w_raw === undefined ? null : String(r.w_raw), sex: r.sex_raw === null || r.sex_raw === undefined ? null : String(r.sex_raw) })
	};
}

/** One estimate: the observation schema's columns plus se and the weighted base. */
export interface EstimateRow {
	indicator_id: string;
	region_code: string;
	sex: Sex;
	group_dim: string;
	group_code: string;
	period_start: number;
	period_end: number;
	/** Per cent; null when suppressed or no valid answers. */
	value: number | null;
	/** Percentage points. */
	se: number | null;
	ci_low: number | null;
	ci_high: number | null;
	/** Respondents with a valid answer in the domain. */
	n: number;
	/** Their weighted number (weights ÷ years pooled). */
	weighted_n: number;
	status: string | null;
}

export const ESTIMATE_COLUMNS = [
	'indicator_id',
	'region_code',
	'sex',
	'group_dim',
	'group_code',
	'period_start',
	'period_end',
	'value',
	'se',
	'ci_low',
	'ci_high',
	'n',
	'weighted_n',
	'status'
] as const satisfies readonly (keyof EstimateRow)[];

export interface EstimateOptions {
	/** Design degrees of freedom (PSUs − strata), for Korn–Graubard; from the check query. */
	df: number;
	/** Unrounded p and se as proportions too (tests and the R comparison). */
	raw?: boolean;
}

export type RawEstimateRow = EstimateRow & { p: number | null; se_p: number | null };

/**
 * Every domain of every item in one statement: cells (stratum × PSU × region × sex × groups) are
 * summed once over the file, then expanded to the domains each cell belongs to (its region and the
 * nation; its sex and T; its group in each `by` dimension and 'total'), so the file is scanned once
 * however many domains there are.
 */
export function estimateQuery(d: SurveyDesign, opts: EstimateOptions): EstimateQuery<RawEstimateRow> {
	const gs = d.by.map((_, i) => `g${i}`);
	const cellKeys = ['h', 'psu', 'region', 'sex', ...gs];
	const sums = d.items.map((_, k) => `sum(w * y${k}) AS a${k}, sum(w) FILTER (WHERE y${k} IS NOT NULL) AS b${k}, count(y${k}) AS n${k}`);
	const itemStructs = d.items.map((_, k) => `{'k': ${k}, 'a': coalesce(a${k}, 0), 'b': coalesce(b${k}, 0), 'n': n${k}}`);
	const groupStructs = [`{'d': 'total', 'c': 'total'}`, ...d.by.map((b, i) => `{'d': ${lit(groupDimOf(d, b))}, 'c': g${i}}`)];
	const dom = 'k, region_code, sex_code, gd, gc';
	const fpc = d.fpc ? `CASE WHEN any_value(fpc) <= 1 THEN 1 - any_value(fpc) ELSE 1 - count(DISTINCT psu) / any_value(fpc) END` : '1.0';
	const lonelyTerm = d.lonelyPsu === 'adjust' ? 'f * s2' : '0';
	const sql = `WITH cells AS (
  SELECT ${cellKeys.join(', ')}, ${sums.join(', ')}${d.fpc ? ', any_value(fpc) AS fpc' : ''}
  FROM ${PREPARED} GROUP BY ${cellKeys.join(', ')}
),
strata AS (
  SELECT h, count(DISTINCT psu) AS n_h, ${fpc} AS f FROM cells GROUP BY h
),
by_item AS (SELECT ${cellKeys.join(', ')}, unnest([${itemStructs.join(', ')}]) AS it FROM cells),
by_region AS (SELECT *, unnest(list_filter([region, '00'], x -> x IS NOT NULL)) AS region_code FROM by_item),
by_sex AS (SELECT *, unnest(list_filter([sex, 'T'], x -> x IS NOT NULL)) AS sex_code FROM by_region),
by_group AS (SELECT *, unnest(list_filter([${groupStructs.join(', ')}], x -> x.c IS NOT NULL)) AS g FROM by_sex),
psu_dom AS (
  SELECT it.k AS k, region_code, sex_code, g.d AS gd, g.c AS gc, h, psu,
    sum(it.a) AS a, sum(it.b) AS b, sum(it.n) AS n
  FROM by_group GROUP BY ALL
),
dom AS (
  SELECT ${dom}, sum(a) AS a, sum(b) AS b, sum(n) AS n FROM psu_dom GROUP BY ALL
),
t AS (
  SELECT ${dom.split(', ').map((c) => `p.${c}`).join(', ')}, p.h, s.n_h, s.f,
    (p.a - d.a / d.b * p.b) / d.b AS t
  FROM psu_dom p JOIN dom d USING (${dom}) JOIN strata s USING (h)
  WHERE d.b > 0
),
t_centred AS (
  SELECT *, sum(t) OVER (PARTITION BY ${dom}, h) / n_h AS t_mean FROM t
),
by_stratum AS (
  SELECT ${dom}, h, any_value(n_h) AS n_h, any_value(f) AS f,
    sum((t - t_mean) * (t - t_mean)) + (any_value(n_h) - count(*)) * any_value(t_mean) * any_value(t_mean) AS ss,
    sum(t * t) AS s2
  FROM t_centred GROUP BY ALL
),
variance AS (
  SELECT ${dom}, sum(CASE WHEN n_h > 1 THEN f * n_h / (n_h - 1) * ss ELSE ${lonelyTerm} END) AS v
  FROM by_stratum GROUP BY ALL
),
est AS (
  SELECT d.k, d.region_code, d.sex_code, d.gd, d.gc, CAST(d.n AS INTEGER) AS n, d.b AS weighted_n,
    CASE WHEN d.b > 0 THEN d.a / d.b END AS p, sqrt(greatest(v.v, 0)) AS se
  FROM dom d LEFT JOIN variance v USING (${dom})
)
SELECT *,
  ${
		d.suppressBothSexes
			? `max(CASE WHEN sex_code <> 'T' AND n < ${Math.floor(d.minN)} THEN 1 ELSE 0 END) OVER (PARTITION BY k, region_code, gd, gc) = 1 AND sex_code <> 'T'`
			: 'false'
	} AS sibling_small
FROM est
ORDER BY k, region_code, gd <> 'total', gd, gc, CASE sex_code WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END`;
	return {
		sql,
		map: (r) => {
			const item = d.items[Number(r.k)];
			const n = Number(r.n);
			const p = r.p === null || r.p === undefined ? null : Number(r.p);
			const se = r.se === null || r.se === undefined ? null : Number(r.se);
			const suppressed = n < d.minN || Boolean(r.sibling_small);
			const shown = !suppressed && p !== null && se !== null;
			const ci = shown ? surveyCi(d.ci, { p: p!, se: se!, n, df: opts.df }) : null;
			const row: RawEstimateRow = {
				indicator_id: item.indicator,
				region_code: String(r.region_code),
				sex: String(r.sex_code) as Sex,
				group_dim: String(r.gd),
				group_code: String(r.gc),
				period_start: d.period.start,
				period_end: d.period.end,
				value: shown ? p! * 100 : null,
				se: shown ? se! * 100 : null,
				ci_low: ci ? ci[0] * 100 : null,
				ci_high: ci ? ci[1] * 100 : null,
				n,
				weighted_n: Number(r.weighted_n),
				status: shown ? null : d.suppressedStatus,
				p: opts.raw ? p : null,
				se_p: opts.raw ? se : null
			};
			return row;
		}
	};
}
