/**
 * Spreadsheet-like inputs → CSV text that DuckDB then reads like any CSV: Excel .xlsx (exceljs,
 * first worksheet, first row = column names) and plain rows. Works in Node and in the browser.
 */
import type ExcelJS from 'exceljs';

function field(v: string): string {
	return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function rowsToCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
	const out: string[] = [header.map(field).join(',')];
	for (const r of rows) out.push(r.map((v) => (v === null || v === undefined ? '' : field(String(v)))).join(','));
	return out.join('\n') + '\n';
}

/** Cell value as text: numbers in full precision, rich text and formula results as their text. */
function cellText(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'object') {
		if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
		if ('richText' in v) return v.richText.map((t) => t.text).join('');
		if ('text' in v) return String(v.text);
		if ('error' in v) return '';
	}
	return String(v);
}

/** The first worksheet of an .xlsx as CSV text; throws a one-line message when it is not a workbook. */
export async function xlsxToCsv(bytes: ArrayBuffer, file: string, Excel: typeof ExcelJS): Promise<{ csv: string; rows: number }> {
	const wb = new Excel.Workbook();
	try {
		await wb.xlsx.load(bytes);
	} catch (err) {
		throw new Error(`${file}: unreadable: not an Excel .xlsx workbook (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
	}
	const ws = wb.worksheets[0];
	if (!ws || ws.rowCount < 1) throw new Error(`${file}: unreadable: the workbook's first sheet is empty`);
	const width = ws.getRow(1).cellCount;
	const header: string[] = [];
	for (let c = 1; c <= width; c++) header.push(cellText(ws.getRow(1).getCell(c).value).trim() || `column${c}`);
	const rows: string[][] = [];
	ws.eachRow({ includeEmpty: false }, (row, i) => {
		if (i === 1) return;
		const r: string[] = [];
		for (let c = 1; c <= width; c++) r.push(cellText(row.getCell(c).value));
		rows.push(r);
	});
	return { csv: rowsToCsv(header, rows), rows: rows.length };
}
