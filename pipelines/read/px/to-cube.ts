/**
 * Statements → Cube. This is where PX meaning lives: which variable a (possibly
 * translated) subscript names, which value a note points at, what is required.
 *
 * Every defect becomes an Issue with the line of the keyword it is about and whether it is
 * fatal (the cube's shape or meaning is in doubt) or not (an optional keyword is wrong and
 * is ignored or repaired). readPx turns issues into Problems for strict/lenient mode.
 */
import type { CellNote, Category, Cube, Dimension, DimensionRole, Note, Texts } from '../../cube/model.ts';
import { cellCount } from '../../cube/model.ts';
import type { Decoded } from './decode.ts';
import { parseData, type KeyedStub } from './data.ts';
import type { Lexed, Statement } from './lex.ts';
import {
	BOOLEAN_KEYWORDS,
	CONTENT_KEYWORDS,
	KeywordTable,
	REQUIRED,
	STRUCTURAL,
	VARIABLE_EXTRAS,
	listOf,
	textOf,
	whereOf
} from './keywords.ts';
import { PX_DATA_SYMBOLS } from '../missing.ts';

export interface Issue {
	line: number;
	where: string;
	message: string;
	fatal: boolean;
}

export interface Built {
	cube?: Cube;
	issues: Issue[];
}

const DATA_SYMBOLS: Readonly<Record<string, string>> = PX_DATA_SYMBOLS;

const GEO_NAME = /^(region|regions|county|counties|municipality|municipalities|kommun|län|country|countries|geo|land)\b/i;

interface Variable {
	id: string;
	/** Names per language, by position in STUB/HEADING. */
	names: Texts;
	values?: Record<string, string[]>;
	codes?: string[];
}

export function buildCube(lexed: Lexed, decoded: Decoded, origin: string, fallbackLang: string): Built {
	return new Builder(lexed, decoded, origin, fallbackLang).build();
}

class Builder {
	private readonly issues: Issue[] = [];
	private readonly used = new Set<Statement>();
	private readonly kw: KeywordTable;
	private readonly languages: string[];
	private readonly defaultLang: string;
	private variables: Variable[] = [];
	private stubCount = 0;
	private dims: Dimension[] = [];
	private contentDim = -1;
	private readonly extra: Record<string, unknown> = {};

	constructor(
		private readonly lexed: Lexed,
		private readonly decoded: Decoded,
		private readonly origin: string,
		fallbackLang: string
	) {
		const statements = lexed.statements.filter((s) => this.acceptStatement(s));
		const lang = statements.find((s) => s.keyword === 'LANGUAGE' && !s.lang && s.subkeys.length === 0);
		this.defaultLang = (lang && textOf(lang).trim()) || fallbackLang;
		if (lang) this.used.add(lang);
		this.kw = new KeywordTable(statements, this.defaultLang);
		const langs = this.kw.table('LANGUAGES');
		this.languages = langs ? listOf(langs).map((l) => l.trim()).filter(Boolean) : [this.defaultLang];
		if (langs) this.used.add(langs);
		if (!this.languages.includes(this.defaultLang)) this.languages.unshift(this.defaultLang);
	}

	build(): Built {
		for (const g of this.lexed.garbage) this.fatal(g.line, 'SYNTAX', g.message);
		if (this.decoded.unknownCodepage !== undefined) {
			const s = this.kw.table('CODEPAGE');
			this.warn(s?.line ?? 0, 'CODEPAGE', `unknown code page "${this.decoded.unknownCodepage}", read as windows-1252`);
		}
		this.checkRequired();
		this.checkLanguages();
		const shapeOk = this.readVariables();
		if (shapeOk) this.buildDimensions();
		const cube = this.buildTable(shapeOk);
		return { cube, issues: this.issues };
	}

	// ---- problems --------------------------------------------------------------

	private fatal(line: number, where: string, message: string): void {
		this.issues.push({ line, where, message, fatal: true });
	}

	private warn(line: number, where: string, message: string): void {
		this.issues.push({ line, where, message, fatal: false });
	}

