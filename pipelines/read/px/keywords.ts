/**
 * Keyword table over lexed statements, plus the knowledge of which keywords are which.
 * Keeps the builder free of lookups by hand and makes "which keywords are structural"
 * one list that the validation and the docs share.
 */
import type { Item, Statement } from './lex.ts';

/**
 * Keywords the data cube's shape or meaning depends on. A defect in one of them (missing,
 * broken quoting, reference to something that does not exist) is fatal even under
 * --lenient; any other defect is a warning there.
 */
export const STRUCTURAL = new Set([
	'CHARSET', 'CODEPAGE', 'LANGUAGE', 'LANGUAGES', 'MATRIX', 'SUBJECT-AREA', 'SUBJECT-CODE', 'TITLE', 'UNITS',
	'STUB', 'HEADING', 'VALUES', 'CODES', 'CONTVARIABLE', 'KEYS', 'DATA', 'DECIMALS'
]);

/** Keywords PX requires (line 0 when missing: there is no line to point at). */
export const REQUIRED = ['MATRIX', 'SUBJECT-AREA', 'SUBJECT-CODE', 'UNITS', 'DATA'] as const;

/** Keywords that may carry a content value subscript when there is a CONTVARIABLE. */
export const CONTENT_KEYWORDS = new Set([
	'UNITS', 'LAST-UPDATED', 'CONTACT', 'STOCKFA', 'REFPERIOD', 'BASEPERIOD', 'CFPRICES', 'DAYADJ', 'SEASADJ'
]);

/** YES/NO keywords without subscripts. */
export const BOOLEAN_KEYWORDS = new Set(['AGGREGALLOWED', 'AUTOPEN', 'COPYRIGHT', 'DESCRIPTIONDEFAULT', 'OFFICIAL-STATISTICS']);

/** Per-variable keywords kept as provenance under extra.variables. */
export const VARIABLE_EXTRAS = new Set([
	'DOMAIN', 'PRESTEXT', 'META-ID', 'PARTITIONED', 'VARIABLE-TYPE', 'MAP', 'HIERARCHYLEVELS', 'HIERARCHYLEVELSOPEN',
	'HIERARCHYNAMES', 'KEYS'
]);

export class KeywordTable {
	private readonly byKeyword = new Map<string, Statement[]>();

	constructor(statements: Statement[], readonly defaultLang: string) {
		for (const s of statements) {
			const list = this.byKeyword.get(s.keyword);
			if (list) list.push(s);
			else this.byKeyword.set(s.keyword, [s]);
		}
	}

	all(keyword: string): Statement[] {
		return this.byKeyword.get(keyword) ?? [];
	}

	has(keyword: string): boolean {
		return this.all(keyword).some((s) => this.isDefault(s.lang) && !s.broken);
	}

	/** The table-level (no subscript) statement of a keyword in a language. */
	table(keyword: string, lang?: string): Statement | undefined {
		return this.all(keyword).find((s) => s.subkeys.length === 0 && this.sameLang(s.lang, lang));
	}

	isDefault(lang: string | undefined): boolean {
		return lang === undefined || lang === this.defaultLang;
	}

	sameLang(a: string | undefined, b: string | undefined): boolean {
		return this.isDefault(a) ? this.isDefault(b) : a === b;
	}
}

/** The statement's value as one text (strings and words joined). */
export function textOf(s: Statement): string {
	return s.items.map(itemText).join('');
}

/** The statement's value as a list of texts. */
export function listOf(s: Statement): string[] {
	return s.items.map(itemText);
}

function itemText(i: Item): string {
	switch (i.kind) {
		case 'string':
		case 'word':
			return i.text;
		case 'pair':
			return `${i.parent}:${i.child}`;
		case 'tlist':
			return i.range ? `TLIST(${i.scale},${i.range[0]}-${i.range[1]})` : `TLIST(${i.scale})`;
	}
}

/** `KEYWORD` or `KEYWORD("a","b")`, the `where` of a problem. */
export function whereOf(s: { keyword: string; subkeys: string[] }): string {
	return s.subkeys.length ? `${s.keyword}(${s.subkeys.map((k) => JSON.stringify(k)).join(',')})` : s.keyword;
}
