/**
 * The DATA part: by far the largest part of a PX file (232,200 cells in BEXST1), so it is
 * scanned by hand over the decoded string — no split into a giant array of substrings —
 * straight into a preallocated values array. Cells are separated by blanks, tabs,
 * commas or newlines; `;` ends the data.
 *
 * Missing cells are PX data symbols: "." … "......" (DATASYMBOL1–6) and "-" (DATASYMBOLNIL),
 * quoted or not. Any other quoted token is kept as a symbol too. Each becomes a null value
 * with the symbol as written in `status`, so the source's own marker survives.
 */

export interface DataIssue {
	line: number;
	message: string;
}

export interface KeyedStub {
	/** For each stub variable in order: key text → category index. */
	lookups: Map<string, number>[];
	/** Cells per row (product of HEADING sizes). */
	rowLength: number;
}

export interface DataResult {
	values: (number | null)[];
	status: Map<number, string>;
	issues: DataIssue[];
	/** Number of cells actually present in the file (before filling KEYS rows). */
	count: number;
}

const MAX_ISSUES = 20;

/** Reads `cells` values starting at `offset`; rows are keyed when `keyed` is given (KEYS). */
export function parseData(text: string, offset: number, line: number, cells: number, keyed?: KeyedStub): DataResult {
	const scanner = new DataScanner(text, offset, line);
	return keyed ? readKeyed(scanner, cells, keyed) : readDense(scanner, cells);
}

function readDense(s: DataScanner, cells: number): DataResult {
	const values: (number | null)[] = new Array(cells);
	const status = new Map<number, string>();
	let count = 0;
	while (s.next()) {
		if (count < cells) storeToken(s, count, values, status);
		count++;
	}
	if (count !== cells) {
		s.issue(s.line, `DATA has ${count} values but the STUB and HEADING values span ${cells} cells`);
		for (let i = count; i < cells; i++) values[i] = null;
	}
	s.requireTerminator();
	return { values, status, issues: s.issues, count };
}

/**
 * KEYS: each row starts with one key per stub variable (a code or a value text), then one
 * row of HEADING cells. Rows left out of the file hold only zeros (PX spec, "Files with
 * KEYS"), so the cube starts as zeros.
 */
function readKeyed(s: DataScanner, cells: number, keyed: KeyedStub): DataResult {
	const values: (number | null)[] = new Array<number | null>(cells).fill(0);
	const status = new Map<number, string>();
	const rows = keyed.rowLength === 0 ? 0 : cells / keyed.rowLength;
	let count = 0;
	for (;;) {
		if (!s.next()) break;
		const keyLine = s.line;
		let row = 0;
		let ok = true;
		for (let k = 0; k < keyed.lookups.length; k++) {
			if (k > 0 && !s.next()) {
				s.issue(s.line, 'DATA ends inside the keys of a row');
				ok = false;
				break;
			}
			const key = s.tokenText();
			const index = keyed.lookups[k].get(key);
			if (index === undefined) {
				s.issue(keyLine, `KEYS row key ${JSON.stringify(key)} is not a value of stub variable ${k + 1}`);
				ok = false;
			}
			row = row * keyed.lookups[k].size + (index ?? 0);
		}
		for (let j = 0; j < keyed.rowLength; j++) {
			if (!s.next()) {
				s.issue(s.line, `DATA row at line ${keyLine} has ${j} of ${keyed.rowLength} cells`);
				s.requireTerminator();
				return { values, status, issues: s.issues, count };
			}
			if (ok && row < rows) storeToken(s, row * keyed.rowLength + j, values, status);
			count++;
		}
	}
	s.requireTerminator();
	return { values, status, issues: s.issues, count };
}

function storeToken(s: DataScanner, index: number, values: (number | null)[], status: Map<number, string>): void {
	if (s.quoted || s.isSymbol()) {
		values[index] = null;
		status.set(index, s.tokenText());
		return;
	}
	const n = s.number();
	if (n === undefined) {
		s.issue(s.line, `${JSON.stringify(s.tokenText())} is neither a number nor a data symbol (cell ${index + 1})`);
		values[index] = null;
	} else if (!Number.isFinite(n)) {
		s.issue(s.line, `${s.tokenText()} is out of range (cell ${index + 1})`);
		values[index] = null;
	} else values[index] = n;
}

const NL = 10;
const QUOTE = 34;
const SEMI = 59;

function isSeparator(c: number): boolean {
	return c === 32 || c === 9 || c === NL || c === 13 || c === 44;
}

