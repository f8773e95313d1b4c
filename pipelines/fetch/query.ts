/**
 * Query building: URLs and bodies for PxWeb v1, PxWebApi 2 and Kolada v3, resolving a
 * spec's selection against the table's metadata, counting cells and splitting a query
 * that is over the server's cell limit.
 */
import type { FilterName, FilterSelection, Selection, TableSpec } from './spec.ts';
import { normalizeSelection } from './spec.ts';

/** The part of a table's metadata a query needs. */
export interface TableShape {
	/** `texts[i]` is the metadata's text of `values[i]` (valueTexts / category labels). */
	variables: { code: string; text?: string; values: string[]; texts?: string[]; elimination: boolean; time: boolean }[];
}

/**
 * A value text for matching: case, spacing and Folkhälsodata's footnote stars (`**`) ignored.
 * Texts must otherwise be equal: "16-84 år" does not match "Totalt 16-84 år".
 */
export function normText(t: string): string {
	return t.replace(/\*+\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The code of the first of `texts` (alternatives, in order) found among the variable's value
 * texts. Throws a SpecError naming the table, the variable, the texts and the values it has.
 */
export function codeByText(v: TableShape['variables'][number], texts: readonly string[], table: string): string {
	const have = v.texts ?? [];
	// Folkhälsodata's value texts sometimes start with the code ("40 Svårt att lita på andra").
	const bare = (i: number) => (have[i] ?? '').replace(new RegExp(`^${v.values[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+`), '');
	for (const t of texts) {
		const i = have.findIndex((x, k) => normText(x) === normText(t) || normText(bare(k)) === normText(t));
		if (i >= 0) return v.values[i];
	}
	const list = v.values.map((c, i) => `${c} "${have[i] ?? '?'}"`).join(', ');
	throw new SpecError(`${table}: no value of "${v.code}" has the text ${texts.map((t) => `"${t}"`).join(' or ')} (the metadata has ${list || 'no value texts'})`);
}

/** `spec.totalTexts` resolved against the metadata: variable → its whole-population code. */
export function resolveTotalTexts(totalTexts: Record<string, string[]> | undefined, shape: TableShape, table: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [code, texts] of Object.entries(totalTexts ?? {})) {
		const v = shape.variables.find((x) => x.code === code);
		if (!v) throw new SpecError(`${table}: total texts for unknown variable "${code}"; the table has ${shape.variables.map((x) => x.code).join(', ')}`);
		out[code] = codeByText(v, texts, table);
	}
	return out;
}

/** One selected variable after resolution, in table order. */
export interface ResolvedVariable {
	code: string;
	filter: FilterName;
	values: string[];
	/** Cells this variable contributes (number of values in the answer). */
	count: number;
	/** Item selections can be split by values; agg:/vs: with `*` can't. */
	splittable: boolean;
}

export class SpecError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SpecError';
	}
}

const enc = (s: string) => encodeURIComponent(s);

/** Table path below the language, without a leading language segment equal to `lang`. */
export function v1TablePath(spec: Pick<TableSpec, 'table' | 'lang'>): string {
	let t = spec.table.replace(/^\/+|\/+$/g, '');
	if (t.startsWith(`${spec.lang}/`)) t = t.slice(spec.lang.length + 1);
	return t;
}

/** Short table name for file names: last path segment without `.px` (v1), or the id. */
export function tableName(spec: Pick<TableSpec, 'api' | 'table' | 'lang'>): string {
	if (spec.api !== 'pxweb-v1') return spec.table;
	const last = v1TablePath(spec).split('/').pop() ?? spec.table;
	return last.replace(/\.px$/i, '');
}

const trim = (u: string) => u.replace(/\/+$/, '');

/** URL of the table: v1 metadata GET / data POST; v2 metadata GET. */
export function metadataUrl(spec: TableSpec): string {
	if (spec.api === 'pxweb-v1') return `${trim(spec.baseUrl)}/${enc(spec.lang)}/${v1TablePath(spec).split('/').map(enc).join('/')}`;
	if (spec.api === 'pxweb-v2') return `${trim(spec.baseUrl)}/tables/${enc(spec.table)}/metadata?lang=${enc(spec.lang)}`;
	return `${trim(spec.baseUrl)}/kpi/${enc(spec.table)}`;
}

export function dataUrl(spec: TableSpec): string {
	if (spec.api === 'pxweb-v1') return metadataUrl(spec);
	if (spec.api === 'pxweb-v2') return `${trim(spec.baseUrl)}/tables/${enc(spec.table)}/data?lang=${enc(spec.lang)}&outputFormat=json-stat2`;
	throw new SpecError('dataUrl: Kolada URLs depend on the selection; use koladaUrls');
}

