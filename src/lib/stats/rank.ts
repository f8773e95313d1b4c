/**
 * Rank among regions, with its uncertainty (issue #20: Kolada and Fingertips users expect
 * "plats 21 av 21", and a rank from survey estimates is itself uncertain).
 *
 * The rank is competition ranking ("1224"): ties share the better place. 1 is the best place when
 * the indicator has a direction; for 'no-judgement' it is the highest value.
 *
 * The rank range comes from the confidence intervals: a region can place no better than 1 plus
 * the number of regions whose whole interval lies on its better side, and no worse than N minus
 * the number whose whole interval lies on its worse side. Non-overlapping intervals are a
 * conservative criterion, so the range is wide rather than falsely narrow; values without an
 * interval (register data such as `transit_access`) are exact and give an exact rank.
 */
import type { Polarity } from './types';

export interface RankInput {
	code: string;
	value: number | null;
	ci_low: number | null;
	ci_high: number | null;
}

export interface RegionRank {
	code: string;
	/** 1-based place, 1 = best (or highest for 'no-judgement'). */
	rank: number;
	/** Number of ranked regions (those with a value). */
	of: number;
	/** Best and worst place the intervals allow; equal to `rank` when nothing is uncertain. */
	best: number;
	worst: number;
}

/** Ranks every input with a finite value; inputs without one are left out (they have no place). */
export function rankRegions(items: readonly RankInput[], polarity: Polarity): Map<string, RegionRank> {
	const ranked = items.filter((r): r is RankInput & { value: number } => r.value !== null && Number.isFinite(r.value));
	// Orient so that larger is better: for 'higher-is-worse' the scale flips.
	const sign = polarity === 'higher-is-worse' ? -1 : 1;
	const score = (r: RankInput & { value: number }) => sign * r.value;
	const low = (r: RankInput & { value: number }) => {
		const lo = r.ci_low !== null && r.ci_high !== null ? (sign > 0 ? r.ci_low : -r.ci_high) : null;
		return lo ?? score(r);
	};
	const high = (r: RankInput & { value: number }) => {
		const hi = r.ci_low !== null && r.ci_high !== null ? (sign > 0 ? r.ci_high : -r.ci_low) : null;
		return hi ?? score(r);
	};
	const out = new Map<string, RegionRank>();
	const n = ranked.length;
	for (const r of ranked) {
		const rank = 1 + ranked.filter((o) => score(o) > score(r)).length;
		const surelyBetter = ranked.filter((o) => o !== r && low(o) > high(r)).length;
		const surelyWorse = ranked.filter((o) => o !== r && high(o) < low(r)).length;
		// An exact value's own bounds equal its value, so among exact values the range collapses
		// to the place itself (ties keep the shared, better place).
		const best = 1 + surelyBetter;
		const worst = Math.max(rank, n - surelyWorse);
		out.set(r.code, { code: r.code, rank, of: n, best: Math.min(best, rank), worst });
	}
	return out;
}

/** "Gävleborgs län: plats 21 av 21 (1 = bäst). Med hänsyn till osäkerheten kan platsen vara 15–21." */
export function rankSentence(name: string, r: RegionRank, polarity: Polarity, lang: 'sv' | 'en'): string {
	const one = polarity === 'no-judgement' ? (lang === 'sv' ? 'högst' : 'highest') : lang === 'sv' ? 'bäst' : 'best';
	const head = lang === 'sv' ? `${name}: plats ${r.rank} av ${r.of} (1 = ${one}).` : `${name}: rank ${r.rank} of ${r.of} (1 = ${one}).`;
	if (r.best === r.worst) return head;
	return lang === 'sv'
		? `${head} Med hänsyn till osäkerheten kan platsen vara ${r.best}–${r.worst}.`
		: `${head} Allowing for uncertainty, the rank could be anywhere from ${r.best} to ${r.worst}.`;
}
