/**
 * Number formatting for the two interface languages. Swedish first (sv-SE conventions),
 * English second. Pure functions on top of `Intl.NumberFormat`, so the build (Node, full ICU)
 * and the browser give the same strings.
 *
 * Conventions (decided once, used everywhere a number is shown):
 * - sv: decimal comma, thousands grouped with NARROW NO-BREAK SPACE U+202F (the "thin space"
 *   of Swedish typography; Intl gives U+00A0, which we replace), minus sign U+2212 as Intl
 *   gives it, and a NO-BREAK SPACE U+00A0 between the number and "%" ("15,2 %"), so that a
 *   line never breaks between a number and its unit.
 * - en: decimal point, thousands comma, no space before "%" ("15.2%").
 * - Rounding is Intl's default: half away from zero on the decimal value (12.25 → "12,3").
 * - Missing values (null, undefined, NaN) are shown as an en dash "–", never as 0.
 */

export type Lang = 'sv' | 'en';

/** NARROW NO-BREAK SPACE: thousands separator in Swedish numbers. */
export const THIN_SPACE = '\u202f';
/** NO-BREAK SPACE: between a number and "%" in Swedish. */
export const NBSP = '\u00a0';
/** Shown in place of a missing number. */
export const MISSING = '–';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
	const key = `${lang}:${decimals}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			useGrouping: true
		});
		formatters.set(key, f);
	}
	return f;
}

function isMissing(x: number | null | undefined): x is null | undefined {
	return x === null || x === undefined || Number.isNaN(x);
}

/** `formatNumber(12345.67, 'sv', 1)` → "12 345,7" (U+202F); `'en'` → "12,345.7". */
export function formatNumber(x: number | null | undefined, lang: Lang, decimals = 1): string {
	if (isMissing(x)) return MISSING;
	const d = Math.max(0, Math.min(20, Math.trunc(decimals)));
	const parts = formatter(lang, d).formatToParts(x);
	let out = '';
	for (const p of parts) {
		if (p.type === 'group') out += lang === 'sv' ? THIN_SPACE : ',';
		else out += p.value;
	}
	// Never show "−0,0": a value that rounds to zero is zero.
	if (/^[-−]0([.,]0*)?$/.test(out)) out = out.slice(1);
	return out;
}

/** `formatPercent(15.2, 'sv')` → "15,2 %" (U+00A0 before %); `'en'` → "15.2%". Input in per cent. */
export function formatPercent(x: number | null | undefined, lang: Lang, decimals = 1): string {
	if (isMissing(x)) return MISSING;
	const n = formatNumber(x, lang, decimals);
	return lang === 'sv' ? `${n}${NBSP}%` : `${n}%`;
}

/**
 * A confidence interval: `formatCi(13.1, 17.4, 'sv')` → "13,1–17,4", `'en'` → "13.1–17.4".
 * When a bound is negative the en dash would read as a minus, so the words "till"/"to" are used:
 * "−1,2 till 3,4" / "-1.2 to 3.4".
 */
export function formatCi(
	lo: number | null | undefined,
	hi: number | null | undefined,
	lang: Lang,
	decimals = 1
): string {
	if (isMissing(lo) || isMissing(hi)) return MISSING;
	const a = formatNumber(lo, lang, decimals);
	const b = formatNumber(hi, lang, decimals);
	const negative = /^[-−]/.test(a) || /^[-−]/.test(b);
	if (negative) return `${a} ${lang === 'sv' ? 'till' : 'to'} ${b}`;
	return `${a}–${b}`;
}

/** "2024" for a single year, "2021–2024" (en dash) for a pooled window. */
export function formatPeriod(start: number, end: number): string {
	return start === end ? String(start) : `${start}–${end}`;
}
