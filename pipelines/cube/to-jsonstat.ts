/**
 * Cube → one JSON-stat 2.0 dataset, the exchange format `convert` prints and the rest of
 * the pipeline can diff against agencies' own JSON-stat. Dimension order is the source's.
 *
 * JSON-stat has homes for labels, roles, units, status and notes at dataset, dimension and
 * category level; everything else a source said (cell notes, mandatory flags, elimination,
 * hierarchy extras, contact, data-symbol definitions, raw keywords) goes to `extension`, so
 * nothing is lost and the output still validates.
 */
import type { Cube, Dimension, Note, Texts } from './model.ts';
import { text } from './model.ts';

type Json = Record<string, unknown>;

export function cubeToJsonStat(cube: Cube, lang?: string): Json {
	const l = lang ?? cube.defaultLanguage;
	const t = (x: Texts | undefined) => text(x, l, cube.defaultLanguage);
	const out: Json = { version: '2.0', class: 'dataset' };
	const label = t(cube.title);
	if (label !== undefined) out.label = label;
	const source = t(cube.source);
	if (source !== undefined) out.source = source;
	const updated = isoDate(cube.lastUpdated ?? latestContentUpdate(cube));
	if (updated) out.updated = updated;
	out.id = cube.dimensions.map((d) => d.id);
	out.size = cube.dimensions.map((d) => d.categories.length);
	const role = roles(cube.dimensions);
	if (role) out.role = role;
	out.dimension = Object.fromEntries(cube.dimensions.map((d) => [d.id, dimension(cube, d, l)]));
	out.value = cube.values.map((v) => (v === null || v === undefined || !Number.isFinite(v) ? null : v));
	if (cube.status.size) out.status = Object.fromEntries([...cube.status].map(([i, s]) => [String(i), s]));
	const notes = cube.notes.map((n) => noteText(n, l, cube.defaultLanguage));
	if (notes.length) out.note = notes;
	out.extension = extension(cube, l);
	return out;
}

function roles(dims: Dimension[]): Json | undefined {
	const role: Record<string, string[]> = {};
	for (const d of dims) if (d.role !== 'other') (role[d.role] ??= []).push(d.id);
	return Object.keys(role).length ? role : undefined;
}

function dimension(cube: Cube, d: Dimension, lang: string): Json {
	const t = (x: Texts | undefined) => text(x, lang, cube.defaultLanguage);
	const category: Json = {
		index: d.categories.map((c) => c.code),
		label: Object.fromEntries(d.categories.map((c) => [c.code, t(c.label) ?? c.code]))
	};
	const notes = Object.fromEntries(
		d.categories.filter((c) => c.notes.length).map((c) => [c.code, c.notes.map((n) => noteText(n, lang, cube.defaultLanguage))])
	);
	if (Object.keys(notes).length) category.note = notes;
	const child = Object.fromEntries(d.categories.filter((c) => c.children?.length).map((c) => [c.code, c.children!]));
	if (Object.keys(child).length) category.child = child;
	if (d.role === 'metric') category.unit = units(cube, d, lang);
	const out: Json = { label: t(d.label) ?? d.id, category };
	if (d.notes.length) out.note = d.notes.map((n) => noteText(n, lang, cube.defaultLanguage));
	const ext = dimensionExtension(d);
	if (ext) out.extension = ext;
	return out;
}

/** Unit per metric category: its own UNITS, else the table's; decimals from PRECISION, else SHOWDECIMALS/DECIMALS. */
function units(cube: Cube, d: Dimension, lang: string): Json {
	const out: Json = {};
	for (const c of d.categories) {
		const unit: Json = {};
		const label = text(c.unit ?? cube.unit, lang, cube.defaultLanguage);
		if (label !== undefined) unit.label = label;
		const decimals = c.precision ?? c.decimals ?? cube.showDecimals ?? cube.decimals;
		if (decimals !== undefined) unit.decimals = decimals;
		out[c.code] = unit;
	}
	return out;
}

