/**
 * Table specs: what to fetch, in a form the indicator catalog can produce (one spec per
 * source table). See pipelines/fetch/README.md for the APIs and their limits.
 */

export type ApiKind = 'pxweb-v1' | 'pxweb-v2' | 'kolada-v3';

/**
 * A PxWeb v1 selection filter, passed through as written.
 * - `item`: exactly these codes (the default when a plain array is given).
 * - `all`: wildcard patterns (`*`, `01*`, `*1`) expanded against the metadata.
 * - `top`: the last N values in metadata order (`values: ['3']`).
 * - `text`: the values whose text in the metadata is one of these (case, spacing and
 *   footnote stars `**` ignored); each text must be found. Resolved to `item` codes.
 * - `agg:<name>` / `vs:<name>`: aggregation / value-set filters. They can't be expanded
 *   locally (the server owns the groupings), so they are sent as is and never split.
 */
export type FilterName = 'item' | 'all' | 'top' | 'text' | `agg:${string}` | `vs:${string}`;

export interface FilterSelection {
	filter: FilterName;
	values: string[];
}

/** Per variable: a list of codes (= item), `'*'` (every value, from metadata), or a filter. */
export type VariableSelection = string[] | '*' | FilterSelection;

/**
 * Variable code → selection. Variables left out are eliminated (must be eliminable), unless the
 * key `'*'` is `'*'`: then every variable not named gets all its values.
 */
export type Selection = Record<string, VariableSelection>;

export interface TableSpecBase {
	api: ApiKind;
	/**
	 * - pxweb-v1: up to and excluding the language segment, e.g. `https://api.scb.se/OV0104/v1/doris`
	 *   or `https://fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1`.
	 * - pxweb-v2: `https://statistikdatabasen.scb.se/api/v2`.
	 * - kolada-v3: `https://api.kolada.se/v3`.
	 */
	baseUrl: string;
	/**
	 * - pxweb-v1: path below the language, `ssd/BE/BE0101/BE0101A/BefolkningNy` (a leading
	 *   `sv/` or `en/` equal to `lang` is accepted and dropped). Segments may contain spaces
	 *   and å/ä/ö (Folkhälsodata); they are percent-encoded per segment.
	 * - pxweb-v2: table id, `TAB638`.
	 * - kolada-v3: KPI id, `N07418`.
	 */
	table: string;
	/** `sv` or `en`. */
	lang: string;
	selection: Selection;
	/** Short publisher name used by callers for the output dir (e.g. `scb`, `fohm`, `kolada`). */
	publisher?: string;
	/**
	 * PxWeb: variable → texts of its whole-population value, alternatives in order (e.g.
	 * `{ Ålder: ['Totalt 16-84 år', '16-84 år'] }`). Resolved against the metadata before any
	 * data call; the codes come back in `FetchResult.totalCodes`. No match → SpecError.
	 */
	totalTexts?: Record<string, string[]>;
}

export type TableSpec = TableSpecBase;

/** Server limits a client must respect. */
export interface Limits {
	/** Largest number of cells one data call may ask for. */
	maxCells: number;
	/** Calls allowed per `windowMs` (all calls: metadata and data). */
	maxCalls: number;
	windowMs: number;
}

/**
 * Default limits per API, the stricter of the figures in
 * /work/shared/reference/data-sources.md (see README.md in this folder):
 * - SCB v1 (§5.2): current SCB open-data page [V] "max 10 calls / 10 s per IP, max 100 000
 *   values per query, 403 when exceeded"; the recorded `?config` says maxValues 110000,
 *   maxCells 150000, maxCalls 30/10 s (older). We use 100 000 cells, 10 calls / 10 s.
 * - SCB v2 (§5.3 + recorded config.json): maxDataCells 150000, 30 calls / 10 s; the per-IP
 *   limit of the open-data page (10 / 10 s) is shared with v1, so 150 000 cells, 10 / 10 s.
 * - Folkhälsodata v1 (§1.1, [T]): maxCells 100000, maxValues 10000, 1000 calls / 10 s.
 *   We use min(maxCells, maxValues) = 10 000 cells and a polite 30 calls / 10 s.
 * - Kolada v3 (§5.4): no published limit found [?]; 10 calls / 10 s, no cell limit (paged).
 */
export function defaultLimits(spec: Pick<TableSpec, 'api' | 'baseUrl'>): Limits {
	if (spec.api === 'kolada-v3') return { maxCells: Number.POSITIVE_INFINITY, maxCalls: 10, windowMs: 10_000 };
	if (spec.api === 'pxweb-v2') return { maxCells: 150_000, maxCalls: 10, windowMs: 10_000 };
	if (/folkhalsomyndigheten|Folkhalsodata/i.test(spec.baseUrl)) return { maxCells: 10_000, maxCalls: 30, windowMs: 10_000 };
	return { maxCells: 100_000, maxCalls: 10, windowMs: 10_000 };
}

/** The selection of one variable normalized to a filter + values. */
export function normalizeSelection(sel: VariableSelection): FilterSelection {
	if (sel === '*') return { filter: 'all', values: ['*'] };
	if (Array.isArray(sel)) return { filter: 'item', values: [...sel] };
	return { filter: sel.filter, values: [...sel.values] };
}
