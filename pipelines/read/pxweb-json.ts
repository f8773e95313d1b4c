/**
 * PxWeb API v1 readers:
 * - `readPxWebJson`: a data answer in format `json`
 *   `{columns:[{code,text,type:'d'|'t'|'c',comment?}], comments:[...], data:[{key,values}], metadata:[{label,updated,source,infofile}]}`.
 *   `key` holds one code per `d`/`t` column (in column order), `values` one string per `c`
 *   (content) column. Missing-value symbols (`..`, `.`, `-`, `...`) become null with the
 *   symbol in `status`; cells with no data row at all become null with status `..` (one
 *   warning says how many).
 * - `readPxWebMetadata`: the table metadata (GET answer)
 *   `{title, variables:[{code,text,values,valueTexts,time?,elimination?}]}` → a Cube with the
 *   dimension structure and no values (`values: []`).
 *
 * With `metadata`, dimensions follow the table's variable order (the content dimension at
 * the position of its variable, usually `ContentsCode`), category labels come from
 * `valueTexts` and categories follow the metadata order. Without it, dimensions are the
 * key columns in answer order with the content dimension last, labels = codes.
 * Eliminated variables (in the metadata but not in the answer) are not dimensions; their
 * codes are listed in `extra.eliminated`.
 */
import type { Category, Cube, Dimension, DimensionRole, Note, Texts } from '../cube/model.ts';
import { strides } from '../cube/model.ts';
import { ReadError, type Problem } from '../cube/errors.ts';
import { MISSING_SYMBOLS, NOT_AVAILABLE } from './missing.ts';

export interface PxWebReadOptions {
	/** Path or URL, for messages and `cube.origin`. */
	origin: string;
	/** The v1 table metadata (GET answer) for labels and full dimension order. */
	metadata?: unknown;
	/** Return problems as warnings where a value can still be produced. */
	lenient?: boolean;
	/** Language of the texts; default: the `/sv/` or `/en/` segment of `origin`, else `sv`. */
	lang?: string;
	/**
	 * Variables queried with `agg:`/`vs:` filters: their answer codes are groupings not in
	 * the metadata, so they are kept (after the known ones, labelled by code) instead of
	 * being an error.
	 */
	groupedVariables?: string[];
}


type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function langOf(origin: string, lang?: string): string {
	if (lang) return lang;
	const m = /\/(sv|en)\//.exec(origin);
	return m ? m[1] : 'sv';
}

function prob(origin: string, where: string, message: string, severity: 'error' | 'warning' = 'error'): Problem {
	return { severity, file: origin, line: 0, where, message };
}

function roleOf(code: string, opts: { time?: boolean; content?: boolean }): DimensionRole {
	if (opts.content) return 'metric';
	if (opts.time) return 'time';
	if (/^(region|län|lan|kommun)$/i.test(code)) return 'geo';
	return 'other';
}

