/**
 * Excel (.xlsx) reader: one worksheet + the same YAML mapping as a CSV (./csv/mapping.ts) →
 * the shared Cube, built by the CSV cube builder, so a region's Excel report and its CSV
 * export become the same cube. The workbook is opened with exceljs (no hand-written zip or
 * XML). Numeric cells stay numbers (never printed and re-parsed); text cells go through the
 * mapping's decimal/missing rules as in a CSV. Line numbers are the sheet's row numbers.
 */
import ExcelJS from 'exceljs';
import { ReadError, type Problem } from '../cube/errors.ts';
import type { Cube } from '../cube/model.ts';
import type { CsvMapping } from './csv/mapping.ts';
import { buildCsvCube, type CellRecord } from './csv/to-cube.ts';
import { problemsOf } from './csv/problems.ts';

export interface XlsxOptions {
	origin: string;
	/** Worksheet name (default: the first sheet). */
	sheet?: string;
	lenient?: boolean;
}

/** An exceljs cell value as text or number: formulas give their cached result, rich text its plain text. */
export function cellValue(v: ExcelJS.CellValue): string | number {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return v;
	if (typeof v === 'string') return v;
	if (typeof v === 'boolean') return String(v);
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'object') {
		if ('richText' in v) return v.richText.map((r) => r.text).join('');
		if ('result' in v) return cellValue((v.result ?? '') as ExcelJS.CellValue);
		if ('text' in v && typeof v.text === 'string') return v.text;
		if ('error' in v) return '';
	}
	return String(v);
}

/** Opens a workbook once; read sheets from it with readXlsxSheet. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	// exceljs wants a Node Buffer-compatible ArrayBuffer view.
	await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
	return wb;
}

export function readXlsxSheet(wb: ExcelJS.Workbook, mapping: CsvMapping, opts: XlsxOptions): { cube: Cube; warnings: Problem[] } {
	const file = opts.sheet ? `${opts.origin}#${opts.sheet}` : opts.origin;
	const ws = opts.sheet ? wb.getWorksheet(opts.sheet) : wb.worksheets[0];
	if (!ws) {
		const names = wb.worksheets.map((w) => JSON.stringify(w.name)).join(', ');
		throw new ReadError([{ severity: 'error', file: opts.origin, line: 0, where: 'sheet', message: `no worksheet ${JSON.stringify(opts.sheet)} (the workbook has ${names || 'no sheets'})`, code: 'XLSX_NO_SHEET' }]);
	}
	const { add, finish } = problemsOf(file);
	let header: string[] | undefined;
	const records: CellRecord[] = [];
	ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		// row.values is 1-based (index 0 is unused).
		const raw = Array.isArray(row.values) ? row.values.slice(1) : [];
		const fields = raw.map((v) => cellValue(v as ExcelJS.CellValue));
		if (!header) {
			header = fields.map((f) => String(f).trim());
			return;
		}
		while (fields.length < header.length) fields.push('');
		records.push({ line: rowNumber, fields: fields.slice(0, Math.max(header.length, fields.length)) });
	});
	let cube: Cube | undefined;
	if (!header) add({ line: 1, where: '(header)', message: 'the sheet is empty: no header row', code: 'CSV_EMPTY' }, true);
	else cube = buildCsvCube(header, records, mapping, file, add, { delimiter: '', encoding: 'xlsx' });
	if (cube) cube.extra.sheet = ws.name;
	return finish(cube, opts.lenient);
}
