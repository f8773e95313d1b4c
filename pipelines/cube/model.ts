/**
 * The cube model: what every source reader (PC-Axis, PxWeb API v1/v2, JSON-stat, CSV)
 * returns. One shape for all formats so the catalog's selection and the tidy step never
 * care where a table came from.
 *
 * Cells are stored row-major over `dimensions` in the SOURCE's order, the last dimension
 * varying fastest (as in PX with STUB then HEADING, and as in JSON-stat).
 */

/** Language code, e.g. "sv", "en". Every multilingual text is keyed by it. */
export type Lang = string;
export type Texts = Record<Lang, string>;

export type DimensionRole = 'time' | 'geo' | 'metric' | 'other';

export interface Note {
	text: Texts;
	/** PX NOTEX / JSON-stat noteMandatory: must be shown with the figure. */
	mandatory: boolean;
}

export interface Category {
	/** Stable code (PX CODES, PxWeb value code, JSON-stat index key). May be '' when the source gave none. */
	code: string;
	label: Texts;
	notes: Note[];
	/** Content (metric) categories may carry their own unit/decimals/updated etc. */
	unit?: Texts;
	decimals?: number;
	/** PX PRECISION on a value: decimals to show for this value. */
	precision?: number;
	lastUpdated?: string;
	contact?: Texts;
	source?: Texts;
	/** Child codes (PX HIERARCHIES, JSON-stat category.child). */
	children?: string[];
}

export interface Dimension {
	/** Identifier in the source's default language (PX variable name, JSON-stat id). */
	id: string;
	/** PX VARIABLECODE when given, else = id. */
	code: string;
	label: Texts;
	role: DimensionRole;
	categories: Category[];
	notes: Note[];
	/** PX ELIMINATION: true, or the code of the value used when the variable is eliminated. */
	elimination?: boolean | string;
	/** PX TIMEVAL: time scale, e.g. "A1", "Q1", "M1". */
	timeScale?: string;
	/** PX DOUBLECOLUMN=YES: show code and label. */
	doubleColumn?: boolean;
}

export interface CellNote {
	/** One entry per dimension: a category code, or '*' for "any". */
	selector: string[];
	note: Note;
}

export interface Cube {
	/** Where it was read from (path or URL), for error messages and provenance. */
	origin: string;
	format: 'px' | 'pxweb-json' | 'json-stat' | 'csv';
	languages: Lang[];
	defaultLanguage: Lang;
	id?: string;
	title: Texts;
	description?: Texts;
	dimensions: Dimension[];
	/** Row-major cell values; null where the source has no number (see `status`). */
	values: (number | null)[];
	/** Sparse: cell index → the source's own marker (e.g. "..", "-", "e"). */
	status: Map<number, string>;
	notes: Note[];
	cellNotes: CellNote[];
	/** Table-level unit (PX UNITS); metric categories may override. */
	unit?: Texts;
	decimals?: number;
	showDecimals?: number;
	source?: Texts;
	contact?: Texts;
	lastUpdated?: string;
	/** Anything else the source said that we keep for provenance (keyword → raw text). */
	extra: Record<string, unknown>;
}

/** Number of cells a cube's dimensions span. */
export function cellCount(dimensions: readonly Dimension[]): number {
	return dimensions.reduce((n, d) => n * d.categories.length, 1);
}

/** Row-major strides: stride[i] = product of sizes of the dimensions after i. */
export function strides(dimensions: readonly Dimension[]): number[] {
	const out = new Array<number>(dimensions.length);
	let s = 1;
	for (let i = dimensions.length - 1; i >= 0; i--) {
		out[i] = s;
		s *= dimensions[i].categories.length;
	}
	return out;
}

/** Text in the wanted language, falling back to the default and then to any. */
export function text(t: Texts | undefined, lang: Lang, fallback?: Lang): string | undefined {
	if (!t) return undefined;
	return t[lang] ?? (fallback ? t[fallback] : undefined) ?? Object.values(t)[0];
}