	private report(s: Statement, message: string, fatal = STRUCTURAL.has(s.keyword)): void {
		const lang = this.kw && !this.kw.isDefault(s.lang) ? ` (language ${s.lang})` : '';
		this.issues.push({ line: s.line, where: whereOf(s), message: message + lang, fatal });
	}

	/** Broken statements: structural ones are fatal; others are repaired to their literal text. */
	private acceptStatement(s: Statement): boolean {
		if (!s.broken) return true;
		const where = whereOf(s);
		if (STRUCTURAL.has(s.keyword) || s.raw === undefined) {
			this.issues.push({ line: s.line, where, message: s.broken, fatal: STRUCTURAL.has(s.keyword) || s.raw === undefined });
			return false;
		}
		const literal = literalText(s.raw);
		this.issues.push({ line: s.line, where, message: `${s.broken}; read as the literal text ${JSON.stringify(literal)}`, fatal: false });
		s.items = [{ kind: 'string', text: literal }];
		return true;
	}

	/** Missing keywords have no line: they are reported at line 0. */
	private checkRequired(): void {
		const present = (k: string) => this.lexed.statements.some((s) => s.keyword === k && s.subkeys.length === 0);
		for (const k of REQUIRED) {
			const missing = k === 'DATA' ? !this.lexed.data : !present(k);
			if (missing) this.fatal(0, k, `required keyword ${k} is missing`);
		}
		if (!present('TITLE') && !present('DESCRIPTION')) this.fatal(0, 'TITLE', 'TITLE and DESCRIPTION are both missing');
		if (!present('STUB') && !present('HEADING')) this.fatal(0, 'STUB', 'STUB and HEADING are both missing');
		if (!present('DECIMALS')) this.warn(0, 'DECIMALS', 'DECIMALS is missing');
		// CONTENTS is mandatory in the PX specification and PxWeb refuses a file without it: an
		// error in strict mode, a warning under --lenient (the cube is still usable).
		if (!present('CONTENTS')) this.warn(0, 'CONTENTS', 'required keyword CONTENTS is missing (PxWeb rejects such a file)');
	}

	private checkLanguages(): void {
		for (const s of this.lexed.statements) {
			if (s.lang !== undefined && !this.languages.includes(s.lang)) {
				this.report(s, `language "${s.lang}" is not listed in LANGUAGES`, false);
			}
		}
	}

	// ---- variables ---------------------------------------------------------------

	/** STUB/HEADING names per language, VALUES and CODES per variable. False if the shape is unusable. */
	private readVariables(): boolean {
		const stub = this.kw.table('STUB');
		const heading = this.kw.table('HEADING');
		if (!stub && !heading) return false;
		// a broken STUB/HEADING was reported; every VALUES would only repeat it
		if (this.lexed.statements.some((s) => s.broken && (s.keyword === 'STUB' || s.keyword === 'HEADING'))) return false;
		const stubNames = stub ? listOf(stub) : [];
		const headingNames = heading ? listOf(heading) : [];
		for (const s of [stub, heading]) if (s) this.used.add(s);
		this.stubCount = stubNames.length;
		const names = [...stubNames, ...headingNames];
		const seen = new Set<string>();
		let ok = true;
		for (const n of names) {
			if (seen.has(n)) {
				this.report((stubNames.includes(n) ? stub : heading)!, `variable "${n}" appears twice`, true);
				ok = false;
			}
			seen.add(n);
		}
		this.variables = names.map((id) => ({ id, names: { [this.defaultLang]: id } }));
		this.readTranslatedNames(stubNames.length, headingNames.length);
		return this.readValues() && this.readCodes() && ok;
	}

	private readTranslatedNames(stubCount: number, headingCount: number): void {
		for (const lang of this.languages) {
			if (lang === this.defaultLang) continue;
			const stub = this.kw.table('STUB', lang);
			const heading = this.kw.table('HEADING', lang);
			const ts = stub ? listOf(stub) : undefined;
			const th = heading ? listOf(heading) : undefined;
			for (const [s, list, count, offset] of [
				[stub, ts, stubCount, 0],
				[heading, th, headingCount, stubCount]
			] as const) {
				if (!s || !list) continue;
				this.used.add(s);
				if (list.length !== count) {
					this.report(s, `lists ${list.length} variables but the default language has ${count}`, false);
					continue;
				}
				list.forEach((n, i) => (this.variables[offset + i].names[lang] = n));
			}
		}
	}

