/**
 * CSV rows → Cube. A CSV is a list of rows, so each mapped dimension column contributes its
 * distinct codes (first-seen order) and the cube spans their cross product; the file's
 * rows fill some of those cells.
 *
 * Cells, and how downstream tells them apart (see `CsvCellData` in ../csv.ts):
 * - in the file with a number → `values[i]` = number (a status column may add a marker);
 * - in the file, suppressed/missing (a `missing` marker such as ".." or "") → null, and
 *   `status.get(i)` = the status column's text if given, else the marker itself (possibly
 *   "" for a blank cell) — `status.has(i)` is true;
 * - not in the file at all → null, NO status entry, and `extra.csv.line[i] === 0`.
 */
import type { AddProblem } from './problems.ts';
import type { Category, Cube, Dimension, Texts } from '../../cube/model.ts';
import type { CsvMapping } from './mapping.ts';
import { parseNumber } from './number.ts';
import type { CsvRecord } from './parse.ts';

/** A row to build from: CSV records (text fields) or spreadsheet rows, whose cells may already be numbers (kept as they are, never printed and re-parsed). */
export interface CellRecord {
	line: number;
	fields: readonly (string | number)[];
}

/** "21.1 - 29", "21,1–29  *": a confidence interval written as text, optionally followed by a flag. */
const CI_TEXT = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*[-–]\s*([+-]?\d+(?:[.,]\d+)?)\s*(\S*)\s*$/;

/** The cross product of the dimension columns may not exceed this many cells. */
export const MAX_CSV_CELLS = 5_000_000;

export interface CsvCellData {
	/** 1-based line of the row behind each cell; 0 where the combination is not in the file. */
	line: number[];
	/** Optional numeric columns, per cell (null when blank, a missing marker, or absent). */
	ci_low?: (number | null)[];
	ci_high?: (number | null)[];
	n?: (number | null)[];
	/** The mapping's `keep` columns, per cell (null when absent). */
	attributes: Record<string, (string | null)[]>;
	/** Delimiter and encoding actually used (after detection). */
	delimiter: string;
	encoding: string;
}

interface Row {
	line: number;
	coords: number[];
	value: number | null;
	status?: string;
	nums: Record<'ci_low' | 'ci_high' | 'n', number | null>;
	attrs: (string | null)[];
	ciFlag: string | null;
}

type Add = AddProblem;

