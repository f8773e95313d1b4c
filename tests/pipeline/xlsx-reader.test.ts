/**
 * Excel reader (pipelines/read/xlsx.ts) on workbooks written here with exceljs, the way a region's
 * report looks: a number cell, a text cell with a decimal comma, a formula with its cached result,
 * rich text, a date, a missing marker, an error cell. Expected values are written out by hand.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { problemsOf } from '../helpers/read-error.ts';
import { strides, type Cube } from '../../pipelines/cube/model.ts';
import { csvCellData, loadCsvMapping } from '../../pipelines/read/csv.ts';
import { cellValue, openWorkbook, readXlsxSheet } from '../../pipelines/read/xlsx.ts';

const mapping = loadCsvMapping(
	`decimal: ","
dimensions:
  - { column: Kommun, id: region, role: geo, labelColumn: Namn }
  - { column: År, id: period, role: time }
value: Andel
n: Antal
`,
	'hlv.yaml'
);

async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) {
		const ws = wb.addWorksheet(name);
		for (const r of rows) ws.addRow(r);
	}
	// Through the file format and back, as a dropped .xlsx is read.
	return openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
}

function at(cube: Cube, codes: Record<string, string>): number {
	const s = strides(cube.dimensions);
	return cube.dimensions.reduce((i, d, k) => i + d.categories.findIndex((c) => c.code === codes[d.id]) * s[k], 0);
}


const header = ['Kommun', 'Namn', 'År', 'Andel', 'Antal'];

describe('readXlsxSheet', () => {
	it('reads numbers, decimal commas, formulas, rich text and missing markers into one cube with row numbers', async () => {
		const wb = await workbook({
			Data: [
				header,
				['2080', 'Falun', '2024', 12.5, 410],
				['2080', 'Falun', '2023', '11,25', 398],
				['2081', { richText: [{ text: 'Bor' }, { text: 'länge' }] }, '2024', { formula: '10+3.5', result: 13.5 }, 500],
				['2081', 'Borlänge', '2023', '..', '']
			]
		});
		const { cube, warnings } = readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx' });
		expect(warnings).toEqual([]);
		expect(cube.dimensions.map((d) => [d.id, d.categories.map((c) => c.code)])).toEqual([
			['region', ['2080', '2081']],
			['period', ['2024', '2023']]
		]);
		expect(cube.dimensions[0].categories.map((c) => c.label.sv)).toEqual(['Falun', 'Borlänge']);
		expect(cube.values[at(cube, { region: '2080', period: '2024' })]).toBe(12.5);
		expect(cube.values[at(cube, { region: '2080', period: '2023' })]).toBe(11.25);
		expect(cube.values[at(cube, { region: '2081', period: '2024' })]).toBe(13.5);
		const missing = at(cube, { region: '2081', period: '2023' });
		expect(cube.values[missing]).toBeNull();
		expect(cube.status.get(missing)).toBe('..');
		const data = csvCellData(cube)!;
		// Sheet row numbers: the header is row 1.
		expect(data.line).toEqual([2, 3, 4, 5]);
		expect(data.n).toEqual([410, 398, 500, null]);
		expect(data.encoding).toBe('xlsx');
		expect(cube.extra.sheet).toBe('Data');
	});

	it('reads the named sheet, and names the sheets it has when the name is wrong', async () => {
		const wb = await workbook({ Om: [['Källa: Region Dalarna']], Tabell: [header, ['2080', 'Falun', '2024', 7, 100]] });
		const { cube } = readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx', sheet: 'Tabell' });
		expect(cube.values).toEqual([7]);
		expect(cube.extra.sheet).toBe('Tabell');
		const p = problemsOf(() => readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx', sheet: 'Blad1' }));
		expect(p).toEqual([{ severity: 'error', file: 'hlv.xlsx', line: 0, where: 'sheet', message: 'no worksheet "Blad1" (the workbook has "Om", "Tabell")', code: 'XLSX_NO_SHEET' }]);
	});

	it('an empty first sheet is fatal, named by file and row', async () => {
		const wb = await workbook({ Tom: [] });
		const p = problemsOf(() => readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx', lenient: true }));
		expect(p.map((x) => [x.file, x.line, x.where, x.code])).toEqual([['hlv.xlsx', 1, '(header)', 'CSV_EMPTY']]);
		expect(p[0].message).toBe('the sheet is empty: no header row');
	});

	it('a text that is not a number: an error at its row in strict mode, a warning (value null) in lenient mode', async () => {
		const wb = await workbook({ Data: [header, ['2080', 'Falun', '2024', 'cirka 12', 100], ['2080', 'Falun', '2023', 9, 90]] });
		const p = problemsOf(() => readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx', sheet: 'Data' }));
		expect(p.map((x) => [x.file, x.line, x.severity])).toEqual([['hlv.xlsx#Data', 2, 'error']]);
		const { cube, warnings } = readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx', sheet: 'Data', lenient: true });
		expect(warnings.map((w) => [w.file, w.line, w.severity])).toEqual([['hlv.xlsx#Data', 2, 'warning']]);
		expect(cube.values).toEqual([null, 9]);
	});

	it('short rows are padded: a row without its last cells still reads', async () => {
		const wb = await workbook({ Data: [header, ['2080', 'Falun', '2024', 4]] });
		const { cube } = readXlsxSheet(wb, mapping, { origin: 'hlv.xlsx' });
		expect(cube.values).toEqual([4]);
		expect(csvCellData(cube)!.n).toEqual([null]);
	});
});

describe('cellValue', () => {
	it('gives text or numbers for every kind of exceljs value', () => {
		expect(cellValue(null)).toBe('');
		expect(cellValue(undefined as unknown as ExcelJS.CellValue)).toBe('');
		expect(cellValue(3.25)).toBe(3.25);
		expect(cellValue('11,2')).toBe('11,2');
		expect(cellValue(true)).toBe('true');
		expect(cellValue(false)).toBe('false');
		expect(cellValue(new Date(Date.UTC(2024, 4, 17)))).toBe('2024-05-17');
		expect(cellValue({ richText: [{ text: 'Söder' }, { text: 'hamn' }] })).toBe('Söderhamn');
		expect(cellValue({ formula: 'A1*2', result: 8 } as ExcelJS.CellValue)).toBe(8);
		expect(cellValue({ formula: 'A1', result: undefined } as unknown as ExcelJS.CellValue)).toBe('');
		expect(cellValue({ text: 'länk', hyperlink: 'https://example.org' })).toBe('länk');
		expect(cellValue({ error: '#DIV/0!' } as ExcelJS.CellValue)).toBe('');
	});
});