	/** Variable index of a name in a statement's language (translated names by position). */
	private variableIndex(name: string, lang: string | undefined): number {
		const l = lang ?? this.defaultLang;
		let i = this.variables.findIndex((v) => v.names[l] === name);
		if (i < 0) i = this.variables.findIndex((v) => v.id === name);
		return i;
	}

	/** Resolves a statement's first subscript to a variable, reporting an unknown one. */
	private variableOf(s: Statement, fatal = STRUCTURAL.has(s.keyword)): number | undefined {
		if (s.subkeys.length === 0) {
			this.report(s, 'needs a variable name in parentheses', fatal);
			return undefined;
		}
		const i = this.variableIndex(s.subkeys[0], s.lang);
		if (i < 0) {
			this.report(s, `"${s.subkeys[0]}" is not a variable in STUB or HEADING`, fatal);
			return undefined;
		}
		return i;
	}

	private readValues(): boolean {
		for (const s of this.kw.all('VALUES')) {
			this.used.add(s);
			const i = this.variableOf(s, this.kw.isDefault(s.lang));
			if (i === undefined) continue;
			const v = this.variables[i];
			const lang = s.lang ?? this.defaultLang;
			const list = listOf(s);
			v.values ??= {};
			const base = v.values[this.defaultLang];
			if (lang !== this.defaultLang && base && base.length !== list.length) {
				this.report(s, `has ${list.length} values but the default language has ${base.length}`, false);
				continue;
			}
			v.values[lang] = list;
		}
		let ok = true;
		for (const v of this.variables) {
			if (!v.values?.[this.defaultLang]) {
				this.fatal(0, `VALUES("${v.id}")`, `VALUES for variable "${v.id}" is missing`);
				ok = false;
			} else if (v.values[this.defaultLang].length === 0) {
				this.fatal(0, `VALUES("${v.id}")`, `variable "${v.id}" has no values`);
				ok = false;
			}
		}
		// a translation read before the default one may have the wrong length
		for (const v of this.variables) {
			const base = v.values?.[this.defaultLang];
			for (const [lang, list] of Object.entries(v.values ?? {})) if (base && list.length !== base.length) delete v.values![lang];
		}
		return ok;
	}

	private readCodes(): boolean {
		let ok = true;
		for (const s of this.kw.all('CODES')) {
			this.used.add(s);
			const i = this.variableOf(s, this.kw.isDefault(s.lang));
			if (i === undefined) {
				ok = ok && !this.kw.isDefault(s.lang);
				continue;
			}
			const v = this.variables[i];
			const codes = listOf(s);
			const count = v.values?.[this.defaultLang]?.length ?? 0;
			if (codes.length !== count) {
				this.report(s, `has ${codes.length} codes but "${v.id}" has ${count} values`, this.kw.isDefault(s.lang));
				if (this.kw.isDefault(s.lang)) ok = false;
				continue;
			}
			if (this.kw.isDefault(s.lang)) v.codes = codes;
		}
		return ok;
	}

	// ---- dimensions ------------------------------------------------------------

	private buildDimensions(): void {
		this.dims = this.variables.map((v) => this.dimension(v));
		this.checkDuplicateCodes();
		this.readVariableCodes();
		this.readContentVariable();
		this.readTimeval();
		this.readVariableKeywords();
		this.readElimination();
		this.readHierarchies();
		this.readPrecision();
		this.readContentKeywords();
		this.assignGeoRoles();
	}

	/**
	 * Codes: CODES when given. Without CODES (or for an empty code) the value text in the
	 * default language is the code, which is what PxWeb does too, so selections stay stable.
	 */
	private dimension(v: Variable): Dimension {
		const values = v.values![this.defaultLang];
		const categories: Category[] = values.map((text, k) => ({
			code: v.codes?.[k] || text,
			label: this.labelsAt(v, k),
			notes: []
		}));
		return { id: v.id, code: v.id, label: { ...v.names }, role: 'other', categories, notes: [] };
	}

