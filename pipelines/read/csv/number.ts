/**
 * Number parsing for CSV cells, with the mapping's decimal mark. Swedish exports write
 * "12,3" and may group thousands with a (non-breaking) space ("1 234,5") and use U+2212
 * for minus; anything else that is not a plain decimal number is rejected, never guessed
 * ("12,3,4" is an error, not 12.3 or 1234).
 */
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_SPACE = /(\d)[ \u00a0\u202f](?=\d{3}(\D|$))/g;

export function parseNumber(raw: string, decimal: '.' | ','): number | undefined {
	let s = raw.trim().replace(/\u2212/g, '-');
	if (decimal === ',') {
		s = s.replace(GROUPED_SPACE, '$1');
		if (s.includes('.')) return undefined;
		s = s.replace(',', '.');
	}
	if (!PLAIN.test(s)) return undefined;
	const v = Number(s);
	return Number.isFinite(v) ? v : undefined;
}
