/**
 * Turns a checked JSON-stat dataset into the shared Cube. Runs only after `checkDataset`
 * found no fatal problem, and silently skips the parts a recoverable problem was about
 * (those problems are already reported).
 *
 * Decisions (see also ../jsonstat.ts):
 * - Only JSON numbers are values. A string value (legal JSON-stat: order.json holds
 *   "A1B1C1"…) becomes null in `values` and is kept verbatim in
 *   `extra.textValues` (cell index → text), with one VALUE_NOT_NUMERIC warning per dataset,
 *   so no cell is lost and no text is mistaken for a number.
 * - A non-finite number (1e400 parses to Infinity) is an error VALUE_NOT_FINITE (null in
 *   lenient mode); booleans, objects and arrays are VALUE_TYPE_INVALID.
 * - `value: []` with a non-empty cube is a metadata answer (PxWeb API v2 `/metadata`):
 *   the cube gets `values: []` and `extra.metadataOnly = true` (see readJsonStat).
 */
import type { Problem } from '../../cube/errors.ts';
import type { Category, Cube, Dimension, DimensionRole, Note, Texts } from '../../cube/model.ts';
import { isObject, own, problem, ptr, type JsonObject } from './json.ts';
import type { CheckedDataset, CheckedDimension } from './validate.ts';

export function buildCube(
	c: CheckedDataset,
	file: string,
	lang: string,
	metadataOnly: boolean
): { cube: Cube; problems: Problem[] } {
	const o = c.raw.obj;
	const problems: Problem[] = [];
	const t = (s: unknown) => texts(s, lang);
	const extension = own(o, 'extension');
	const ext = isObject(extension) ? extension : {};
	const px = isObject(own(ext, 'px')) ? (own(ext, 'px') as JsonObject) : {};

	const dimensions = c.dimensions.map((d) => buildDimension(d, c.roles.get(d.id) ?? 'other', lang));
	const extra: Record<string, unknown> = {};
	if (extension !== undefined) extra.extension = extension;
	for (const key of ['href', 'version', 'class', 'link', 'error']) {
		if (own(o, key) !== undefined) extra[key] = own(o, key);
	}
	if (c.raw.version === '1.x') extra.jsonstatVersion = '1.x';
	const dimExt: Record<string, unknown> = {};
	const coords: Record<string, unknown> = {};
	const units: Record<string, unknown> = {};
	for (const d of c.dimensions) {
		if (own(d.obj, 'extension') !== undefined) dimExt[d.id] = own(d.obj, 'extension');
		if (isObject(own(d.category, 'coordinates'))) coords[d.id] = own(d.category, 'coordinates');
		if (isObject(own(d.category, 'unit'))) units[d.id] = own(d.category, 'unit');
	}
	if (Object.keys(dimExt).length) extra.dimensionExtension = dimExt;
	if (Object.keys(coords).length) extra.coordinates = coords;
	// Raw unit objects keep what Texts cannot: multiplier (canada.json: thousands), base, symbol, position.
	if (Object.keys(units).length) extra.categoryUnits = units;

	const values: (number | null)[] = [];
	const status = new Map<number, string>();
	if (metadataOnly) extra.metadataOnly = true;
	else readValues(c, file, values, status, extra, problems);

	const tableid = own(px, 'tableid');
	const decimals = own(px, 'decimals');
	const cube: Cube = {
		origin: file,
		format: 'json-stat',
		languages: [lang],
		defaultLanguage: lang,
		// The agencies' {"dataset": …} wrapper key is not a table id.
		id: typeof tableid === 'string' ? tableid : c.raw.key === 'dataset' ? undefined : c.raw.key,
		title: t(own(o, 'label')) ?? t(c.raw.key) ?? { [lang]: '' },
		dimensions,
		values,
		status,
		notes: notes(own(o, 'note'), own(ext, 'noteMandatory'), lang),
		cellNotes: [],
		source: t(own(o, 'source')),
		contact: contact(own(ext, 'contact'), lang),
		lastUpdated: typeof own(o, 'updated') === 'string' ? (own(o, 'updated') as string) : undefined,
		decimals: typeof decimals === 'number' && Number.isInteger(decimals) ? decimals : undefined,
		extra
	};
	return { cube, problems };
}

function texts(s: unknown, lang: string): Texts | undefined {
	return typeof s === 'string' ? { [lang]: s } : undefined;
}