	private labelsAt(v: Variable, k: number): Texts {
		const out: Texts = {};
		for (const lang of this.languages) {
			const list = v.values?.[lang];
			if (list) out[lang] = list[k];
		}
		return out;
	}

	private checkDuplicateCodes(): void {
		this.dims.forEach((d) => {
			const seen = new Set<string>();
			for (const c of d.categories) {
				if (seen.has(c.code)) this.fatal(0, `CODES("${d.id}")`, `code "${c.code}" appears twice in "${d.id}"`);
				seen.add(c.code);
			}
		});
	}

	/** Category index of a value text (in the statement's language), else of a code. */
	private categoryIndex(dim: number, value: string, lang: string | undefined): number {
		const v = this.variables[dim];
		const inLang = v.values?.[lang ?? this.defaultLang]?.indexOf(value) ?? -1;
		if (inLang >= 0) return inLang;
		const inDefault = v.values?.[this.defaultLang]?.indexOf(value) ?? -1;
		if (inDefault >= 0) return inDefault;
		return this.dims[dim]?.categories.findIndex((c) => c.code === value) ?? -1;
	}

	private categoryOf(s: Statement, dim: number, value: string, fatal = STRUCTURAL.has(s.keyword)): number | undefined {
		const k = this.categoryIndex(dim, value, s.lang);
		if (k < 0) {
			this.report(s, `"${value}" is not a value of "${this.variables[dim].id}"`, fatal);
			return undefined;
		}
		return k;
	}

	private readVariableCodes(): void {
		for (const s of this.kw.all('VARIABLECODE')) {
			this.used.add(s);
			const i = this.variableOf(s, false);
			if (i !== undefined && this.kw.isDefault(s.lang)) this.dims[i].code = textOf(s);
		}
	}

	private readContentVariable(): void {
		for (const s of this.kw.all('CONTVARIABLE')) {
			this.used.add(s);
			const name = textOf(s);
			const i = this.variableIndex(name, s.lang);
			if (i < 0) {
				this.report(s, `"${name}" is not a variable in STUB or HEADING`, this.kw.isDefault(s.lang));
				continue;
			}
			if (this.kw.isDefault(s.lang)) {
				this.contentDim = i;
				this.dims[i].role = 'metric';
			}
		}
	}

	private readTimeval(): void {
		const timeval: Record<string, unknown> = {};
		for (const s of this.kw.all('TIMEVAL')) {
			this.used.add(s);
			const i = this.variableOf(s, false);
			if (i === undefined) continue;
			const tlist = s.items[0];
			if (!tlist || tlist.kind !== 'tlist') {
				this.report(s, 'expected TLIST(scale) first', false);
				continue;
			}
			const periods = s.items.slice(1).map((it) => (it.kind === 'string' || it.kind === 'word' ? it.text : ''));
			const d = this.dims[i];
			if (!tlist.range && periods.length !== d.categories.length) {
				this.report(s, `lists ${periods.length} periods but "${d.id}" has ${d.categories.length} values`, false);
			}
			if (!this.kw.isDefault(s.lang)) continue;
			d.role = 'time';
			d.timeScale = tlist.scale;
			timeval[d.id] = tlist.range ? { scale: tlist.scale, from: tlist.range[0], to: tlist.range[1] } : { scale: tlist.scale, periods };
		}
		if (Object.keys(timeval).length) this.extra.timeval = timeval;
	}

	/** DOMAIN, MAP, VARIABLE-TYPE, DOUBLECOLUMN, NOTE(var) … */
	private readVariableKeywords(): void {
		const perVariable: Record<string, Record<string, unknown>> = {};
		const statements = [...VARIABLE_EXTRAS, 'DOUBLECOLUMN'].flatMap((k) => this.kw.all(k));
		for (const s of statements) {
			if (s.keyword !== 'DOUBLECOLUMN' && s.subkeys.length !== 1) continue;
			this.used.add(s);
			const i = this.variableOf(s, s.keyword === 'KEYS');
			if (i === undefined) continue;
			const d = this.dims[i];
			if (s.keyword === 'DOUBLECOLUMN') {
				const yes = this.yesNo(s);
				if (yes !== undefined && this.kw.isDefault(s.lang)) d.doubleColumn = yes;
				continue;
			}
			if (!this.kw.isDefault(s.lang)) continue;
			(perVariable[d.id] ??= {})[s.keyword] = s.items.length > 1 ? listOf(s) : textOf(s);
			if (s.keyword === 'MAP') d.role = d.role === 'other' ? 'geo' : d.role;
			if (s.keyword === 'VARIABLE-TYPE') this.applyVariableType(d, textOf(s));
		}
		if (Object.keys(perVariable).length) this.extra.variables = perVariable;
	}

