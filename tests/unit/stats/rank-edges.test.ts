/**
 * rankRegions and rankSentence at their edges (mutation survivors, issue 19 item 5): values that
 * are not finite, an interval with one side missing, intervals that only touch, and the wording for
 * indicators without a direction. Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { rankRegions, rankSentence } from '../../../src/lib/stats/rank';

const r = (code: string, value: number | null, ci_low: number | null = null, ci_high: number | null = null) => ({ code, value, ci_low, ci_high });

describe('rankRegions edges', () => {
	/*
	 * Higher is worse, oriented so larger is better (score = −value, interval [−ci_high, −ci_low]):
	 *  A 10 (9–11) → [−11, −9]; B 12 (11–13) → [−13, −11]; C 15 (14.5–15.5) → [−15.5, −14.5];
	 *  F 11 with only a lower bound → treated as exact, [−11, −11]; D NaN and E null have no place.
	 * Ranks by score: A 1, F 2, B 3, C 4 (n = 4).
	 *  A: nothing lies wholly above −9 → best 1; wholly below −11: only C (B and F only touch −11) → worst 4 − 1 = 3.
	 *  F: nothing lies wholly above −11 (A and B touch) → best 1; below −11: C → worst 3.
	 *  B: above −11: none (A and F touch) → best 1; below −13: C → worst 3.
	 *  C: A, B, F lie wholly above −14.5 → best 4; worst 4.
	 */
	// Ranked inside each test (a function), not at collection time, where no mutant is active.
	const ranks = () => rankRegions([r('A', 10, 9, 11), r('B', 12, 11, 13), r('C', 15, 14.5, 15.5), r('D', Number.NaN, 1, 2), r('E', null, 1, 2), r('F', 11, 10, null)], 'higher-is-worse');

	it('leaves out values that are missing or not finite', () => {
		expect([...ranks().keys()].sort()).toEqual(['A', 'B', 'C', 'F']);
		expect(ranks().get('A')!.of).toBe(4);
	});

	it('touching intervals are not "surely" better or worse; a half interval counts as none', () => {
		expect(ranks().get('A')).toEqual({ code: 'A', rank: 1, of: 4, best: 1, worst: 3 });
		expect(ranks().get('F')).toEqual({ code: 'F', rank: 2, of: 4, best: 1, worst: 3 });
		expect(ranks().get('B')).toEqual({ code: 'B', rank: 3, of: 4, best: 1, worst: 3 });
		expect(ranks().get('C')).toEqual({ code: 'C', rank: 4, of: 4, best: 4, worst: 4 });
	});

	it('an infinite value has no place either', () => {
		expect(rankRegions([r('a', Infinity), r('b', 3)], 'higher-is-better').has('a')).toBe(false);
	});
});

describe('rankSentence wording', () => {
	const exact = { code: 'x', rank: 2, of: 21, best: 2, worst: 2 };
	it('says what place 1 means', () => {
		expect(rankSentence('Dalarnas län', exact, 'higher-is-worse', 'sv')).toBe('Dalarnas län: plats 2 av 21 (1 = bäst).');
		expect(rankSentence('Dalarna County', exact, 'higher-is-better', 'en')).toBe('Dalarna County: rank 2 of 21 (1 = best).');
		expect(rankSentence('Dalarnas län', exact, 'no-judgement', 'sv')).toBe('Dalarnas län: plats 2 av 21 (1 = högst).');
		expect(rankSentence('Dalarna County', exact, 'no-judgement', 'en')).toBe('Dalarna County: rank 2 of 21 (1 = highest).');
	});
	it('adds the range when the intervals allow one', () => {
		expect(rankSentence('Gävleborg County', { ...exact, best: 1, worst: 5 }, 'higher-is-worse', 'en')).toBe('Gävleborg County: rank 2 of 21 (1 = best). Allowing for uncertainty, the rank could be anywhere from 1 to 5.');
	});
});