/** Walks tokens; `start`/`end` delimit the current token (without quotes). */
class DataScanner {
	start = 0;
	end = 0;
	quoted = false;
	terminated = false;
	readonly issues: DataIssue[] = [];
	private dropped = 0;

	constructor(
		private readonly text: string,
		private pos: number,
		public line: number
	) {}

	/** Advances to the next token; false at `;` or the end of text. */
	next(): boolean {
		const t = this.text;
		const n = t.length;
		let p = this.pos;
		for (;;) {
			if (p >= n) {
				this.pos = p;
				return false;
			}
			const c = t.charCodeAt(p);
			if (c === NL) this.line++;
			else if (c === SEMI) {
				this.terminated = true;
				this.pos = p + 1;
				return false;
			} else if (!isSeparator(c)) break;
			p++;
		}
		if (t.charCodeAt(p) === QUOTE) return this.quotedToken(p);
		this.quoted = false;
		this.start = p;
		while (p < n) {
			const c = t.charCodeAt(p);
			if (isSeparator(c) || c === SEMI || c === QUOTE) break;
			p++;
		}
		this.end = p;
		this.pos = p;
		return true;
	}

	private quotedToken(p: number): boolean {
		const t = this.text;
		const close = t.indexOf('"', p + 1);
		const nl = t.indexOf('\n', p + 1);
		this.quoted = true;
		this.start = p + 1;
		if (close < 0 || (nl >= 0 && nl < close)) {
			this.issue(this.line, 'quoted data symbol not closed on its line');
			this.end = nl < 0 ? t.length : nl;
			this.pos = this.end;
			return true;
		}
		this.end = close;
		this.pos = close + 1;
		return true;
	}

	tokenText(): string {
		return this.text.slice(this.start, this.end);
	}

	/** Unquoted "-" and "." … "......" are symbols too (older writers leave the quotes off). */
	isSymbol(): boolean {
		const len = this.end - this.start;
		const first = this.text.charCodeAt(this.start);
		if (len === 1 && first === 45) return true;
		if (len < 1 || len > 6) return false;
		for (let p = this.start; p < this.end; p++) if (this.text.charCodeAt(p) !== 46) return false;
		return true;
	}

	/**
	 * A decimal number (sign, digits, optional fraction and exponent), else undefined.
	 * Fast path without a substring: up to 15 significant digits and no exponent are exact
	 * as a double, and one division by an exact power of ten is correctly rounded, so the
	 * result equals Number(text).
	 */
	number(): number | undefined {
		const t = this.text;
		let p = this.start;
		const end = this.end;
		let negative = false;
		let c = t.charCodeAt(p);
		if (c === 43 || c === 45) {
			negative = c === 45;
			p++;
		}
		let digits = 0;
		let mantissa = 0;
		let fraction = 0;
		while (p < end && isDigit((c = t.charCodeAt(p)))) {
			mantissa = mantissa * 10 + (c - 48);
			p++;
			digits++;
		}
		if (p < end && t.charCodeAt(p) === 46) {
			p++;
			while (p < end && isDigit((c = t.charCodeAt(p)))) {
				mantissa = mantissa * 10 + (c - 48);
				p++;
				digits++;
				fraction++;
			}
		}
		if (digits === 0) return undefined;
		if (p === end && digits <= 15) {
			const v = fraction === 0 ? mantissa : mantissa / POW10[fraction];
			return negative ? -v : v;
		}
		if (p < end && (t.charCodeAt(p) === 101 || t.charCodeAt(p) === 69)) {
			p++;
			if (p < end && (t.charCodeAt(p) === 43 || t.charCodeAt(p) === 45)) p++;
			let exp = 0;
			while (p < end && isDigit(t.charCodeAt(p))) {
				p++;
				exp++;
			}
			if (exp === 0) return undefined;
		}
		if (p !== end) return undefined;
		return Number(t.slice(this.start, end));
	}

	issue(line: number, message: string): void {
		if (this.issues.length < MAX_ISSUES) this.issues.push({ line, message });
		else if (this.dropped++ === 0) this.issues.push({ line, message: 'further DATA problems not listed' });
	}

	/** DATA must end with `;` and nothing but blanks may follow. */
	requireTerminator(): void {
		if (!this.terminated) {
			// Several real files end DATA at the end of the file without ';' (PxWeb accepts
			// them). A truncated file is still caught by the cell count.
			return;
		}
		const rest = this.text.slice(this.pos).trim();
		if (rest) this.issue(this.line, `text after the ";" that ends DATA: ${JSON.stringify(rest.slice(0, 20))}`);
	}
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