	private applyVariableType(d: Dimension, type: string): void {
		if (d.role !== 'other') return;
		if (/^g/i.test(type)) d.role = 'geo';
		else if (/^t/i.test(type)) d.role = 'time';
	}

	private assignGeoRoles(): void {
		for (const d of this.dims) if (d.role === 'other' && (GEO_NAME.test(d.id) || GEO_NAME.test(d.code))) d.role = 'geo';
	}

	private yesNo(s: Statement): boolean | undefined {
		const t = textOf(s).trim().toUpperCase();
		if (t === 'YES') return true;
		if (t === 'NO') return false;
		this.report(s, `must be YES or NO, not "${textOf(s)}"`, false);
		return undefined;
	}

	private readElimination(): void {
		for (const s of this.kw.all('ELIMINATION')) {
			this.used.add(s);
			const i = this.variableOf(s, false);
			if (i === undefined) continue;
			const item = s.items[0];
			const d = this.dims[i];
			let value: boolean | string | undefined;
			if (item?.kind === 'word') value = this.yesNo(s);
			else {
				const k = this.categoryOf(s, i, textOf(s), false);
				value = k === undefined ? undefined : d.categories[k].code;
			}
			if (value !== undefined && this.kw.isDefault(s.lang)) d.elimination = value;
		}
	}

	private readHierarchies(): void {
		const hierarchy: Record<string, unknown> = {};
		for (const s of this.kw.all('HIERARCHIES')) {
			this.used.add(s);
			const i = this.variableOf(s, false);
			if (i === undefined || !this.kw.isDefault(s.lang)) continue;
			const d = this.dims[i];
			const roots: string[] = [];
			for (const item of s.items) {
				if (item.kind === 'pair') this.addChild(s, d, item.parent, item.child);
				else if (item.kind === 'string' || item.kind === 'word') roots.push(item.text);
			}
			hierarchy[d.id] = { roots };
		}
		if (Object.keys(hierarchy).length) this.extra.hierarchies = hierarchy;
	}

	private addChild(s: Statement, d: Dimension, parent: string, child: string): void {
		const p = d.categories.find((c) => c.code === parent);
		const known = d.categories.some((c) => c.code === child);
		if (!p || !known) {
			this.report(s, `"${p ? child : parent}" is not a code of "${d.id}"`, false);
			return;
		}
		(p.children ??= []).push(child);
	}

	private readPrecision(): void {
		for (const s of this.kw.all('PRECISION')) {
			this.used.add(s);
			const i = this.variableOf(s, false);
			if (i === undefined) continue;
			if (s.subkeys.length !== 2) {
				this.report(s, 'needs a variable and a value in parentheses', false);
				continue;
			}
			const k = this.categoryOf(s, i, s.subkeys[1], false);
			const n = this.integer(s, 0, 15);
			if (k !== undefined && n !== undefined && this.kw.isDefault(s.lang)) this.dims[i].categories[k].precision = n;
		}
	}

	private integer(s: Statement, min: number, max: number): number | undefined {
		const t = textOf(s).trim();
		const n = /^\d+$/.test(t) ? Number(t) : NaN;
		if (!Number.isInteger(n) || n < min || n > max) {
			this.report(s, `must be a whole number from ${min} to ${max}, not "${t}"`);
			return undefined;
		}
		return n;
	}

