/**
 * Many comparisons at once. A map of 21 counties at 95 % tests 21 hypotheses: even if every
 * county were exactly like the nation, about 21 × 0.05 ≈ 1 would be flagged by chance. Fingertips
 * offers 99.8 % for exactly this reason (21 × 0.002 ≈ 0.04). We do not silently adjust
 * (Bonferroni would change what "95 %" means on the page); we say it, and recommend 99.8 %.
 */
import { formatNumber, NBSP, type Lang } from '../i18n/format';
import type { Level } from './types';

/** Below this many comparisons at 95 % no notice is shown. */
export const MANY_COMPARISONS = 10;

/** Expected number of "significant" results among `count` comparisons when no real difference exists: count × (1 − level). */
export function expectedFalsePositives(count: number, level: Level | number): number {
	return Math.max(0, count) * (1 - level);
}

/** Chance that at least one of `count` independent comparisons is flagged when no real difference exists: 1 − level^count. */
export function chanceOfAnyFalsePositive(count: number, level: Level | number): number {
	return 1 - Math.pow(level, Math.max(0, count));
}

/**
 * A short notice when ≥ 10 comparisons are shown at 95 %, else null.
 * sv: "21 jämförelser visas på 95 %-nivån. Även utan verkliga skillnader väntas ungefär 1 av dem
 * avvika av en slump. Välj 99,8 %-nivån för säkrare slutsatser."
 * When fewer than one is expected (10–19 comparisons) it gives the chance that at least one
 * differs by chance ("är risken ungefär 40 % att minst en avviker"), never "0,5 av dem".
 */
export function multipleComparisonsNote(count: number, level: Level, lang: Lang): string | null {
	if (level !== 0.95 || count < MANY_COMPARISONS) return null;
	const k = expectedFalsePositives(count, level);
	const sv = lang === 'sv';
	let middle: string;
	if (k >= 1) {
		const kText = formatNumber(Math.round(k), lang, 0);
		middle = sv ? `väntas ungefär ${kText} av dem avvika av en slump` : `about ${kText} of them would be expected to differ by chance`;
	} else {
		const pct = formatNumber(Math.round(chanceOfAnyFalsePositive(count, level) * 100), lang, 0);
		middle = sv ? `är risken ungefär ${pct}${NBSP}% att minst en av dem avviker av en slump` : `the chance that at least one of them differs by chance is about ${pct}%`;
	}
	if (sv) return `${count} jämförelser visas på 95${NBSP}%-nivån. Även utan verkliga skillnader ${middle}. Välj 99,8${NBSP}%-nivån för säkrare slutsatser.`;
	return `${count} comparisons are shown at the 95% level. Even with no real differences, ${middle}. Choose the 99.8% level for safer conclusions.`;
}