function parseJson(answer: unknown, origin: string): unknown {
	if (typeof answer !== 'string') return answer;
	try {
		return JSON.parse(answer.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new ReadError([prob(origin, '/', `not JSON: ${(e as Error).message}`)]);
	}
}

interface MetaVar {
	code: string;
	text: string;
	values: string[];
	valueTexts: string[];
	time: boolean;
	elimination?: boolean;
}

interface Meta {
	title: string;
	variables: MetaVar[];
}

function checkMetadata(meta: unknown, origin: string, problems: Problem[]): Meta | undefined {
	const m = parseJson(meta, origin);
	if (!isObj(m)) {
		problems.push(prob(origin, '/', 'table metadata must be an object {title, variables}'));
		return undefined;
	}
	if (!Array.isArray(m.variables)) {
		problems.push(prob(origin, '/variables', 'table metadata has no variables array'));
		return undefined;
	}
	const variables: MetaVar[] = [];
	m.variables.forEach((v, i) => {
		const where = `/variables/${i}`;
		if (!isObj(v) || typeof v.code !== 'string' || !isStrArr(v.values)) {
			problems.push(prob(origin, where, 'variable needs a string code and a values array'));
			return;
		}
		let texts = isStrArr(v.valueTexts) ? v.valueTexts : v.values;
		if (texts.length !== v.values.length) {
			problems.push(prob(origin, `${where}/valueTexts`, `valueTexts has ${texts.length} entries, values ${v.values.length}`));
			texts = v.values;
		}
		if (new Set(v.values).size !== v.values.length) problems.push(prob(origin, `${where}/values`, `duplicate value codes in ${v.code}`));
		variables.push({
			code: v.code,
			text: typeof v.text === 'string' ? v.text : v.code,
			values: v.values,
			valueTexts: texts,
			time: v.time === true,
			elimination: typeof v.elimination === 'boolean' ? v.elimination : undefined
		});
	});
	return { title: typeof m.title === 'string' ? m.title : '', variables };
}

function emptyCube(origin: string, lang: string): Cube {
	return {
		origin,
		format: 'pxweb-json',
		languages: [lang],
		defaultLanguage: lang,
		title: {},
		dimensions: [],
		values: [],
		status: new Map(),
		notes: [],
		cellNotes: [],
		extra: {}
	};
}

/** PxWeb v1 table metadata → a Cube with dimension structure only (`values: []`). */
export function readPxWebMetadata(meta: unknown, origin: string, opts: { lang?: string } = {}): Cube {
	const lang = langOf(origin, opts.lang);
	const problems: Problem[] = [];
	const m = checkMetadata(meta, origin, problems);
	if (!m || problems.length) throw new ReadError(problems.length ? problems : [prob(origin, '/', 'unreadable metadata')]);
	const cube = emptyCube(origin, lang);
	cube.title = { [lang]: m.title };
	const hasContents = m.variables.some((v) => v.code === 'ContentsCode');
	cube.dimensions = m.variables.map((v) => ({
		id: v.code,
		code: v.code,
		label: { [lang]: v.text },
		role: roleOf(v.code, { time: v.time, content: hasContents && v.code === 'ContentsCode' }),
		categories: v.values.map((c, i) => ({ code: c, label: { [lang]: v.valueTexts[i] }, notes: [] })),
		notes: [],
		...(v.elimination !== undefined ? { elimination: v.elimination } : {})
	}));
	return cube;
}

function parseValue(raw: unknown): { value: number | null; status?: string } | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : undefined;
	if (raw === null) return { value: null, status: NOT_AVAILABLE };
	if (typeof raw !== 'string') return undefined;
	const s = raw.trim();
	if (MISSING_SYMBOLS.has(s)) return { value: null, status: s };
	// Decimal comma (Folkhälsodata) or point; no thousands separators in the API.
	const norm = s.replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(norm)) return undefined;
	return { value: Number(norm) };
}