	/** UNITS("content value"), LAST-UPDATED("…"), CONTACT("…") … */
	private readContentKeywords(): void {
		const contents: Record<string, Record<string, unknown>> = {};
		for (const keyword of CONTENT_KEYWORDS) {
			for (const s of this.kw.all(keyword)) {
				if (s.subkeys.length === 0) continue;
				this.used.add(s);
				const fatal = keyword === 'UNITS';
				if (this.contentDim < 0) {
					// a broken or unknown CONTVARIABLE has been reported already
					if (!this.lexed.statements.some((c) => c.keyword === 'CONTVARIABLE'))
						this.report(s, 'has a subscript but the table has no CONTVARIABLE', fatal);
					continue;
				}
				const k = this.categoryOf(s, this.contentDim, s.subkeys[0], fatal);
				if (k === undefined) continue;
				const c = this.dims[this.contentDim].categories[k];
				const lang = s.lang ?? this.defaultLang;
				const t = textOf(s);
				if (keyword === 'UNITS') (c.unit ??= {})[lang] = t;
				else if (keyword === 'CONTACT') (c.contact ??= {})[lang] = t;
				else if (keyword === 'LAST-UPDATED' && this.kw.isDefault(s.lang)) c.lastUpdated = t;
				else if (this.kw.isDefault(s.lang)) (contents[c.code] ??= {})[keyword] = t;
			}
		}
		if (Object.keys(contents).length) this.extra.contents = contents;
	}

	// ---- table level ---------------------------------------------------------------

	private texts(keyword: string): Texts | undefined {
		let out: Texts | undefined;
		for (const s of this.kw.all(keyword)) {
			if (s.subkeys.length) continue;
			this.used.add(s);
			(out ??= {})[s.lang ?? this.defaultLang] = textOf(s);
		}
		return out;
	}

	private buildTable(shapeOk: boolean): Cube | undefined {
		const title = this.texts('TITLE');
		const description = this.texts('DESCRIPTION');
		this.checkDescriptionDefault(description);
		const decimals = this.decimals();
		const showDecimals = this.showDecimals(decimals);
		this.checkBooleans();
		const notes = this.tableAndVariableNotes();
		const cellNotes = this.cellNotes('CELLNOTE', 'CELLNOTEX');
		this.dataNotes();
		this.dataSymbols();
		const data = shapeOk ? this.readData() : undefined;
		const matrix = this.kw.table('MATRIX');
		const tableId = this.kw.table('TABLEID');
		const unit = this.texts('UNITS');
		const cube: Cube = {
			origin: this.origin,
			format: 'px',
			languages: this.languages,
			defaultLanguage: this.defaultLang,
			id: tableId ? textOf(tableId) : matrix ? textOf(matrix) : undefined,
			title: title ?? description ?? {},
			description,
			dimensions: this.dims,
			values: data?.values ?? [],
			status: data?.status ?? new Map(),
			notes,
			cellNotes,
			unit,
			decimals,
			showDecimals,
			source: this.texts('SOURCE'),
			contact: this.texts('CONTACT'),
			lastUpdated: this.texts('LAST-UPDATED')?.[this.defaultLang],
			extra: this.extra
		};
		this.keepUnusedKeywords();
		this.extra.encoding = this.decoded.encoding;
		return shapeOk && data ? cube : undefined;
	}

	private checkDescriptionDefault(description: Texts | undefined): void {
		const s = this.kw.table('DESCRIPTIONDEFAULT');
		if (s && this.yesNo(s) && !description) this.report(s, 'is YES but there is no DESCRIPTION; TITLE is used', false);
		if (s) this.extra.descriptionDefault = textOf(s).trim().toUpperCase() === 'YES';
	}

	private decimals(): number | undefined {
		const s = this.kw.table('DECIMALS');
		if (!s) return undefined;
		this.used.add(s);
		return this.integer(s, 0, 15);
	}

	/** SHOWDECIMALS: 0–6 and not more than DECIMALS (PX spec). */
	private showDecimals(decimals: number | undefined): number | undefined {
		const s = this.kw.table('SHOWDECIMALS');
		if (!s) return undefined;
		this.used.add(s);
		const n = this.integer(s, 0, 6);
		if (n !== undefined && decimals !== undefined && n > decimals) {
			this.report(s, `is ${n}, more than DECIMALS=${decimals}; DECIMALS is used`, false);
			return decimals;
		}
		return n;
	}

