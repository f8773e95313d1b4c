/**
 * CSV/TSV reader for regions' own survey exports and our published-figures file: bytes
 * plus a YAML mapping (./csv/mapping.ts) → the shared Cube.
 *
 * Steps: decode (./csv/decode.ts: UTF-8, Windows-1252 or auto; BOM dropped) → delimiter
 * (mapping, else detected among ',', ';', tab) → RFC 4180 records with their line numbers
 * (./csv/parse.ts) → cube (./csv/build.ts).
 *
 * Decisions:
 * - Dimensions are the mapped columns' distinct codes (trimmed) in first-seen order; the
 *   cube is their cross product, row-major like every cube.
 * - Absent vs suppressed: a combination not in the file is null with no status entry and
 *   `csvCellData(cube).line[i] === 0`; a row in the file whose value is a missing marker
 *   ("..", ".", "-", "" by default) is null with `status.get(i)` = the status column's text
 *   or else the marker. So `status.has(i)` ⇔ the file said something about the cell.
 * - ci_low/ci_high/n and the `keep` columns (url, note…) travel per cell in
 *   `cube.extra.csv` (typed as CsvCellData; read it with `csvCellData`), not in model.ts,
 *   because only CSV sources have them today.
 * - Strict: any error throws one ReadError (all problems, each with line and column).
 *   Lenient: rows with the wrong field count are skipped, unparseable numbers become null,
 *   duplicates keep the first row — all returned as warnings. Missing columns, an empty file
 *   and an oversized cross product are fatal in both modes.
 */
import type { Problem } from '../cube/errors.ts';
import type { Cube } from '../cube/model.ts';
import { buildCsvCube, type CsvCellData } from './csv/to-cube.ts';
import { decode } from './csv/decode.ts';
import type { CsvMapping } from './csv/mapping.ts';
import { detectDelimiter, parseCsv } from './csv/parse.ts';
import { problemsOf } from './csv/problems.ts';

export { loadCsvMapping, csvMappingSchema, type CsvMapping, type CsvDimensionMapping } from './csv/mapping.ts';
export { MAX_CSV_CELLS, type CsvCellData } from './csv/to-cube.ts';

export interface CsvOptions {
	origin: string;
	lenient?: boolean;
}

export function readCsv(bytes: Uint8Array, mapping: CsvMapping, opts: CsvOptions): { cube: Cube; warnings: Problem[] } {
	const file = opts.origin;
	const { add, finish } = problemsOf(file);

	const decoded = decode(bytes, mapping.encoding);
	if (decoded.invalidUtf8) {
		// Fatal: reading on with U+FFFD in place of å/ä/ö would corrupt codes and labels.
		add({ line: decoded.invalidUtf8.line, where: '(encoding)', message: 'not valid UTF-8; set encoding: windows-1252 or auto in the mapping', code: 'CSV_ENCODING' }, true);
	}
	const delimiter = mapping.delimiter ?? detectDelimiter(decoded.text);
	const { records, problems: syntax } = parseCsv(decoded.text, delimiter);
	for (const s of syntax) add({ line: s.line, where: '(syntax)', message: s.message, code: 'CSV_SYNTAX' });

	let cube: Cube | undefined;
	const header = records[0]?.fields.map((h) => h.trim());
	if (!header || (header.length === 1 && header[0] === '')) {
		add({ line: 1, where: '(header)', message: 'the file is empty: no header row', code: 'CSV_EMPTY' }, true);
	} else {
		cube = buildCsvCube(header, records.slice(1), mapping, file, add, { delimiter, encoding: decoded.encoding });
	}

	return finish(cube, opts.lenient);
}

/** The per-cell CSV extras (line, ci, n, kept columns) of a cube read by readCsv. */
export function csvCellData(cube: Cube): CsvCellData | undefined {
	return cube.format === 'csv' ? (cube.extra.csv as CsvCellData | undefined) : undefined;
}