/** PxWeb v1 `json` data answer → Cube. */
export function readPxWebJson(answer: unknown, opts: PxWebReadOptions): { cube: Cube; warnings: Problem[] } {
	const origin = opts.origin;
	const lang = langOf(origin, opts.lang);
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const a = parseJson(answer, origin);
	if (!isObj(a) || !Array.isArray(a.columns) || !Array.isArray(a.data)) {
		const hint = isObj(a) && ('dataset' in a || 'version' in a) ? ' (this looks like JSON-stat: use readJsonStat)' : '';
		throw new ReadError([prob(origin, '/', `not a PxWeb v1 json answer: needs columns and data arrays${hint}`)]);
	}

	// Columns: d/t → key positions, c → content categories.
	interface Col { code: string; text: string; type: string; comment?: string }
	const cols: Col[] = [];
	a.columns.forEach((c, i) => {
		if (!isObj(c) || typeof c.code !== 'string') {
			errors.push(prob(origin, `/columns/${i}`, 'column needs a string code'));
			return;
		}
		const type = typeof c.type === 'string' ? c.type : 'd';
		if (!['d', 't', 'c'].includes(type)) errors.push(prob(origin, `/columns/${i}/type`, `unknown column type "${type}"`));
		cols.push({ code: c.code, text: typeof c.text === 'string' ? c.text : c.code, type, comment: typeof c.comment === 'string' ? c.comment : undefined });
	});
	const keyCols = cols.filter((c) => c.type !== 'c');
	const contentCols = cols.filter((c) => c.type === 'c');
	if (contentCols.length === 0) errors.push(prob(origin, '/columns', 'no content column (type "c")'));
	if (errors.length) throw new ReadError(errors);

	const meta = opts.metadata !== undefined ? checkMetadata(opts.metadata, origin, errors) : undefined;
	if (errors.length) throw new ReadError(errors);

	// Codes seen per key column, in order of first appearance.
	const seen: string[][] = keyCols.map(() => []);
	const seenSet: Set<string>[] = keyCols.map(() => new Set());
	const rows: { key: string[]; values: unknown[]; i: number }[] = [];
	a.data.forEach((row, i) => {
		const where = `/data/${i}`;
		if (!isObj(row) || !isStrArr(row.key) || !Array.isArray(row.values)) {
			errors.push(prob(origin, where, 'data row needs key (strings) and values arrays'));
			return;
		}
		if (row.key.length !== keyCols.length) {
			errors.push(prob(origin, `${where}/key`, `key has ${row.key.length} codes, expected ${keyCols.length} (${keyCols.map((c) => c.code).join(', ')})`));
			return;
		}
		if (row.values.length !== contentCols.length) {
			errors.push(prob(origin, `${where}/values`, `${row.values.length} values, expected ${contentCols.length} (${contentCols.map((c) => c.code).join(', ')})`));
			return;
		}
		row.key.forEach((k, j) => {
			if (!seenSet[j].has(k)) {
				seenSet[j].add(k);
				seen[j].push(k);
			}
		});
		rows.push({ key: row.key, values: row.values, i });
	});
	if (errors.length) throw new ReadError(errors);

	// The content variable: ContentsCode, or the metadata variable holding the c-column codes.
	// Tables without one (some Folkhälsodata tables) get a content dimension placed last.
	const contentVar = meta?.variables.find((v) => v.code === 'ContentsCode') ?? meta?.variables.find((v) => v.values.length > 0 && contentCols.every((c) => v.values.includes(c.code)));
	const contentCode = contentVar?.code ?? 'ContentsCode';

	// Build dimensions (key columns + the content dimension).
	const mk = (code: string, label: string, role: DimensionRole, codes: string[], mv: MetaVar | undefined, col?: Col): Dimension => {
		let ordered = codes;
		if (mv) {
			const known = new Set(mv.values);
			const unknown = codes.filter((c) => !known.has(c));
			const grouped = opts.groupedVariables?.includes(code) ?? false;
			if (unknown.length && !grouped) errors.push(prob(origin, '/data', `codes ${unknown.map((c) => `"${c}"`).join(', ')} of ${code} are not in the table metadata`));
			const set = new Set(codes);
			ordered = [...mv.values.filter((c) => set.has(c)), ...(grouped ? unknown : [])];
		}
		const notes: Note[] = col?.comment ? [{ text: { [lang]: col.comment }, mandatory: false }] : [];
		return {
			id: code,
			code,
			label: { [lang]: mv?.text ?? label },
			role,
			categories: ordered.map((c): Category => {
				const k = mv ? mv.values.indexOf(c) : -1;
				const cc = contentCols.find((x) => x.code === c);
				return { code: c, label: { [lang]: k >= 0 ? mv!.valueTexts[k] : (cc?.text ?? c) }, notes: [] };
			}),
			notes,
			...(mv?.elimination !== undefined ? { elimination: mv.elimination } : {})
		};
	};
	const metaVar = (code: string) => meta?.variables.find((v) => v.code === code);
	const keyDims = keyCols.map((c, j) => mk(c.code, c.text, roleOf(c.code, { time: c.type === 't' || metaVar(c.code)?.time }), seen[j], metaVar(c.code), c));
	const contentDim = mk(contentCode, meta ? (metaVar(contentCode)?.text ?? 'tabellinnehåll') : 'ContentsCode', 'metric', contentCols.map((c) => c.code), metaVar(contentCode));
	if (!meta) contentDim.label = { [lang]: lang === 'en' ? 'observations' : 'tabellinnehåll' };
	if (errors.length) throw new ReadError(errors);

	let dims: Dimension[];
	const eliminated: string[] = [];
	if (meta) {
		const byCode = new Map<string, Dimension>([...keyDims, contentDim].map((d) => [d.code, d]));
		dims = [];
		for (const v of meta.variables) {
			const d = byCode.get(v.code);
			if (d) {
				dims.push(d);
				byCode.delete(v.code);
			} else eliminated.push(v.code);
		}
		if (!contentVar) {
			byCode.delete(contentDim.code);
			dims.push(contentDim);
		}
		for (const d of byCode.values()) {
			errors.push(prob(origin, '/columns', `column ${d.code} is not a variable of the table metadata`));
		}
		if (errors.length) throw new ReadError(errors);
	} else dims = [...keyDims, contentDim];

	// Index maps and fill.
	const st = strides(dims);
	const pos = dims.map((d) => new Map(d.categories.map((c, i) => [c.code, i])));
	const dimIndex = new Map(dims.map((d, i) => [d.code, i]));
	const keyDimIdx = keyCols.map((c) => dimIndex.get(c.code)!);
	const contentIdx = dimIndex.get(contentDim.code)!;
	const total = dims.reduce((n, d) => n * d.categories.length, 1);
	const values: (number | null)[] = new Array(total).fill(null);
	const filled = new Uint8Array(total);
	const status = new Map<number, string>();
	for (const row of rows) {
		let base = 0;
		row.key.forEach((k, j) => {
			const di = keyDimIdx[j];
			base += pos[di].get(k)! * st[di];
		});
		row.values.forEach((raw, ci) => {
			const idx = base + pos[contentIdx].get(contentCols[ci].code)! * st[contentIdx];
			const where = `/data/${row.i}/values/${ci}`;
			if (filled[idx]) {
				errors.push(prob(origin, where, `duplicate cell ${row.key.join('/')}/${contentCols[ci].code}`));
				return;
			}
			filled[idx] = 1;
			const p = parseValue(raw);
			if (!p) {
				const pr = prob(origin, where, `value ${JSON.stringify(raw)} is neither a number nor a missing-value symbol`, opts.lenient ? 'warning' : 'error');
				(opts.lenient ? warnings : errors).push(pr);
				status.set(idx, String(raw));
				return;
			}
			values[idx] = p.value;
			if (p.status !== undefined) status.set(idx, p.status);
		});
	}
	if (errors.length) throw new ReadError(errors);
	let absent = 0;
	for (let i = 0; i < total; i++) {
		if (!filled[i]) {
			absent++;
			status.set(i, NOT_AVAILABLE);
		}
	}
	if (absent) warnings.push(prob(origin, '/data', `${absent} of ${total} cells have no data row; set to null with status "${NOT_AVAILABLE}"`, 'warning'));

	// Table-level metadata and comments.
	const cube = emptyCube(origin, lang);
	cube.dimensions = dims;
	cube.values = values;
	cube.status = status;
	const md = Array.isArray(a.metadata) && isObj(a.metadata[0]) ? a.metadata[0] : undefined;
	const title: Texts = {};
	if (md && typeof md.label === 'string') title[lang] = md.label;
	else if (meta?.title) title[lang] = meta.title;
	cube.title = title;
	if (md && typeof md.updated === 'string') cube.lastUpdated = md.updated;
	if (md && typeof md.source === 'string') cube.source = { [lang]: md.source };
	if (md && typeof md.infofile === 'string') cube.extra.infofile = md.infofile;
	if (meta?.title) cube.extra.metadataTitle = meta.title;
	if (eliminated.length) cube.extra.eliminated = eliminated;
	if (Array.isArray(a.comments)) {
		a.comments.forEach((c, i) => {
			if (!isObj(c) || typeof c.comment !== 'string') return;
			const note: Note = { text: { [lang]: c.comment }, mandatory: false };
			const d = typeof c.variable === 'string' ? dims.find((x) => x.code === c.variable) : undefined;
			const cat = d && typeof c.value === 'string' ? d.categories.find((x) => x.code === c.value) : undefined;
			if (cat) cat.notes.push(note);
			else if (d) d.notes.push(note);
			else {
				cube.notes.push(note);
				if (typeof c.variable === 'string') warnings.push(prob(origin, `/comments/${i}`, `comment refers to unknown ${c.variable}=${String(c.value)}; kept as a table note`, 'warning'));
			}
		});
	}
	return { cube, warnings };
}