	private checkBooleans(): void {
		for (const keyword of BOOLEAN_KEYWORDS) {
			for (const s of this.kw.all(keyword)) if (s.subkeys.length === 0 && keyword !== 'DESCRIPTIONDEFAULT') this.yesNo(s);
		}
	}

	/**
	 * Notes in several languages are separate statements; the n-th note for a target in
	 * one language is the translation of the n-th in the default language.
	 */
	private tableAndVariableNotes(): Note[] {
		const table = new NoteGroups(this.defaultLang);
		const perDim = this.dims.map(() => new NoteGroups(this.defaultLang));
		const perCategory = new Map<string, NoteGroups>();
		for (const [keyword, mandatory] of [
			['NOTEX', true],
			['NOTE', false],
			['VALUENOTEX', true],
			['VALUENOTE', false]
		] as const) {
			for (const s of this.kw.all(keyword)) {
				this.used.add(s);
				const isValueNote = keyword.startsWith('VALUE');
				if (!isValueNote && s.subkeys.length === 0) {
					table.add(s, textOf(s), mandatory);
					continue;
				}
				if (!this.dims.length) continue;
				const i = this.variableOf(s, false);
				if (i === undefined) continue;
				if (!isValueNote) {
					perDim[i].add(s, textOf(s), mandatory);
					continue;
				}
				if (s.subkeys.length !== 2) {
					this.report(s, 'needs a variable and a value in parentheses', false);
					continue;
				}
				const k = this.categoryOf(s, i, s.subkeys[1], false);
				if (k === undefined) continue;
				const key = `${i}:${k}`;
				if (!perCategory.has(key)) perCategory.set(key, new NoteGroups(this.defaultLang));
				perCategory.get(key)!.add(s, textOf(s), mandatory);
			}
		}
		perDim.forEach((g, i) => (this.dims[i].notes = g.notes()));
		for (const [key, g] of perCategory) {
			const [i, k] = key.split(':').map(Number);
			this.dims[i].categories[k].notes = g.notes();
		}
		return table.notes();
	}

	/** Cell selectors are value texts (or "*"); they are stored as codes. */
	private selector(s: Statement): string[] | undefined {
		if (s.subkeys.length !== this.dims.length) {
			this.report(s, `has ${s.subkeys.length} subscripts but the table has ${this.dims.length} variables`, false);
			return undefined;
		}
		const out: string[] = [];
		for (let i = 0; i < s.subkeys.length; i++) {
			const v = s.subkeys[i];
			if (v === '*') {
				out.push('*');
				continue;
			}
			const k = this.categoryOf(s, i, v, false);
			if (k === undefined) return undefined;
			out.push(this.dims[i].categories[k].code);
		}
		return out;
	}

	private cellNotes(optional: string, mandatory: string): CellNote[] {
		const groups = new Map<string, { selector: string[]; group: NoteGroups }>();
		for (const [keyword, isMandatory] of [
			[mandatory, true],
			[optional, false]
		] as const) {
			for (const s of this.kw.all(keyword)) {
				this.used.add(s);
				if (!this.dims.length) continue;
				const selector = this.selector(s);
				if (!selector) continue;
				const key = selector.join('\u0000');
				if (!groups.has(key)) groups.set(key, { selector, group: new NoteGroups(this.defaultLang) });
				groups.get(key)!.group.add(s, textOf(s), isMandatory);
			}
		}
		const out: CellNote[] = [];
		for (const { selector, group } of groups.values()) for (const note of group.notes()) out.push({ selector, note });
		return out;
	}

	private dataNotes(): void {
		const cells = this.cellNotes('DATANOTECELL', '\u0000none');
		if (cells.length) this.extra.dataNoteCells = cells.map((c) => ({ selector: c.selector, text: c.note.text }));
		const sum = this.texts('DATANOTESUM');
		if (sum) this.extra.dataNoteSum = sum;
	}

	/** DATASYMBOL1–6/NIL: marker → what to show; DATASYMBOLSUM separately. */
	private dataSymbols(): void {
		const symbols: Record<string, Texts> = {};
		for (const [keyword, marker] of Object.entries(DATA_SYMBOLS)) {
			const t = this.texts(keyword);
			if (t) symbols[marker] = t;
		}
		if (Object.keys(symbols).length) this.extra.dataSymbols = symbols;
		const sum = this.texts('DATASYMBOLSUM');
		if (sum) this.extra.dataSymbolSum = sum;
	}

