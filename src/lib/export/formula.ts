/**
 * CSV injection ("formula injection", OWASP): a spreadsheet runs a cell that starts with
 * = + - @ (or a tab or carriage return before one) as a formula, which can reach the network or
 * the system. Every CSV the site writes passes its *text* cells through `neutraliseFormula`,
 * which prefixes such a cell with an apostrophe so it is shown as text. Number cells are written
 * as numbers and never pass through here: a negative value stays a number.
 * No imports, so the pipeline (rejects.csv) uses the same rule.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}
