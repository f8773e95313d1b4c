/**
 * A file the user chose → the `respondents` table in the page's DuckDB-WASM (in its worker),
 * without any of it leaving the browser:
 *   CSV/TSV/TXT  its bytes handed to the worker as one buffer, read through a view (parsed when
 *                counted and when estimated, never kept as a table of text); a file that is not
 *                UTF-8 is decoded as Windows-1252 here and handed over as UTF-8
 *   Parquet      decoded by parquet-wasm to Arrow (DuckDB-WASM has no Parquet reader offline)
 *   Excel .xlsx  exceljs in a worker of its own (xlsx.worker.ts) → CSV
 * Errors are one line, like the CLI's ("<file>: unreadable: …", "too large …").
 */
import type { BrowserDb } from '../data/duckdb-browser';
import { csvErrorText, loadCsvSql, parseHeader, respondentCountQuery, RESPONDENTS, sampleQuery, sniffDelimiter, type EstimateQuery } from '../data/estimate-queries';
import { dropTable } from '../data/file-queries';
import { SurveyInputError, type SqlRunner } from './estimate';

/** Beyond this the page refuses a file (its bytes are held in the worker while DuckDB-WASM reads them); the CLI is not limited. */
export const MAX_BYTES = 400 * 1024 * 1024;

export function runnerOf(db: BrowserDb): SqlRunner {
	return {
		async exec(sql) {
			await db.query(sql);
		},
		async all<Row>(q: EstimateQuery<Row>) {
			return (await db.query(q.sql)).map(q.map);
		}
	};
}

function unreadable(name: string, why: string) {
	return new SurveyInputError(`${name}: unreadable: ${why}`);
}

export type BrowserFormat = 'csv' | 'parquet' | 'xlsx';

export function browserFormatOf(name: string): BrowserFormat | 'sav' | null {
	const ext = name.toLowerCase().split('.').pop() ?? '';
	if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
	if (ext === 'parquet') return 'parquet';
	if (ext === 'xlsx') return 'xlsx';
	if (ext === 'sav') return 'sav';
	return null;
}

let xlsxWorker: Worker | null = null;
/** Starts the Excel worker ahead of time, so choosing a file fetches nothing more. */
export function warmXlsxWorker(): Worker {
	xlsxWorker ??= new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
	return xlsxWorker;
}

function xlsxToCsvInWorker(bytes: ArrayBuffer, name: string): Promise<string> {
	const w = warmXlsxWorker();
	return new Promise((resolve, reject) => {
		w.onmessage = (e: MessageEvent<{ csv?: string; error?: string }>) => (e.data.error ? reject(new SurveyInputError(e.data.error)) : resolve(e.data.csv!));
		w.onerror = (e) => reject(new SurveyInputError(`${name}: unreadable: ${e.message}`));
		w.postMessage({ bytes, name }, [bytes]);
	});
}

let counter = 0;

/** Loads the chosen file; returns the line offset for messages (CSV and Excel: the header is line 1). */
export async function loadBrowserFile(db: BrowserDb, file: File): Promise<{ lineOffset?: number; rows: number | null }> {
	const name = file.name;
	const format = browserFormatOf(name);
	if (format === 'sav') throw unreadable(name, 'SPSS .sav files are read by the command line (npm run pipeline -- estimate); in SPSS, File → Export → CSV gives a file this page reads');
	if (!format) throw unreadable(name, 'unknown file type (expected .csv, .tsv, .txt, .parquet or .xlsx)');
	if (file.size === 0) throw unreadable(name, 'the file is empty');
	if (file.size > MAX_BYTES)
		throw new SurveyInputError(
			`${name}: too large for the browser (${Math.round(file.size / 2 ** 20)} MB; the limit is ${MAX_BYTES / 2 ** 20} MB, set by the browser's memory for WebAssembly). Use the command line: npm run pipeline -- estimate`
		);
	const bindings = db.conn.bindings;
	const id = `respondents-${++counter}`;
	if (format === 'parquet') {
		const url = URL.createObjectURL(file);
		try {
			await db.query(dropTable(RESPONDENTS).sql);
			await db.loadParquet(url, RESPONDENTS);
		} catch (err) {
			throw unreadable(name, `not a Parquet file (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
		} finally {
			URL.revokeObjectURL(url);
		}
		return { rows: await countRows(db) };
	}
	let header: string;
	let path = `${id}.csv`;
	if (format === 'xlsx') {
		const csv = await xlsxToCsvInWorker(await file.arrayBuffer(), name);
		await bindings.registerFileText(path, csv);
		header = csv.split('\n', 1)[0];
	} else {
		// The whole file is handed to the worker as one buffer (transferred, not copied): DuckDB
		// then reads it from memory, not through a FileReader call per block it asks for.
		const bytes = new Uint8Array(await file.arrayBuffer());
		if (bytes.subarray(0, 65536).includes(0)) throw unreadable(name, 'binary content (NUL bytes), not a text file; UTF-16 files must be saved as UTF-8');
		if (isUtf8(bytes)) {
			header = new TextDecoder().decode(bytes.subarray(0, 65536));
			await bindings.registerFileBuffer(path, bytes);
		} else {
			// Not UTF-8: Windows-1252 (Excel's "CSV (semikolonavgränsad)"), decoded here once.
			const all = new TextDecoder('windows-1252').decode(bytes);
			path = `${id}-utf8.csv`;
			await bindings.registerFileText(path, all);
			header = all.slice(0, 65536);
		}
		header = header.replace(/^\ufeff/, '').split('\n', 1)[0];
	}
	const delim = sniffDelimiter(header);
	let sql: string;
	try {
		// A view: the file is parsed where it is read — its first rows for the mapping form, all of it
		// once, into cells, when estimating — never copied into a table of text, never counted apart.
		sql = loadCsvSql(path, delim, parseHeader(header, delim), 'VIEW');
	} catch (err) {
		throw unreadable(name, err instanceof Error ? err.message : String(err));
	}
	try {
		await db.query(sql);
		await runnerOf(db).all(sampleQuery(1)); // (a header the reader refuses shows now)
		return { lineOffset: 1, rows: null };
	} catch (err) {
		const msg = err instanceof Error ? err.message : String(err);
		if (/out of memory|memory/i.test(msg)) throw new SurveyInputError(`${name}: too large for the browser's memory (${Math.round(file.size / 2 ** 20)} MB). Use the command line: npm run pipeline -- estimate`);
		throw unreadable(name, csvErrorText(msg).replaceAll(path, name));
	}
}

/** Respondents in a loaded table (Parquet; a CSV's are counted by the estimator's one scan). */
async function countRows(db: BrowserDb): Promise<number> {
	const [n] = await runnerOf(db).all(respondentCountQuery);
	return n;
}

/** Whether the bytes are valid UTF-8, decoded in slices so a large file never becomes one string. */
function isUtf8(bytes: Uint8Array): boolean {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const step = 8 * 2 ** 20;
	try {
		for (let i = 0; i < bytes.length; i += step) decoder.decode(bytes.subarray(i, i + step), { stream: i + step < bytes.length });
		return true;
	} catch {
		return false;
	}
}
