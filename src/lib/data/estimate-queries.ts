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
/**
 * What the estimator reads: the respondents summed per cell (stratum × PSU × region × sex ×
 * groups), made in one scan of the file. Every later step (checks, domains, variance) works on
 * these few thousand rows, never on the respondents again.
 */
export const CELLS = 'respondent_cells';

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
function codeOf(expr: string, type: string): string {
	if (INTEGER.test(type)) return `CAST(${expr} AS VARCHAR)`;
	if (NUMERIC.test(type)) return `CASE WHEN ${expr} = trunc(${expr}) THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR) ELSE CAST(${expr} AS VARCHAR) END`;
	return `nullif(trim(CAST(${expr} AS VARCHAR)), '')`;
}
/** An item's answer from its code: 1 yes, 0 no, NULL missing (empty, or a missing code). */
function answer(c: string, it: { yes: readonly string[]; missing: readonly string[] }): string {
	return `CASE WHEN ${c} IS NULL OR ${c} IN (${codeList(it.missing)}) THEN NULL WHEN ${c} IN (${codeList(it.yes)}) THEN 1.0 ELSE 0.0 END`;
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

/** The file's columns the design's keys come from (stratum, PSU, region, sex, groups), once each. */
function keyColumns(d: SurveyDesign): string[] {
	return [...new Set([d.strata, d.psu, d.region, d.sex, ...d.by].filter((c): c is string => !!c))];
}

/**
 * The design keys over key columns read as k0, k1, … (keyColumns' order): stratum h, PSU, region
 * (county codes as two digits, municipality codes as four: 1 → 01, 114 → 0114), sex (K/M, NULL
 * for no answer) with its raw text, and group codes g0…. Written once, used per respondent (the
 * locate query) and per cell (the cells scan classifies each distinct key once, not each row).
 * Without a PSU column each respondent is its own PSU: `ownPsu` is its row number.
 */
function keysSelect(d: SurveyDesign, types: Record<string, string>, ownPsu: string, source: string, carry: string[]): string {
	const cols = keyColumns(d);
	const k = (col: string) => codeOf(`k${cols.indexOf(col)}`, types[col] ?? 'VARCHAR');
	const sexCodes = d.sexCodes ?? DEFAULT_SEX_CODES;
	const lower = (xs: string[]) => xs.map((x) => normCode(x).toLowerCase());
	const inner = [
		...carry,
		d.strata ? `${k(d.strata)} AS h` : `'1' AS h`,
		d.psu ? `${k(d.psu)} AS psu` : `CAST(${ownPsu} AS VARCHAR) AS psu`,
		d.region ? `${k(d.region)} AS region_raw` : `NULL::VARCHAR AS region_raw`,
		d.sex ? `${k(d.sex)} AS sex_raw` : `NULL::VARCHAR AS sex_raw`,
		...d.by.map((b, i) => `${k(b)} AS g${i}`)
	];
	const outer = [
		...carry,
		'h, psu, sex_raw',
		`CASE WHEN TRY_CAST(region_raw AS INTEGER) IS NULL THEN region_raw WHEN length(region_raw) <= 2 THEN lpad(region_raw, 2, '0') WHEN length(region_raw) <= 4 THEN lpad(region_raw, 4, '0') ELSE region_raw END AS region`,
		`CASE WHEN lower(sex_raw) IN (${codeList(lower(sexCodes.K))}) THEN 'K' WHEN lower(sex_raw) IN (${codeList(lower(sexCodes.M))}) THEN 'M' END AS sex`,
		...d.by.map((_, i) => `g${i}`)
	];
	return `SELECT ${outer.join(', ')}\nFROM (SELECT ${inner.join(',\n  ')}\nFROM ${source})`;
}

/** The key columns of `source` as k0, k1, …, for keysSelect. */
function keyColumnsAs(d: SurveyDesign): string[] {
	return keyColumns(d).map((c, i) => `${ident(c)} AS k${i}`);
}

/**
 * One respondent per row, numbered in file order, with the typed weight and fpc and the keys: for
 * the locate query only (numbering rows needs a window over the whole file, which would serialise
 * the scan; only a bad row needs its number).
 */
function respondentRows(d: SurveyDesign, types: Record<string, string>): string {
	const numbered = `(SELECT row_number() OVER () AS row_no, ${[`CAST(${ident(d.weight)} AS VARCHAR) AS w_raw`, `${number(d.weight, types)} / ${poolYears(d)} AS w`, d.fpc ? `${number(d.fpc, types)} AS fpc` : 'NULL::DOUBLE AS fpc', ...keyColumnsAs(d)].join(', ')} FROM ${RESPONDENTS})`;
	return keysSelect(d, types, 'row_no', numbered, ['row_no', 'w_raw', 'w', 'fpc']);
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

/** Bad rows a cell's keys show (the others depend on each row's weight and fpc). */
const KEY_KINDS: readonly BadRowKind[] = ['sex', 'stratum', 'psu'];

/**
 * The cells table, in one scan of the respondents: per cell its respondents, its bad rows of each
 * kind, and per item k the sums a_k = Σ w·y, b_k = Σ w over valid answers, n_k = valid answers.
 * Rows are summed by their key columns as read; each distinct key is then typed and classified
 * once (keysSelect), so per row only the weight and the answers are computed. No typed copy of
 * the file is kept: at a million rows that copy cost more than everything else together.
 */
export function cellsSql(d: SurveyDesign, types: Record<string, string>): string {
	const raw = keyColumns(d).map((_, i) => `k${i}`);
	const own = d.psu ? [] : ['own_row'];
	const perRow = [
		...keyColumnsAs(d),
		...(d.psu ? [] : ['row_number() OVER () AS own_row']),
		`${number(d.weight, types)} / ${poolYears(d)} AS w`,
		...(d.fpc ? [`${number(d.fpc, types)} AS fpc`] : []),
		...d.items.map((it, k) => `${codeOf(ident(it.column), types[it.column] ?? 'VARCHAR')} AS c${k}`)
	];
	const answers = d.items.map((it, k) => `${answer(`c${k}`, it)} AS y${k}`);
	const groupBy = [...raw, ...own];
	const sums = d.items.map((_, k) => `sum(w * y${k}) AS a${k}, sum(w) FILTER (WHERE y${k} IS NOT NULL) AS b${k}, count(y${k}) AS n${k}`);
	const rowKinds = badKinds(d).filter((k) => !KEY_KINDS.includes(k));
	const carried = ['n_rows', ...rowKinds.map((k) => `bad_${k}`), ...d.items.flatMap((_, k) => [`a${k}`, `b${k}`, `n${k}`]), ...(d.fpc ? ['fpc'] : [])];
	const summed = `(SELECT ${[...groupBy, 'count(*) AS n_rows', ...rowKinds.map((k) => `count(*) FILTER (WHERE ${BAD_ROWS[k]}) AS bad_${k}`), ...sums, ...(d.fpc ? ['any_value(fpc) AS fpc'] : [])].join(',\n  ')}
FROM (SELECT *, ${answers.join(',\n  ')} FROM (SELECT ${perRow.join(',\n  ')} FROM ${RESPONDENTS}))
GROUP BY ${groupBy.length ? groupBy.join(', ') : '()'})`;
	return `CREATE OR REPLACE TABLE ${CELLS} AS
SELECT * EXCLUDE (n_rows), n_rows AS rows, ${KEY_KINDS.map((k) => `CASE WHEN ${BAD_ROWS[k]} THEN n_rows ELSE 0 END AS bad_${k}`).join(', ')}
FROM (${keysSelect(d, types, 'own_row', summed, carried)})`;
}

function cellKeys(d: SurveyDesign): string[] {
	return ['h', 'psu', 'region', 'sex', ...d.by.map((_, i) => `g${i}`)];
}
function badKinds(d: SurveyDesign): BadRowKind[] {
	return (Object.keys(BAD_ROWS) as BadRowKind[]).filter((k) => k !== 'fpc' || d.fpc);
}

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

/** What the estimator needs to know first, from the cells (no second scan of the file). */
export function checkQuery(d: SurveyDesign): EstimateQuery<CheckRow> {
	const valid = d.items.map((_, k) => `CAST(sum(n${k}) AS INTEGER) AS valid${k}`);
	return {
		sql: `WITH s AS (SELECT h, count(DISTINCT psu) AS k FROM ${CELLS} GROUP BY h)
SELECT CAST(coalesce(sum(rows), 0) AS INTEGER) AS rows,
  ${badKinds(d).map((k) => `CAST(coalesce(sum(bad_${k}), 0) AS INTEGER) AS bad_${k},`).join('\n  ')}
  ${valid.length ? valid.join(', ') + ',' : ''}
  (SELECT min(h) FROM s WHERE k = 1) AS lonely_stratum,
  (SELECT CAST(count(*) AS INTEGER) FROM s WHERE k = 1) AS lonely_strata,
  (SELECT CAST(count(*) AS INTEGER) FROM s) AS strata,
  (SELECT CAST(sum(k) AS INTEGER) FROM s) AS psus
FROM ${CELLS}`,
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
	return {
		sql: `SELECT CAST(row_no AS INTEGER) AS row_no, w_raw, sex_raw FROM (${respondentRows(d, types)}) WHERE ${BAD_ROWS[kind]} ORDER BY row_no LIMIT 1`,
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
 * Every domain of every item in one statement, from the cells (stratum × PSU × region × sex ×
 * groups, summed in the one scan of the file): one GROUPING SETS pass gives each domain's PSU
 * totals (its region and the nation; its sex and T; its group in each `by` dimension and 'total'),
 * for all items at once; then the ratio, the linearised PSU totals and the variance per domain.
 */
export function estimateQuery(d: SurveyDesign, opts: EstimateOptions): EstimateQuery<RawEstimateRow> {
	// Domains as grouping sets over the cells: (region | nation) × (sex | T) × (each group | total),
	// every set with its stratum and PSU, so one grouped pass gives every domain's PSU totals. A
	// cell whose region, sex or group is empty counts only in the sets without that column.
	const gs = d.by.map((_, i) => `g${i}`);
	const sets: string[] = [];
	for (const region of ['region', null]) for (const sex of ['sex', null]) for (const g of [null, ...gs]) sets.push(`(${['h', 'psu', region, sex, g].filter(Boolean).join(', ')})`);
	const gd = gs.length ? `CASE ${d.by.map((b, i) => `WHEN grouping(g${i}) = 0 THEN ${lit(groupDimOf(d, b))}`).join(' ')} ELSE 'total' END` : `'total'`;
	const gc = gs.length ? `CASE ${gs.map((g) => `WHEN grouping(${g}) = 0 THEN ${g}`).join(' ')} ELSE 'total' END` : `'total'`;
	const emptyKey = ['region', 'sex', ...gs].map((c) => `(grouping(${c}) = 0 AND ${c} IS NULL)`).join(' OR ');
	const sums = d.items.map((_, k) => `sum(a${k}) AS a${k}, sum(b${k}) AS b${k}, sum(n${k}) AS n${k}`);
	const itemStructs = d.items.map((_, k) => `{'k': ${k}, 'a': coalesce(a${k}, 0), 'b': coalesce(b${k}, 0), 'n': n${k}}`);
	const dom = 'k, region_code, sex_code, gd, gc';
	const fpc = d.fpc ? `CASE WHEN any_value(fpc) <= 1 THEN 1 - any_value(fpc) ELSE 1 - count(DISTINCT psu) / any_value(fpc) END` : '1.0';
	const lonelyTerm = d.lonelyPsu === 'adjust' ? 'f * s2' : '0';
	const sql = `WITH strata AS (
  SELECT h, count(DISTINCT psu) AS n_h, ${fpc} AS f FROM ${CELLS} GROUP BY h
),
psu_sets AS (
  SELECT h, psu, CASE WHEN grouping(region) = 0 THEN region ELSE '00' END AS region_code,
    CASE WHEN grouping(sex) = 0 THEN sex ELSE 'T' END AS sex_code, ${gd} AS gd, ${gc} AS gc,
    ${sums.join(',\n    ')}
  FROM ${CELLS}
  GROUP BY GROUPING SETS (${sets.join(', ')})
  HAVING NOT (${emptyKey})
),
psu_dom AS (
  SELECT it.k AS k, region_code, sex_code, gd, gc, h, psu, it.a AS a, it.b AS b, it.n AS n
  FROM (SELECT region_code, sex_code, gd, gc, h, psu, unnest([${itemStructs.join(', ')}]) AS it FROM psu_sets)
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
t_sum AS (SELECT ${dom}, h, sum(t) AS t_sum FROM t GROUP BY ${dom}, h),
t_centred AS (
  -- (a grouped sum joined back, not a window: a quarter less work, the same numbers)
  SELECT t.*, t_sum / n_h AS t_mean FROM t JOIN t_sum USING (${dom}, h)
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
