/**
 * Respondent-level files → the `respondents` table in a Node DuckDB, for `pipeline estimate`.
 *
 *   .csv .tsv .txt   DuckDB read_csv (delimiter `,` `;` or tab sniffed; every column as text,
 *                    so decimal commas and codes survive). UTF-8 (BOM or not); a file that is
 *                    not valid UTF-8 is read as Windows-1252 (decoded here, as the browser does).
 *   .parquet         DuckDB read_parquet
 *   .xlsx            exceljs → first worksheet → CSV
 *   .sav             sav-reader (SPSS/PSPP system files) → CSV; user-missing values stay codes
 * Anything else, or a file DuckDB cannot parse, is "unreadable" with the reason in one line.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { csvErrorText, loadCsvSql, loadParquetSql, parseHeader, sniffDelimiter, type EstimateQuery } from '../../src/lib/data/estimate-queries.ts';
import type { SqlRunner } from '../../src/lib/own/estimate.ts';
import { rowsToCsv, xlsxToCsv } from '../../src/lib/own/tabular.ts';
import { SurveyInputError } from '../../src/lib/own/estimate.ts';
import { createNodeEngine } from '../../src/lib/server/node-engine.ts';

export interface NodeSqlRunner extends SqlRunner {
	close(): void;
}

/** The estimator's runner on the Node engine (the same `Engine` the site and the pipeline use). */
export async function openNodeRunner(): Promise<NodeSqlRunner> {
	const engine = createNodeEngine(os.tmpdir());
	return {
		async exec(sql) {
			await engine.query(sql);
		},
		async all<Row>(q: EstimateQuery<Row>) {
			return (await engine.query(q.sql)).map((r) => q.map(r));
		},
		close() {
			engine.close();
		}
	};
}

export type RespondentFormat = 'csv' | 'parquet' | 'xlsx' | 'sav';

export function formatOf(file: string): RespondentFormat | null {
	const ext = path.extname(file).toLowerCase();
	if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
	if (ext === '.parquet') return 'parquet';
	if (ext === '.xlsx') return 'xlsx';
	if (ext === '.sav') return 'sav';
	return null;
}

function unreadable(file: string, why: string): SurveyInputError {
	return new SurveyInputError(`${path.basename(file)}: unreadable: ${why}`);
}

function firstLine(err: unknown): string {
	return (err instanceof Error ? err.message : String(err)).split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
}

/** Loads `file` into the runner's `respondents` table. Returns the line offset for messages (CSV: header is line 1). */
export async function loadRespondentFile(db: NodeSqlRunner, file: string): Promise<{ format: RespondentFormat; lineOffset?: number }> {
	const name = path.basename(file);
	if (!fs.existsSync(file)) throw unreadable(file, 'no such file');
	if (fs.statSync(file).isDirectory()) throw unreadable(file, 'is a folder, not a file');
	const format = formatOf(file);
	if (!format) throw unreadable(file, `unknown file type "${path.extname(file) || '(none)'}" (expected .csv, .tsv, .txt, .parquet, .xlsx or .sav)`);
	if (fs.statSync(file).size === 0) throw unreadable(file, 'the file is empty');
	const tmp: string[] = [];
	try {
		if (format === 'parquet') {
			await db.exec(loadParquetSql(file)).catch((err) => {
				throw unreadable(file, `not a Parquet file (${firstLine(err)})`);
			});
			return { format };
		}
		let csvPath = file;
		let text: string | null = null;
		if (format === 'xlsx') {
			const bytes = fs.readFileSync(file);
			// Loaded only for Excel files: it costs a quarter of a CPU-second to import.
			const { default: ExcelJS } = await import('exceljs');
			const { csv } = await xlsxToCsv(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, name, ExcelJS).catch((err) => {
				throw new SurveyInputError(firstLine(err));
			});
			csvPath = writeTemp(tmp, csv);
			text = csv;
		} else if (format === 'sav') {
			text = await savToCsv(file);
			csvPath = writeTemp(tmp, text);
		} else {
			const bytes = fs.readFileSync(file);
			if (bytes.subarray(0, 65536).includes(0)) throw unreadable(file, 'binary content (NUL bytes), not a text file; UTF-16 files must be saved as UTF-8');
			if (!isUtf8(bytes)) {
				text = new TextDecoder('windows-1252').decode(bytes);
				csvPath = writeTemp(tmp, text);
			} else text = new TextDecoder().decode(bytes.subarray(0, 65536));
		}
		const header = text.replace(/^\ufeff/, '').split('\n', 1)[0];
		const delim = sniffDelimiter(header);
		let sql: string;
		try {
			// The original file is read through a view (parsed once, into the typed table, never kept
			// as text); converted files are temporary, so they become a table before they go.
			sql = loadCsvSql(csvPath, delim, parseHeader(header, delim), csvPath === file ? 'VIEW' : 'TABLE');
		} catch (err) {
			throw unreadable(file, firstLine(err));
		}
		await db.exec(sql).catch((err) => {
			throw unreadable(file, csvErrorText(err instanceof Error ? err.message : String(err)).replace(csvPath, name));
		});
		return { format, lineOffset: format === 'csv' || format === 'xlsx' ? 1 : undefined };
	} finally {
		for (const t of tmp) fs.rmSync(t, { force: true });
	}
}

function writeTemp(tmp: string[], text: string): string {
	const f = path.join(os.tmpdir(), `ensamhet-respondents-${process.pid}-${tmp.length}-${Date.now()}.csv`);
	fs.writeFileSync(f, text);
	tmp.push(f);
	return f;
}

interface SavModule {
	SavFileReader: new (file: string) => { open(): Promise<void>; meta: { sysvars: { name: string }[] }; readNextRow(includeNulls?: boolean): Promise<Record<string, unknown> | null> };
}

/** SPSS .sav → CSV text (values as stored: numeric codes, strings trimmed). */
async function savToCsv(file: string): Promise<string> {
	// sav-reader is CommonJS with a require-only export map.
	const { SavFileReader } = createRequire(import.meta.url)('sav-reader') as SavModule;
	const sav = new SavFileReader(file);
	try {
		await sav.open();
	} catch (err) {
		throw unreadable(file, `not an SPSS .sav file (${firstLine(err)})`);
	}
	const names = sav.meta.sysvars.map((v: { name: string }) => v.name);
	const rows: unknown[][] = [];
	for (let row = await sav.readNextRow(true); row; row = await sav.readNextRow(true)) {
		rows.push(names.map((n: string) => (row as Record<string, unknown>)[n]).map((v: unknown) => (typeof v === 'string' ? v.trim() : v)));
	}
	return rowsToCsv(names, rows);
}
