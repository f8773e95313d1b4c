/**
 * PX text → statements (`KEYWORD[lang]("sub","keys")=value;`), each with the line it
 * starts on so every later problem can point at it.
 *
 * A long text is usually written as several quoted strings on consecutive lines, joined with
 * no separator; but agencies (Statistics Sweden, Statistics Norway) also write one quoted
 * string that continues over several lines (a NOTE with line breaks inside the quotes), which
 * PxWeb reads. So a string may span lines when its closing quote is followed by what can
 * follow a string (`;` `,` `"` `)` `:` `-`). Anything else means a stray quote: instead of
 * flipping quote parity for the rest of the file, the broken statement is skipped to the `;`
 * that ends its last line, and its raw text is kept so the builder can decide whether the
 * defect is fatal (structural keyword) or repairable.
 *
 * The lexer stops at `DATA=`: the data part is scanned by data.ts, which is built for size.
 */

export type Item =
	| { kind: 'string'; text: string }
	| { kind: 'word'; text: string }
	/** HIERARCHIES' "parent":"child". */
	| { kind: 'pair'; parent: string; child: string }
	/** TIMEVAL's TLIST(A1) or TLIST(A1,"1977"-"2019"). */
	| { kind: 'tlist'; scale: string; range?: [string, string] };

export interface Statement {
	/** Upper-cased keyword. */
	keyword: string;
	lang?: string;
	subkeys: string[];
	items: Item[];
	/** 1-based line where the keyword starts. */
	line: number;
	/** Why the statement could not be read as written. */
	broken?: string;
	/** For a broken statement: the text between `=` and the closing `;`, when found. */
	raw?: string;
}

export interface Lexed {
	statements: Statement[];
	/** Where the DATA values begin (just after `DATA=`), if DATA was found. */
	data?: { offset: number; line: number; keywordLine: number };
	/** Text that is not a statement at all. */
	garbage: { line: number; message: string }[];
}

