/**
 * Estimation of a loaded respondent table, on any SQL runner: one scan of the file sums it per
 * cell, the design is checked on the cells, then the estimator runs on them (one statement). The
 * pipeline's `estimate` command runs it on @duckdb/node-api, /egna-data on DuckDB-WASM; both see
 * the same checks and messages.
 */
import {
	checkQuery,
	csvErrorText,
	describeQuery,
	estimateQuery,
	locateQuery,
	cellsSql,
	type BadRowKind,
	ESTIMATE_COLUMNS,
	type CheckRow,
	type ColumnInfo,
	type EstimateQuery,
	type EstimateRow,
	type RawEstimateRow
} from '../data/estimate-queries';
import { designColumns, type SurveyDesign } from './design';

/** The two things the estimator needs from an engine. */
export interface SqlRunner {
	exec(sql: string): Promise<void>;
	all<Row>(q: EstimateQuery<Row>): Promise<Row[]>;
}

/** Bad input: the message is one line naming the file and the row or column. */
export class SurveyInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SurveyInputError';
	}
}

export interface EstimateResult {
	rows: RawEstimateRow[];
	check: CheckRow;
	columns: ColumnInfo[];
}

export interface EstimateRunOptions {
	/** Name used in messages (the file's name). */
	file: string;
	/** Row wording: CSV files say which line too (header is line 1). */
	lineOffset?: number;
	raw?: boolean;
	/** Called between the steps (the page shows it and may cancel). */
	onStep?: (step: 'check' | 'estimate') => void;
}

export function checkColumns(d: SurveyDesign, columns: readonly ColumnInfo[], file: string): void {
	const names = new Set(columns.map((c) => c.name));
	for (const { column, role } of designColumns(d)) {
		if (!names.has(column)) {
			const has = columns.map((c) => c.name);
			throw new SurveyInputError(
				`${file}: column "${column}" (${role}) not found; the file has ${has.length} columns: ${has.slice(0, 12).join(', ')}${has.length > 12 ? ', …' : ''}`
			);
		}
	}
}

function rowText(row: number, lineOffset: number | undefined): string {
	return lineOffset === undefined ? `row ${row}` : `row ${row} (line ${row + lineOffset})`;
}

/** Turns the check query's findings into the first error, if any; `locate` numbers a bad row. */
export async function checkProblems(
	d: SurveyDesign,
	c: CheckRow,
	file: string,
	lineOffset: number | undefined,
	locate: (kind: BadRowKind) => Promise<{ row: number; weight: string | null; sex: string | null }>
): Promise<string | null> {
	if (c.rows === 0) return `${file}: no respondents (the file has a header but no rows)`;
	if (c.bad.weight > 0) {
		const { row, weight: v } = await locate('weight');
		const what = v === null || v.trim() === '' ? 'is empty' : Number.isFinite(Number(v.replace(',', '.'))) ? `is ${v}: zero or negative` : `"${v}" is not a number`;
		return `${file}: ${rowText(row, lineOffset)}: weight in column "${d.weight}" ${what}; every weight must be a positive number${more(c.bad.weight)}`;
	}
	if (c.bad.sex > 0) {
		const { row, sex } = await locate('sex');
		return `${file}: ${rowText(row, lineOffset)}: sex code "${sex}" in column "${d.sex}" is neither a women's nor a men's code (set sex_codes in the design)${more(c.bad.sex)}`;
	}
	if (c.bad.stratum > 0) return `${file}: ${rowText((await locate('stratum')).row, lineOffset)}: stratum in column "${d.strata}" is empty${more(c.bad.stratum)}`;
	if (c.bad.psu > 0) return `${file}: ${rowText((await locate('psu')).row, lineOffset)}: PSU in column "${d.psu}" is empty${more(c.bad.psu)}`;
	if (c.bad.fpc > 0) return `${file}: ${rowText((await locate('fpc')).row, lineOffset)}: finite population correction in column "${d.fpc}" is empty or not positive${more(c.bad.fpc)}`;
	for (let k = 0; k < d.items.length; k++) {
		if (c.valid[k] === 0) {
			const it = d.items[k];
			return `${file}: column "${it.column}" (item for ${it.indicator}) has no valid answers: every cell is empty${it.missing.length ? ` or a missing code (${it.missing.join(', ')})` : ''}`;
		}
	}
	if (d.lonelyPsu === 'fail' && c.lonelyStratum !== null)
		return `${file}: stratum "${c.lonelyStratum}" in column "${d.strata ?? '(none)'}" has a single PSU (${c.lonelyStrata} such strata); lonely_psu is "fail" (use "adjust" to centre it at the grand mean)`;
	return null;
}

function more(n: number): string {
	return n > 1 ? ` (${n - 1} more such rows)` : '';
}

/** Checks and estimates the loaded `respondents` table. Throws SurveyInputError on bad input. */
export async function estimateLoaded(db: SqlRunner, d: SurveyDesign, opts: EstimateRunOptions): Promise<EstimateResult> {
	const columns = await db.all(describeQuery);
	checkColumns(d, columns, opts.file);
	const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
	opts.onStep?.('check');
	// The one scan of the file: read, typed, classified and summed per cell.
	await db.exec(cellsSql(d, types)).catch((err: unknown) => {
		// A view over a CSV file is parsed here: a ragged line surfaces now.
		const msg = err instanceof Error ? err.message : String(err);
		if (/CSV Error|sniff|Invalid unicode/i.test(msg)) throw new SurveyInputError(`${opts.file}: unreadable: ${csvErrorText(msg)}`);
		throw err;
	});
	const [check] = await db.all(checkQuery(d));
	const problem = await checkProblems(d, check, opts.file, opts.lineOffset, async (kind) => (await db.all(locateQuery(d, types, kind)))[0]);
	if (problem) throw new SurveyInputError(problem);
	opts.onStep?.('estimate');
	const rows = await db.all(estimateQuery(d, { df: Math.max(1, check.psus - check.strata), raw: opts.raw }));
	return { rows, check, columns };
}

/** The CLI's CSV (and the page's download): numbers in full precision, empty for null. */
export function estimateCsv(rows: readonly EstimateRow[]): string {
	const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));
	return [ESTIMATE_COLUMNS.join(','), ...rows.map((r) => ESTIMATE_COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