function dimensionExtension(d: Dimension): Json | undefined {
	const ext: Json = {};
	if (d.code !== d.id) ext.code = d.code;
	if (d.elimination !== undefined) ext.elimination = d.elimination;
	if (d.timeScale) ext.timeScale = d.timeScale;
	if (d.doubleColumn !== undefined) ext.doubleColumn = d.doubleColumn;
	const mandatory = d.notes.map((n) => n.mandatory);
	if (mandatory.some(Boolean)) ext.noteMandatory = mandatory;
	const categoryMandatory = Object.fromEntries(
		d.categories.filter((c) => c.notes.some((n) => n.mandatory)).map((c) => [c.code, c.notes.map((n) => n.mandatory)])
	);
	if (Object.keys(categoryMandatory).length) ext.categoryNoteMandatory = categoryMandatory;
	const precision = Object.fromEntries(d.categories.filter((c) => c.precision !== undefined).map((c) => [c.code, c.precision!]));
	if (Object.keys(precision).length) ext.precision = precision;
	const perCategory = Object.fromEntries(
		d.categories
			.filter((c) => c.lastUpdated || c.contact || c.source)
			.map((c) => [c.code, { lastUpdated: c.lastUpdated, contact: c.contact, source: c.source }])
	);
	if (Object.keys(perCategory).length) ext.categories = perCategory;
	return Object.keys(ext).length ? ext : undefined;
}

function extension(cube: Cube, lang: string): Json {
	const t = (x: Texts | undefined) => text(x, lang, cube.defaultLanguage);
	const ext: Json = { format: cube.format, origin: cube.origin, languages: cube.languages, lang };
	if (cube.id) ext.id = cube.id;
	if (cube.notes.some((n) => n.mandatory)) ext.noteMandatory = cube.notes.map((n) => n.mandatory);
	if (cube.description) ext.description = t(cube.description);
	if (cube.unit) ext.unit = t(cube.unit);
	if (cube.decimals !== undefined) ext.decimals = cube.decimals;
	if (cube.showDecimals !== undefined) ext.showDecimals = cube.showDecimals;
	if (cube.contact) ext.contact = t(cube.contact);
	if (cube.lastUpdated) ext.lastUpdated = cube.lastUpdated;
	if (cube.cellNotes.length) {
		ext.cellNotes = cube.cellNotes.map((c) => ({
			selector: Object.fromEntries(cube.dimensions.map((d, i) => [d.id, c.selector[i]])),
			text: text(c.note.text, lang, cube.defaultLanguage),
			mandatory: c.note.mandatory
		}));
	}
	const symbols = cube.extra.dataSymbols as Record<string, Texts> | undefined;
	if (symbols) ext.statusLabel = Object.fromEntries(Object.entries(symbols).map(([m, s]) => [m, t(s)]));
	ext[cube.format] = jsonSafe(cube.extra);
	return ext;
}

function noteText(n: Note, lang: string, fallback: string): string {
	return text(n.text, lang, fallback) ?? '';
}

function latestContentUpdate(cube: Cube): string | undefined {
	const all = cube.dimensions.flatMap((d) => d.categories.map((c) => c.lastUpdated).filter((u): u is string => !!u));
	return all.sort().at(-1);
}

/** PX dates "20040212 16:28" → ISO 8601; ISO input passes through. */
export function isoDate(s: string | undefined): string | undefined {
	if (!s) return undefined;
	const px = /^(\d{4})(\d{2})(\d{2})(?:\s+(\d{2}):(\d{2}))?/.exec(s.trim());
	if (px) return `${px[1]}-${px[2]}-${px[3]}${px[4] ? `T${px[4]}:${px[5]}:00` : ''}`;
	return /^\d{4}-\d{2}-\d{2}/.test(s) ? s : undefined;
}

/** Maps become objects so the extension survives JSON.stringify. */
function jsonSafe(v: unknown): unknown {
	if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), jsonSafe(x)]));
	if (Array.isArray(v)) return v.map(jsonSafe);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
	return v;
}
