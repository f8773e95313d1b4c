/**
 * Which two groups the indicator page compares, decided BEFORE looking at the values:
 *
 * - a pair the strategy names (Tillsammans – för god gemenskap, the equal-conditions goal):
 *   with vs without disability, born abroad vs born in Sweden, living alone vs not, the youngest
 *   vs the oldest age band, primary vs tertiary education, unemployed vs employed, the youngest
 *   vs the oldest school year. Compared at the page's level, no adjustment (one pre-named test);
 * - otherwise (e.g. a breakdown with no "born abroad" total), the highest against the lowest
 *   group. That pair is picked after seeing the data, and with k groups it is the largest of
 *   k(k−1)/2 possible differences, so the test is Bonferroni-adjusted for k(k−1)/2 comparisons:
 *   without it, identical groups would be flagged 21 % of the time with 4 groups, 30 % with 5.
 *
 * The basis is returned so the sentence can say which was done.
 */
import type { Observation } from '$lib/data/observation';
import { gap, type DataKind, type GapBasis, type GapResult, type Level } from '$lib/stats';

/** Pairs named in advance: [group a (usually the more exposed), group b]. */
export const STRATEGY_PAIRS: Readonly<Record<string, readonly [string, string]>> = {
	disability: ['disabled', 'not_disabled'],
	country_of_birth: ['foreign_born', 'sweden'],
	household: ['living_alone', 'not_living_alone'],
	education: ['primary', 'tertiary'],
	employment: ['unemployed', 'employed'],
	school_year: ['ak5', 'gy2']
};

/** Lower bound of an age code: '16-29' → 16, '85+' → 85, '11' → 11; NaN when not an age. */
export function ageFrom(code: string): number {
	const m = /^(\d+)/.exec(code);
	return m ? Number(m[1]) : NaN;
}

/** The pre-named pair among the codes present, or null. Age: the youngest and the oldest band present. */
export function strategyPair(dim: string, codes: readonly string[]): [string, string] | null {
	if (dim === 'age') {
		const ages = codes.filter((c) => Number.isFinite(ageFrom(c))).sort((x, y) => ageFrom(x) - ageFrom(y));
		return ages.length >= 2 ? [ages[0], ages[ages.length - 1]] : null;
	}
	const p = STRATEGY_PAIRS[dim];
	return p && codes.includes(p[0]) && codes.includes(p[1]) ? [p[0], p[1]] : null;
}

export interface GroupGap {
	a: Observation;
	b: Observation;
	basis: GapBasis;
	result: GapResult;
}

/** The gap to show for one breakdown (rows of one group dimension, one period, one sex). */
export function groupGap(rows: readonly Observation[], level: Level, kind: DataKind = {}): GroupGap | null {
	const groups = rows.filter((r) => r.group_dim !== 'total' && r.value !== null);
	if (groups.length < 2) return null;
	const dim = groups[0].group_dim;
	const pair = strategyPair(dim, groups.map((r) => r.group_code));
	if (pair) {
		const a = groups.find((r) => r.group_code === pair[0])!;
		const b = groups.find((r) => r.group_code === pair[1])!;
		return { a, b, basis: 'strategy-pair', result: gap(a, b, level, kind) };
	}
	const sorted = [...groups].sort((x, y) => (y.value ?? 0) - (x.value ?? 0));
	const k = groups.length;
	const a = sorted[0];
	const b = sorted[k - 1];
	return { a, b, basis: 'highest-lowest-adjusted', result: gap(a, b, level, { ...kind, comparisons: (k * (k - 1)) / 2 }) };
}
