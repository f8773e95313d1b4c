/**
 * A small RFC 4180 tokenizer: quoted fields may hold delimiters, doubled quotes and line
 * breaks; records end at CRLF, LF or CR. Each record keeps the 1-based line it starts on,
 * so a problem in row 17 of a file with multi-line notes still points at the right line.
 * Hand-written because no CSV library is installed and DuckDB's reader (used by the thin
 * slice) cannot report physical lines or decode Windows-1252.
 *
 * Lenient by construction: a quote inside an unquoted field is kept as a character (as
 * Excel does); text after a closing quote and an unterminated quote are reported.
 */
export interface CsvRecord {
	/** 1-based line where the record starts. */
	line: number;
	fields: string[];
}

export interface CsvSyntaxProblem {
	line: number;
	message: string;
}

export function parseCsv(text: string, delimiter: string): { records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
	const records: CsvRecord[] = [];
	const problems: CsvSyntaxProblem[] = [];
	const d = delimiter.charCodeAt(0);
	const n = text.length;
	let line = 1;
	let i = 0;
	while (i < n) {
		const start = line;
		const fields: string[] = [];
		// one record
		for (;;) {
			let field = '';
			if (text.charCodeAt(i) === 34 /* " */) {
				const openLine = line;
				i++;
				let closed = false;
				while (i < n) {
					const c = text.charCodeAt(i);
					if (c === 34) {
						if (text.charCodeAt(i + 1) === 34) {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						closed = true;
						break;
					}
					if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
					field += text[i++];
				}
				if (!closed) problems.push({ line: openLine, message: 'quoted field is not closed before the end of the file' });
				// characters between the closing quote and the delimiter
				let stray = '';
				while (i < n) {
					const c = text.charCodeAt(i);
					if (c === d || c === 10 || c === 13) break;
					stray += text[i++];
				}
				if (stray !== '') {
					problems.push({ line, message: `text after a closing quote: ${JSON.stringify(stray.slice(0, 20))}` });
					field += stray;
				}
			} else {
				const from = i;
				while (i < n) {
					const c = text.charCodeAt(i);
					if (c === d || c === 10 || c === 13) break;
					i++;
				}
				field = text.slice(from, i);
			}
			fields.push(field);
			if (i < n && text.charCodeAt(i) === d) {
				i++;
				continue;
			}
			break;
		}
		// end of record
		if (i < n) {
			if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
			else i++;
			line++;
		}
		records.push({ line: start, fields });
	}
	return { records, problems };
}

const CANDIDATES = [',', ';', '\t'] as const;

/**
 * Pick the delimiter (',', ';' or tab) that splits the first records into the same number
 * (> 1) of fields; ties go to the one giving more fields, then to the order above.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
	const sample = firstLines(text, 20);
	let best: { d: (typeof CANDIDATES)[number]; score: number } = { d: ',', score: -1 };
	for (const d of CANDIDATES) {
		const recs = parseCsv(sample.text, d).records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
		if (sample.cut && recs.length > 1) recs.pop(); // the last sampled record may be cut
		if (!recs.length) continue;
		const width = recs[0].fields.length;
		if (width < 2) continue;
		const consistent = recs.every((r) => r.fields.length === width);
		const score = (consistent ? 1000 : 0) + width;
		if (score > best.score) best = { d, score };
	}
	return best.d;
}

function firstLines(text: string, count: number): { text: string; cut: boolean } {
	let i = 0;
	for (let k = 0; k < count; k++) {
		const j = text.indexOf('\n', i);
		if (j < 0) return { text, cut: false };
		i = j + 1;
	}
	return { text: text.slice(0, i), cut: true };
}