function buildDimension(d: CheckedDimension, role: DimensionRole, lang: string): Dimension {
	const t = (s: unknown) => texts(s, lang);
	const cat = d.category;
	const dext = isObject(own(d.obj, 'extension')) ? (own(d.obj, 'extension') as JsonObject) : {};
	const labels = isObject(own(cat, 'label')) ? (own(cat, 'label') as JsonObject) : {};
	const units = isObject(own(cat, 'unit')) ? (own(cat, 'unit') as JsonObject) : {};
	const catNotes = isObject(own(cat, 'note')) ? (own(cat, 'note') as JsonObject) : {};
	const catMandatory = isObject(own(dext, 'categoryNoteMandatory')) ? (own(dext, 'categoryNoteMandatory') as JsonObject) : {};
	const child = isObject(own(cat, 'child')) && !d.childCycle ? (own(cat, 'child') as JsonObject) : {};
	const known = new Set(d.codes);

	const categories: Category[] = d.codes.map((code) => {
		const category: Category = {
			code,
			label: t(own(labels, code)) ?? { [lang]: code },
			notes: notes(own(catNotes, code), own(catMandatory, code), lang)
		};
		const u = own(units, code);
		if (isObject(u)) {
			const ut = t(own(u, 'label')) ?? t(own(u, 'base')) ?? t(own(u, 'symbol'));
			if (ut) category.unit = ut;
			const dec = own(u, 'decimals');
			if (typeof dec === 'number' && Number.isInteger(dec) && dec >= 0) category.decimals = dec;
		}
		const kids = own(child, code);
		if (Array.isArray(kids)) {
			const ok = kids.filter((k): k is string => typeof k === 'string' && known.has(k));
			if (ok.length) category.children = ok;
		}
		return category;
	});

	const dim: Dimension = {
		id: d.id,
		code: d.id,
		label: t(own(d.obj, 'label')) ?? { [lang]: d.id },
		role,
		categories,
		notes: notes(own(d.obj, 'note'), own(dext, 'noteMandatory'), lang)
	};
	const elim = own(dext, 'elimination');
	const elimCode = own(dext, 'eliminationValueCode');
	if (elim === true) dim.elimination = typeof elimCode === 'string' ? elimCode : true;
	else if (elim === false) dim.elimination = false;
	return dim;
}

/** JSON-stat notes are an array of strings; PxWeb v2 marks mandatory ones by position in `noteMandatory`. */
function notes(raw: unknown, mandatory: unknown, lang: string): Note[] {
	const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
	const m = isObject(mandatory) ? mandatory : {};
	const out: Note[] = [];
	list.forEach((s, i) => {
		if (typeof s === 'string') out.push({ text: { [lang]: s }, mandatory: own(m, String(i)) === true });
	});
	return out;
}

/** `extension.contact` is a string (OECD) or PxWeb's array of {name, organization, phone, mail, raw}. */
function contact(raw: unknown, lang: string): Texts | undefined {
	if (typeof raw === 'string') return { [lang]: raw };
	if (!Array.isArray(raw)) return undefined;
	const parts = raw
		.filter(isObject)
		.map((c) =>
			['name', 'organization', 'phone', 'mail']
				.map((k) => own(c, k))
				.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
				.map((v) => v.trim())
				.join(', ')
		)
		.filter((s) => s !== '');
	return parts.length ? { [lang]: parts.join('; ') } : undefined;
}

function readValues(
	c: CheckedDataset,
	file: string,
	values: (number | null)[],
	status: Map<number, string>,
	extra: Record<string, unknown>,
	problems: Problem[]
): void {
	const n = c.cells;
	const o = c.raw.obj;
	const valueP = ptr(c.raw.pointer, 'value');
	const raw = own(o, 'value');
	for (let i = 0; i < n; i++) values.push(null);
	const textValues: Record<string, string> = {};
	let texts = 0;
	const bad: { nonFinite: number[]; type: number[] } = { nonFinite: [], type: [] };
	const put = (i: number, v: unknown) => {
		if (typeof v === 'number') {
			if (Number.isFinite(v)) values[i] = v;
			else bad.nonFinite.push(i);
		} else if (typeof v === 'string') {
			textValues[i] = v;
			texts++;
		} else if (v !== null) bad.type.push(i);
	};
	if (Array.isArray(raw)) raw.forEach((v, i) => put(i, v));
	else if (isObject(raw)) {
		for (const [k, v] of Object.entries(raw)) {
			const i = Number(k);
			if (/^(0|[1-9][0-9]*)$/.test(k) && i < n) put(i, v);
		}
	}
	if (texts) {
		extra.textValues = textValues;
		problems.push(
			problem('warning', file, valueP, `${texts} value(s) are text, not numbers; kept in extra.textValues, null in values`, 'VALUE_NOT_NUMERIC')
		);
	}
	if (bad.nonFinite.length) {
		problems.push(problem('error', file, ptr(valueP, bad.nonFinite[0]), `${bad.nonFinite.length} value(s) are not finite numbers (e.g. 1e400)`, 'VALUE_NOT_FINITE'));
	}
	if (bad.type.length) {
		problems.push(problem('error', file, ptr(valueP, bad.type[0]), `${bad.type.length} value(s) are neither number, string nor null`, 'VALUE_TYPE_INVALID'));
	}

	if (!c.statusUsable) return;
	const s = own(o, 'status');
	const mark = (i: number, v: unknown) => {
		if (typeof v === 'string') status.set(i, v);
		else if (typeof v === 'number' && Number.isFinite(v)) status.set(i, String(v));
	};
	if (typeof s === 'string') for (let i = 0; i < n; i++) status.set(i, s);
	else if (Array.isArray(s)) {
		if (s.length === 1 && n !== 1) for (let i = 0; i < n; i++) mark(i, s[0]);
		else s.forEach((v, i) => mark(i, v));
	} else if (isObject(s)) {
		for (const [k, v] of Object.entries(s)) {
			const i = Number(k);
			if (/^(0|[1-9][0-9]*)$/.test(k) && i < n) mark(i, v);
		}
	}
}