class LexFailure {
	constructor(
		readonly message: string,
		readonly pos: number
	) {}
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const SEMI = 59;

/** What may follow a closing quote: `;` `,` `"` `)` `:` `-`. */
const AFTER_STRING = new Set([SEMI, 44, QUOTE, 41, 58, 45]);

function isSpace(c: number): boolean {
	return c === SPACE || c === TAB || c === NL || c === CR || c === 0xfeff;
}

function isNameChar(c: number): boolean {
	return (
		(c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 36
	);
}

/** Word characters in values: anything but blanks and PX punctuation. */
function isWordChar(c: number): boolean {
	return !(isSpace(c) || c === QUOTE || c === SEMI || c === 44 || c === 40 || c === 41 || c === 58 || Number.isNaN(c));
}

export function lexPx(text: string): Lexed {
	return new Lexer(text).run();
}

class Lexer {
	private pos = 0;
	private line = 1;
	private readonly statements: Statement[] = [];
	private readonly garbage: Lexed['garbage'] = [];

	constructor(private readonly text: string) {}

	run(): Lexed {
		for (;;) {
			this.skipSpace();
			if (this.pos >= this.text.length) return { statements: this.statements, garbage: this.garbage };
			const data = this.statement();
			if (data) return { statements: this.statements, garbage: this.garbage, data };
		}
	}

	/** Reads one statement; returns the DATA location when it reaches `DATA=`. */
	private statement(): Lexed['data'] | undefined {
		const line = this.line;
		const name = this.name();
		if (!name) {
			this.garbage.push({ line, message: `unexpected text ${JSON.stringify(this.text.slice(this.pos, this.pos + 20))}` });
			this.pos++;
			this.recoverToStatementEnd();
			return undefined;
		}
		const stmt: Statement = { keyword: name.toUpperCase(), subkeys: [], items: [], line };
		this.statements.push(stmt);
		let valueStart = -1;
		try {
			this.head(stmt);
			valueStart = this.pos;
			if (stmt.keyword === 'DATA') return { offset: this.pos, line: this.line, keywordLine: line };
			stmt.items = this.value();
		} catch (e) {
			if (!(e instanceof LexFailure)) throw e;
			stmt.broken = e.message;
			this.pos = Math.max(this.pos, e.pos);
			const end = this.recoverToStatementEnd();
			if (valueStart >= 0) stmt.raw = this.text.slice(valueStart, end).trim();
		}
		return undefined;
	}

	/** `[lang]`, `("sub","keys")` and the `=`. */
	private head(stmt: Statement): void {
		const t = this.text;
		if (t.charCodeAt(this.pos) === 91) {
			const close = t.indexOf(']', this.pos);
			const nl = t.indexOf('\n', this.pos);
			if (close < 0 || (nl >= 0 && nl < close)) throw new LexFailure('missing "]" after the language', this.pos);
			stmt.lang = t.slice(this.pos + 1, close).trim();
			this.pos = close + 1;
		}
		this.skipInlineSpace();
		if (t.charCodeAt(this.pos) === 40) stmt.subkeys = this.subkeys();
		this.skipSpace();
		if (t.charCodeAt(this.pos) !== 61) throw new LexFailure('expected "=" after the keyword', this.pos);
		this.pos++;
	}

	private subkeys(): string[] {
		const out: string[] = [];
		this.pos++; // (
		for (;;) {
			this.skipInlineSpace();
			const c = this.text.charCodeAt(this.pos);
			if (c === QUOTE) out.push(this.string());
			else if (isWordChar(c)) out.push(this.word());
			else throw new LexFailure('expected a quoted name in the parentheses', this.pos);
			this.skipInlineSpace();
			const d = this.text.charCodeAt(this.pos);
			if (d === 44) this.pos++;
			else if (d === 41) {
				this.pos++;
				return out;
			} else throw new LexFailure('expected "," or ")" in the parentheses (stray quote?)', this.pos);
		}
	}

	private value(): Item[] {
		const items: Item[] = [];
		this.skipSpace();
		if (this.text.charCodeAt(this.pos) === SEMI) {
			this.pos++;
			return items;
		}
		for (;;) {
			this.skipSpace();
			if (this.pos >= this.text.length) throw new LexFailure('missing ";" at the end of the value', this.pos);
			const wasString = this.text.charCodeAt(this.pos) === QUOTE;
			items.push(this.item());
			this.skipSpace();
			const c = this.text.charCodeAt(this.pos);
			if (c === 44) {
				this.pos++;
				// `"1","2",;` (BE101ACE.px CODES) is a list whose last item is empty
				this.skipSpace();
				if (this.text.charCodeAt(this.pos) === SEMI) {
					this.pos++;
					items.push({ kind: 'string', text: '' });
					return items;
				}
				continue;
			}
			if (c === SEMI) {
				this.pos++;
				return items;
			}
			if (this.pos >= this.text.length) throw new LexFailure('missing ";" at the end of the value', this.pos);
			throw new LexFailure(
				wasString ? 'text after a closing quote (stray quote inside the string?)' : 'expected "," or ";" after a value',
				this.pos
			);
		}
	}

	private item(): Item {
		const c = this.text.charCodeAt(this.pos);
		if (c === QUOTE) {
			const text = this.joinedString();
			if (this.peekAfterSpace() !== 58) return { kind: 'string', text };
			this.skipSpace();
			this.pos++; // :
			this.skipSpace();
			if (this.text.charCodeAt(this.pos) !== QUOTE) throw new LexFailure('expected a quoted child after ":"', this.pos);
			return { kind: 'pair', parent: text, child: this.joinedString() };
		}
		if (!isWordChar(c)) throw new LexFailure(`unexpected character ${JSON.stringify(this.text[this.pos])}`, this.pos);
		const word = this.word();
		if (word.toUpperCase() === 'TLIST' && this.text.charCodeAt(this.pos) === 40) return this.tlist();
		return { kind: 'word', text: word };
	}

	private tlist(): Item {
		this.pos++; // (
		this.skipSpace();
		const scale = this.word();
		if (!scale) throw new LexFailure('expected a time scale in TLIST(...)', this.pos);
		this.skipSpace();
		if (this.text.charCodeAt(this.pos) === 41) {
			this.pos++;
			return { kind: 'tlist', scale };
		}
		this.expect(44, '"," or ")" in TLIST');
		this.skipSpace();
		const from = this.string();
		this.skipSpace();
		this.expect(45, '"-" between the periods of a TLIST range');
		this.skipSpace();
		const to = this.string();
		this.skipSpace();
		this.expect(41, '")" closing TLIST');
		return { kind: 'tlist', scale, range: [from, to] };
	}

	private expect(code: number, what: string): void {
		if (this.text.charCodeAt(this.pos) !== code) throw new LexFailure(`expected ${what}`, this.pos);
		this.pos++;
	}

	/** Consecutive quoted strings (a long text split over lines) joined with no separator. */
	private joinedString(): string {
		let s = this.string();
		while (this.peekAfterSpace() === QUOTE) {
			this.skipSpace();
			s += this.string();
		}
		return s;
	}

	private string(): string {
		const t = this.text;
		if (t.charCodeAt(this.pos) !== QUOTE) throw new LexFailure('expected a quoted string', this.pos);
		const close = t.indexOf('"', this.pos + 1);
		const nl = t.indexOf('\n', this.pos + 1);
		if (close < 0) throw new LexFailure('string not closed on its line', this.pos);
		let s = t.slice(this.pos + 1, close);
		if (nl >= 0 && nl < close) {
			// A string over several lines: accepted only if what follows the closing quote can follow a string.
			let p = close + 1;
			while (p < t.length && isSpace(t.charCodeAt(p))) p++;
			if (!AFTER_STRING.has(t.charCodeAt(p))) throw new LexFailure('string not closed on its line', this.pos);
			for (let i = this.pos + 1; i < close; i++) if (t.charCodeAt(i) === NL) this.line++;
			s = s.replace(/\r\n?/g, '\n');
		}
		this.pos = close + 1;
		return s;
	}

	private word(): string {
		const start = this.pos;
		while (this.pos < this.text.length && isWordChar(this.text.charCodeAt(this.pos))) this.pos++;
		return this.text.slice(start, this.pos);
	}

	private name(): string {
		const start = this.pos;
		while (this.pos < this.text.length && isNameChar(this.text.charCodeAt(this.pos))) this.pos++;
		return this.text.slice(start, this.pos);
	}

	private peekAfterSpace(): number {
		let p = this.pos;
		while (p < this.text.length && isSpace(this.text.charCodeAt(p))) p++;
		return this.text.charCodeAt(p);
	}

	private skipSpace(): void {
		const t = this.text;
		while (this.pos < t.length) {
			const c = t.charCodeAt(this.pos);
			if (c === NL) this.line++;
			else if (!isSpace(c)) return;
			this.pos++;
		}
	}

	private skipInlineSpace(): void {
		while (this.text.charCodeAt(this.pos) === SPACE || this.text.charCodeAt(this.pos) === TAB) this.pos++;
	}

	/**
	 * Moves past the `;` that ends a line (only blanks after it), counting lines; returns
	 * the index of that `;` (or the end of text when there is none).
	 */
	private recoverToStatementEnd(): number {
		const t = this.text;
		for (; this.pos < t.length; this.pos++) {
			const c = t.charCodeAt(this.pos);
			if (c === NL) this.line++;
			else if (c === SEMI && this.endsLine(this.pos + 1)) {
				const at = this.pos;
				this.pos++;
				return at;
			}
		}
		return t.length;
	}

	private endsLine(p: number): boolean {
		for (; p < this.text.length; p++) {
			const c = this.text.charCodeAt(p);
			if (c === NL) return true;
			if (c !== SPACE && c !== TAB && c !== CR) return false;
		}
		return true;
	}
}