/** Expand wildcard patterns (`*`, `01*`, `*1`, `0?`) of filter `all` against the codes. */
function wildcard(patterns: string[], codes: string[]): string[] {
	const res = patterns.map((p) => new RegExp('^' + p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$'));
	return codes.filter((c) => res.some((r) => r.test(c)));
}

/**
 * Resolve a selection against the table: `'*'`/`all`/`top`/`text` become explicit item lists
 * from the metadata (so a query can be counted and split, and new periods are picked up
 * automatically), item codes are checked, agg:/vs: are kept. Variables left out must be
 * eliminable. Result in table variable order.
 */
export function resolveSelection(selection: Selection, shape: TableShape, table: string): ResolvedVariable[] {
	const known = new Set(shape.variables.map((v) => v.code));
	// `"*": "*"`: every variable the selection does not name, with all its values (tables whose
	// other variables are not known in advance, e.g. Folkhälsodata's A_Mo8 tables).
	const rest = selection['*'];
	const unknown = Object.keys(selection).filter((c) => c !== '*' && !known.has(c));
	if (unknown.length)
		throw new SpecError(`${table}: unknown variable(s) ${unknown.map((c) => `"${c}"`).join(', ')}; the table has ${[...known].join(', ')}`);
	const out: ResolvedVariable[] = [];
	for (const v of shape.variables) {
		const raw = selection[v.code] ?? (rest === '*' ? '*' : undefined);
		if (raw === undefined) {
			if (!v.elimination) throw new SpecError(`${table}: variable "${v.code}" can't be eliminated; select values for it`);
			continue;
		}
		const s: FilterSelection = normalizeSelection(raw);
		if (s.filter === 'item') {
			const have = new Set(v.values);
			const bad = s.values.filter((c) => !have.has(c));
			if (bad.length) throw new SpecError(`${table}: ${v.code} has no value(s) ${bad.map((c) => `"${c}"`).join(', ')}`);
			if (s.values.length === 0) throw new SpecError(`${table}: empty selection for ${v.code}`);
			out.push({ code: v.code, filter: 'item', values: s.values, count: s.values.length, splittable: true });
		} else if (s.filter === 'all') {
			const vals = wildcard(s.values, v.values);
			if (vals.length === 0) throw new SpecError(`${table}: ${v.code} pattern(s) ${s.values.join(', ')} match no value`);
			out.push({ code: v.code, filter: 'item', values: vals, count: vals.length, splittable: true });
		} else if (s.filter === 'text') {
			if (s.values.length === 0) throw new SpecError(`${table}: empty text selection for ${v.code}`);
			const vals = s.values.map((t) => codeByText(v, [t], table));
			out.push({ code: v.code, filter: 'item', values: vals, count: vals.length, splittable: true });
		} else if (s.filter === 'top') {
			const n = Number(s.values[0]);
			if (!Number.isInteger(n) || n < 1) throw new SpecError(`${table}: ${v.code} filter top needs a positive count, got ${s.values[0]}`);
			const vals = v.time ? v.values.slice(Math.max(0, v.values.length - n)) : v.values.slice(0, n);
			out.push({ code: v.code, filter: 'item', values: vals, count: vals.length, splittable: true });
		} else {
			const star = s.values.includes('*');
			out.push({ code: v.code, filter: s.filter, values: s.values, count: star ? v.values.length : s.values.length, splittable: !star });
		}
	}
	return out;
}

export function cellsOf(vars: readonly ResolvedVariable[]): number {
	return vars.reduce((n, v) => n * v.count, 1);
}

export type ResponseFormat = 'json' | 'json-stat' | 'json-stat2';

/** PxWeb v1 POST body, key order and spacing exactly as in the recordings (minified). */
export function v1Body(vars: readonly ResolvedVariable[], format: ResponseFormat = 'json'): string {
	return JSON.stringify({
		query: vars.map((v) => ({ code: v.code, selection: { filter: v.filter, values: v.values } })),
		response: { format }
	});
}

/**
 * PxWebApi 2 POST body `{"selection":[{"variableCode","valueCodes"}]}` (as recorded for
 * TAB638, hash 5aec69). agg:/vs: filters become `codelist` ids `agg_<name>` / `vs_<name>`
 * (the v2 codelist naming seen in TAB5974 metadata; not checked against a live server).
 */
export function v2Body(vars: readonly ResolvedVariable[]): string {
	return JSON.stringify({
		selection: vars.map((v) => {
			const m = /^(agg|vs):(.*)$/.exec(v.filter);
			return m ? { variableCode: v.code, codelist: `${m[1]}_${m[2]}`, valueCodes: v.values } : { variableCode: v.code, valueCodes: v.values };
		})
	});
}

/** Kolada refuses longer id lists in one path segment (municipalities or years). */
export const KOLADA_MAX_IDS = 25;
/** Kolada's largest page (rKolada and Kolada's docs); fewer pages, fewer calls. */
export const KOLADA_PER_PAGE = 5000;

function chunks<T>(xs: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
	return out;
}

/**
 * Kolada v3 data URLs: `/data/kpi/{kpi}/municipality/{ids}/year/{years}?per_page=5000`
 * (GET); without a municipality selection `/data/kpi/{kpi}/year/{years}`. Selection keys:
 * `municipality`, `year` (or `period`). Lists longer than 25 ids are split into chunks of
 * at most 25 per path segment (Kolada refuses longer lists); the URLs are the cross
 * product of the municipality and year chunks, in order. Each answer may have further
 * pages (`next_url`), which the caller follows.
 */
export function koladaUrls(spec: TableSpec): string[] {
	const list = (k: string) => {
		const s = spec.selection[k];
		if (s === undefined || s === '*') return undefined;
		const vals = normalizeSelection(s).values;
		if (vals.length === 0) throw new SpecError(`${spec.table}: empty Kolada ${k} list`);
		return chunks(vals.map(enc), KOLADA_MAX_IDS).map((c) => c.join(','));
	};
	const years = list('year') ?? list('period');
	const munis = list('municipality');
	if (!munis && !years) throw new SpecError(`${spec.table}: Kolada needs a municipality or year selection`);
	const base = `${trim(spec.baseUrl)}/data/kpi/${enc(spec.table)}`;
	const urls: string[] = [];
	for (const m of munis ?? [undefined])
		for (const y of years ?? [undefined]) urls.push(`${base}${m ? `/municipality/${m}` : ''}${y ? `/year/${y}` : ''}?per_page=${KOLADA_PER_PAGE}`);
	return urls;
}

/** A query plan: one call (leaf), or a split along one variable whose parts are merged. */
export type Plan = { kind: 'leaf'; vars: ResolvedVariable[] } | { kind: 'split'; dimension: string; order: string[]; parts: Plan[] };

/** The variable to split on: time first, else the one with most values; undefined if none. */
export function splitVariable(vars: readonly ResolvedVariable[], shape: TableShape): ResolvedVariable | undefined {
	const cand = vars.filter((v) => v.splittable && v.values.length > 1);
	const isTime = (v: ResolvedVariable) => shape.variables.find((x) => x.code === v.code)?.time ?? false;
	const time = cand.find(isTime);
	if (time) return time;
	return [...cand].sort((a, b) => b.values.length - a.values.length)[0];
}

/**
 * Plan calls of at most `maxCells` cells. Splits along `splitVariable` into balanced,
 * contiguous chunks (4 years at 2 per call → 2016–17, 2018–19); when even one value of it
 * is too big, each part is split again along the next variable. Throws SpecError if a
 * query can't be brought under the limit.
 */
export function planQuery(vars: ResolvedVariable[], shape: TableShape, maxCells: number, table = ''): Plan {
	const cells = cellsOf(vars);
	if (cells <= maxCells) return { kind: 'leaf', vars };
	const v = splitVariable(vars, shape);
	if (!v) throw new SpecError(`${table}: query of ${cells} cells is over the limit of ${maxCells} and can't be split further`);
	const per = cells / v.values.length;
	const maxChunk = Math.max(1, Math.floor(maxCells / per));
	const nChunks = Math.ceil(v.values.length / maxChunk);
	const size = Math.ceil(v.values.length / nChunks);
	const parts: Plan[] = [];
	for (let i = 0; i < v.values.length; i += size) {
		const vals = v.values.slice(i, i + size);
		const sub = vars.map((x) => (x === v ? { ...x, values: vals, count: vals.length, splittable: vals.length > 1 } : x));
		parts.push(planQuery(sub, shape, maxCells, table));
	}
	return { kind: 'split', dimension: v.code, order: v.values, parts };
}

export function planLeaves(p: Plan): ResolvedVariable[][] {
	return p.kind === 'leaf' ? [p.vars] : p.parts.flatMap(planLeaves);
}