	private readData(): ReturnType<typeof parseData> | undefined {
		const data = this.lexed.data;
		if (!data) return undefined;
		const cells = cellCount(this.dims);
		const result = parseData(this.decodedText(), data.offset, data.line, cells, this.keyedStub());
		for (const issue of result.issues) this.fatal(issue.line, 'DATA', issue.message);
		return result;
	}

	private decodedText(): string {
		return this.decoded.text;
	}

	/** KEYS: every stub variable must say whether its keys are CODES or VALUES. */
	private keyedStub(): KeyedStub | undefined {
		const keys = this.kw.all('KEYS').filter((s) => this.kw.isDefault(s.lang));
		if (!keys.length) return undefined;
		const lookups: Map<string, number>[] = [];
		for (let i = 0; i < this.stubCount; i++) {
			const s = keys.find((k) => this.variableIndex(k.subkeys[0] ?? '', k.lang) === i);
			const kind = s ? textOf(s).trim().toUpperCase() : undefined;
			if (!s || (kind !== 'CODES' && kind !== 'VALUES')) {
				this.report(s ?? keys[0], `KEYS must be CODES or VALUES for every stub variable ("${this.dims[i].id}")`, true);
				return undefined;
			}
			const d = this.dims[i];
			const texts = kind === 'CODES' ? d.categories.map((c) => c.code) : this.variables[i].values![this.defaultLang];
			lookups.push(new Map(texts.map((t, k) => [t, k])));
		}
		const rowLength = this.dims.slice(this.stubCount).reduce((n, d) => n * d.categories.length, 1);
		return { lookups, rowLength };
	}

	/** Everything else is kept verbatim for provenance. */
	private keepUnusedKeywords(): void {
		const keywords: Record<string, string | string[]> = {};
		for (const s of this.kw.all('CODEPAGE').concat(this.kw.all('CHARSET'))) this.used.add(s);
		for (const [k] of Object.entries(DATA_SYMBOLS)) for (const s of this.kw.all(k)) this.used.add(s);
		for (const s of this.kw.all('DATASYMBOLSUM')) this.used.add(s);
		for (const s of this.lexed.statements) {
			if (this.used.has(s) || s.keyword === 'DATA' || (s.broken && STRUCTURAL.has(s.keyword))) continue;
			const key = `${s.keyword}${s.lang && !this.kw.isDefault(s.lang) ? `[${s.lang}]` : ''}${s.subkeys.length ? `(${s.subkeys.map((k) => JSON.stringify(k)).join(',')})` : ''}`;
			keywords[key] = s.items.length > 1 ? listOf(s) : textOf(s);
		}
		this.extra.keywords = keywords;
	}
}

/** Collects notes for one target, pairing translations by position. */
class NoteGroups {
	private readonly byKind = new Map<boolean, Map<string, string[]>>();
	constructor(private readonly defaultLang: string) {}

	add(s: Statement, text: string, mandatory: boolean): void {
		if (!this.byKind.has(mandatory)) this.byKind.set(mandatory, new Map());
		const byLang = this.byKind.get(mandatory)!;
		const lang = s.lang ?? this.defaultLang;
		if (!byLang.has(lang)) byLang.set(lang, []);
		byLang.get(lang)!.push(text);
	}

	notes(): Note[] {
		const out: Note[] = [];
		for (const [mandatory, byLang] of this.byKind) {
			const count = Math.max(...[...byLang.values()].map((l) => l.length));
			for (let n = 0; n < count; n++) {
				const text: Texts = {};
				for (const [lang, list] of byLang) if (list[n] !== undefined) text[lang] = list[n];
				out.push({ text, mandatory });
			}
		}
		return out;
	}
}

/** A broken string value taken literally: outer quotes dropped, continuation lines joined. */
function literalText(raw: string): string {
	let t = raw.replace(/"\s*\r?\n\s*"/g, '');
	if (t.startsWith('"')) t = t.slice(1);
	if (t.endsWith('"')) t = t.slice(0, -1);
	return t;
}

export type { DimensionRole };
