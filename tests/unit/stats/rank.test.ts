import { describe, expect, it } from 'vitest';
import { rankRegions, rankSentence } from '../../../src/lib/stats/rank';

const r = (code: string, value: number | null, ci_low: number | null = null, ci_high: number | null = null) => ({ code, value, ci_low, ci_high });

describe('rankRegions', () => {
	it('ranks exact (register) values with no range, 1 = best for higher-is-better', () => {
		const ranks = rankRegions([r('a', 70), r('b', 80), r('c', 75), r('d', null)], 'higher-is-better');
		expect([...ranks.values()].map((x) => [x.code, x.rank, x.of, x.best, x.worst])).toEqual([
			['a', 3, 3, 3, 3],
			['b', 1, 3, 1, 1],
			['c', 2, 3, 2, 2]
		]);
		expect(ranks.has('d')).toBe(false);
	});

	it('flips the order when higher is worse, and ties share the better place', () => {
		const ranks = rankRegions([r('a', 10), r('b', 12), r('c', 10)], 'higher-is-worse');
		expect(ranks.get('a')!.rank).toBe(1);
		expect(ranks.get('c')!.rank).toBe(1);
		expect(ranks.get('b')!.rank).toBe(3);
	});

	it('derives the range from intervals that do not overlap (worked example)', () => {
		// Higher is worse. x: 10 (8–12), y: 15 (13–17), z: 11 (9–16).
		// x: z's interval overlaps, y's lies wholly above (worse) → best 1, worst 3 − 1 = 2.
		// y: x's interval lies wholly below (better) → best 2; nothing surely worse → worst 3.
		// z: overlaps both → best 1, worst 3.
		const ranks = rankRegions([r('x', 10, 8, 12), r('y', 15, 13, 17), r('z', 11, 9, 16)], 'higher-is-worse');
		expect(ranks.get('x')).toMatchObject({ rank: 1, best: 1, worst: 2 });
		expect(ranks.get('y')).toMatchObject({ rank: 3, best: 2, worst: 3 });
		expect(ranks.get('z')).toMatchObject({ rank: 2, best: 1, worst: 3 });
	});

	it('uses each side of an asymmetric interval in the right direction', () => {
		// Higher is better. p: 5 (4.9–20) could be far higher; q: 10 (9.5–10.5).
		// With p's long upper side, p is not surely below q: p's best place is 1.
		const ranks = rankRegions([r('p', 5, 4.9, 20), r('q', 10, 9.5, 10.5)], 'higher-is-better');
		expect(ranks.get('p')).toMatchObject({ rank: 2, best: 1, worst: 2 });
		// Swapping the sides (a 4.9–5.1 interval) makes p surely worse.
		const swapped = rankRegions([r('p', 5, 4.9, 5.1), r('q', 10, 9.5, 10.5)], 'higher-is-better');
		expect(swapped.get('p')).toMatchObject({ rank: 2, best: 2, worst: 2 });
	});
});

describe('rankSentence', () => {
	it('states the place and, when uncertain, the possible range, in both languages', () => {
		const exact = { code: '21', rank: 21, of: 21, best: 21, worst: 21 };
		expect(rankSentence('Gävleborgs län', exact, 'higher-is-better', 'sv')).toBe('Gävleborgs län: plats 21 av 21 (1 = bäst).');
		const range = { code: '21', rank: 20, of: 21, best: 15, worst: 21 };
		expect(rankSentence('Gävleborgs län', range, 'higher-is-worse', 'sv')).toBe('Gävleborgs län: plats 20 av 21 (1 = bäst). Med hänsyn till osäkerheten kan platsen vara 15–21.');
		expect(rankSentence('Gävleborg County', range, 'no-judgement', 'en')).toBe('Gävleborg County: rank 20 of 21 (1 = highest). Allowing for uncertainty, the rank could be anywhere from 15 to 21.');
	});
});