export function buildCsvCube(
	header: string[],
	records: readonly (CsvRecord | CellRecord)[],
	mapping: CsvMapping,
	file: string,
	add: Add,
	read: { delimiter: string; encoding: string }
): Cube | undefined {
	const lang = mapping.language;
	const t = (x: string | Record<string, string> | undefined): Texts | undefined => (typeof x === 'string' ? { [lang]: x } : x);
	const col = new Map<string, number>();
	header.forEach((h, i) => {
		if (!col.has(h)) col.set(h, i);
	});
	let unmapped = false;
	const need = (name: string | undefined, where: string): number => {
		if (name === undefined) return -1;
		const i = col.get(name);
		if (i !== undefined && header.indexOf(name, i + 1) >= 0) {
			add({ severity: 'warning', line: 1, where, message: `column "${name}" appears more than once in the header; the first is used`, code: 'CSV_DUPLICATE_HEADER' });
		}
		if (i === undefined) {
			unmapped = true;
			add({ line: 1, where, message: `column "${name}" is not in the header (${header.map((h) => JSON.stringify(h)).join(', ')})`, code: 'CSV_MISSING_COLUMN' }, true);
			return -1;
		}
		return i;
	};
	const dimCols = mapping.dimensions.map((d, i) => need(d.column, `dimensions.${i}.column`));
	const labelCols = mapping.dimensions.map((d, i) => need(d.labelColumn, `dimensions.${i}.labelColumn`));
	const valueCol = need(mapping.value, 'value');
	const statusCol = need(mapping.status, 'status');
	const numCols = { ci_low: need(mapping.ci_low, 'ci_low'), ci_high: need(mapping.ci_high, 'ci_high'), n: need(mapping.n, 'n') };
	const ciTextCol = need(mapping.ci_text, 'ci_text');
	const keepCols = mapping.keep.map((k, i) => need(k, `keep.${i}`));
	if (unmapped) return undefined;

	const missing = new Set(mapping.missing);
	const codes = mapping.dimensions.map(() => new Map<string, number>());
	const seenLabels = mapping.dimensions.map(() => new Map<string, string>());
	const rows: Row[] = [];
	const number = (raw: string | number, column: string, line: number): number | null => {
		if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
		if (missing.has(raw.trim())) return null;
		const v = parseNumber(raw, mapping.decimal);
		if (v === undefined) {
			add({ line, where: column, message: `${JSON.stringify(raw)} is not a number${mapping.decimal === ',' ? ' (decimal comma)' : ''}`, code: 'CSV_NOT_A_NUMBER' });
			return null;
		}
		return v;
	};

	for (const rec of records) {
		if (rec.fields.length === 1 && String(rec.fields[0]).trim() === '' && header.length > 1) continue; // blank line
		if (rec.fields.length !== header.length) {
			add({ line: rec.line, where: '(row)', message: `${rec.fields.length} fields, the header has ${header.length}; row skipped`, code: 'CSV_FIELD_COUNT' });
			continue;
		}
		const f = rec.fields;
		const str = (c: number) => String(f[c] ?? '').trim();
		const coords = dimCols.map((c, d) => {
			const code = str(c);
			let pos = codes[d].get(code);
			if (pos === undefined) codes[d].set(code, (pos = codes[d].size));
			const lc = labelCols[d];
			if (lc >= 0) {
				const label = str(lc);
				const prev = seenLabels[d].get(code);
				if (prev === undefined) seenLabels[d].set(code, label);
				else if (prev !== label)
					add({ severity: 'warning', line: rec.line, where: mapping.dimensions[d].labelColumn!, message: `code ${JSON.stringify(code)} has label ${JSON.stringify(label)} here but ${JSON.stringify(prev)} before; the first is used`, code: 'CSV_LABEL_CONFLICT' });
			}
			return pos;
		});
		const rawValue = f[valueCol] ?? '';
		const marker = String(rawValue).trim();
		const statusText = statusCol >= 0 ? str(statusCol) : '';
		let value: number | null = null;
		let status: string | undefined = statusText !== '' ? statusText : undefined;
		if (missing.has(marker)) status ??= marker;
		else value = number(rawValue, mapping.value, rec.line);
		const nums = {
			ci_low: numCols.ci_low >= 0 ? number(f[numCols.ci_low], mapping.ci_low!, rec.line) : null,
			ci_high: numCols.ci_high >= 0 ? number(f[numCols.ci_high], mapping.ci_high!, rec.line) : null,
			n: numCols.n >= 0 ? number(f[numCols.n], mapping.n!, rec.line) : null
		};
		let ciFlag: string | null = null;
		if (ciTextCol >= 0) {
			const ciRaw = str(ciTextCol);
			const m = CI_TEXT.exec(ciRaw);
			if (m) {
				nums.ci_low = Number(m[1].replace(',', '.'));
				nums.ci_high = Number(m[2].replace(',', '.'));
				ciFlag = m[3] || null;
			} else if (!missing.has(ciRaw))
				add({ line: rec.line, where: mapping.ci_text!, message: `${JSON.stringify(ciRaw)} is not a confidence interval written as "low - high"`, code: 'CSV_NOT_A_CI' });
		}
		rows.push({ line: rec.line, coords, value, status, nums, attrs: keepCols.map((c) => String(f[c] ?? '')), ciFlag });
	}

	const sizes = codes.map((m) => m.size);
	const cells = sizes.reduce((a, b) => a * b, 1);
	if (cells > MAX_CSV_CELLS) {
		add({ line: 0, where: 'dimensions', message: `the dimension columns span ${cells} cells (${sizes.join(' × ')}) for ${rows.length} rows, more than ${MAX_CSV_CELLS}; map fewer columns as dimensions`, code: 'CSV_TOO_MANY_CELLS' }, true);
		return undefined;
	}
	const stride = new Array<number>(sizes.length);
	for (let d = sizes.length - 1, s = 1; d >= 0; d--) {
		stride[d] = s;
		s *= sizes[d];
	}
	const values: (number | null)[] = new Array(cells).fill(null);
	const status = new Map<number, string>();
	const data: CsvCellData = { line: new Array(cells).fill(0), attributes: {}, ...read };
	for (const k of ['ci_low', 'ci_high', 'n'] as const) if (mapping[k] !== undefined || (k !== 'n' && mapping.ci_text !== undefined)) data[k] = new Array(cells).fill(null);
	if (mapping.ci_text !== undefined) data.attributes.ci_flag = new Array(cells).fill(null);
	mapping.keep.forEach((k) => (data.attributes[k] = new Array(cells).fill(null)));
	const dimColumns = mapping.dimensions.map((d) => d.column).join(',');
	for (const r of rows) {
		const i = r.coords.reduce((acc, c, d) => acc + c * stride[d], 0);
		if (data.line[i] !== 0) {
			const coord = mapping.dimensions.map((d, k) => `${d.id ?? d.column}=${JSON.stringify([...codes[k].keys()][r.coords[k]])}`).join(', ');
			add({ line: r.line, where: dimColumns, message: `duplicate of line ${data.line[i]} (${coord}); the first row is kept`, code: 'CSV_DUPLICATE' });
			continue;
		}
		data.line[i] = r.line;
		values[i] = r.value;
		if (r.status !== undefined) status.set(i, r.status);
		for (const k of ['ci_low', 'ci_high', 'n'] as const) if (data[k]) data[k]![i] = r.nums[k];
		mapping.keep.forEach((k, j) => (data.attributes[k][i] = r.attrs[j]));
		if (data.attributes.ci_flag) data.attributes.ci_flag[i] = r.ciFlag;
	}

	const dimensions: Dimension[] = mapping.dimensions.map((dm, d) => {
		const categories: Category[] = [...codes[d].keys()].map((code) => {
			const given = dm.labels?.[code];
			const fromColumn = seenLabels[d].get(code);
			return { code, label: t(given) ?? (fromColumn ? { [lang]: fromColumn } : { [lang]: code }), notes: [] };
		});
		const id = dm.id ?? dm.column;
		return { id, code: dm.column, label: t(dm.label) ?? { [lang]: id }, role: dm.role, categories, notes: [] };
	});
	const languages = [...new Set([lang, ...textLangs(mapping)])];
	const cube: Cube = {
		origin: file,
		format: 'csv',
		languages,
		defaultLanguage: lang,
		id: mapping.id,
		title: t(mapping.title) ?? { [lang]: file.split(/[\\/]/).pop() ?? file },
		dimensions,
		values,
		status,
		notes: [],
		cellNotes: [],
		unit: t(mapping.unit),
		decimals: mapping.decimals,
		source: t(mapping.source),
		extra: { csv: data }
	};
	return cube;
}

function textLangs(m: CsvMapping): string[] {
	const out: string[] = [];
	const from = (x: unknown) => {
		if (x && typeof x === 'object') out.push(...Object.keys(x));
	};
	[m.title, m.unit, m.source].forEach(from);
	for (const d of m.dimensions) {
		from(d.label);
		for (const l of Object.values(d.labels ?? {})) from(l);
	}
	return out;
}
