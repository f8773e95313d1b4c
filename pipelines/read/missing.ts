/**
 * Missing-value symbols, said once for every reader. A cell without a number keeps its source's
 * marker in `status`, so "not published" and "suppressed" survive the pipeline as written.
 */

/** PX data symbols by keyword (PX file format, DATASYMBOL1–6 and DATASYMBOLNIL); PxWeb's JSON answers use the same markers. */
export const PX_DATA_SYMBOLS = {
	DATASYMBOL1: '.',
	DATASYMBOL2: '..',
	DATASYMBOL3: '...',
	DATASYMBOL4: '....',
	DATASYMBOL5: '.....',
	DATASYMBOL6: '......',
	DATASYMBOLNIL: '-'
} as const;

/** Every marker PX and PxWeb use for a cell without a number. */
export const MISSING_SYMBOLS: ReadonlySet<string> = new Set(Object.values(PX_DATA_SYMBOLS));

/** The status of a cell with no value and no marker of its own: not available or suppressed. */
export const NOT_AVAILABLE = PX_DATA_SYMBOLS.DATASYMBOL2;

/** What a CSV or Excel mapping reads as "no number" unless it lists its own: the common markers and an empty cell. */
export const DEFAULT_TABLE_MISSING: readonly string[] = [NOT_AVAILABLE, PX_DATA_SYMBOLS.DATASYMBOL1, PX_DATA_SYMBOLS.DATASYMBOLNIL, ''];
