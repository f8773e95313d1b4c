import { describe, expect, it } from 'vitest';
import {
	changeSinceBaseline,
	compareToBenchmark,
	expectedFalsePositives,
	multipleComparisonsNote,
	rollUpIndicator,
	rollUpSubgoal,
	trend
} from '../../../src/lib/stats';
import { est, year } from './helpers';

const opts = { polarity: 'higher-is-worse' as const, level: 0.95 as const };
const nation = est(12.9, 12.6, 13.2);

describe('roll-ups', () => {
	const cmp = (v: number, lo: number, hi: number) => compareToBenchmark(est(v, lo, hi), nation, opts);
	const worsened = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 14.1, 13.7, 14.5)], opts);
	const noChange = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 13.3, 12.9, 13.7)], opts);
	const a = rollUpIndicator({
		indicatorId: 'anfortro',
		polarity: 'higher-is-worse',
		nation: { change: worsened, trend: trend([10, 11, 12, 13, 14].map((v, i) => year(2020 + i, v, v - 1, v + 1)), { polarity: 'higher-is-worse' }) },
		regions: [
			{ regionCode: '21', comparison: cmp(15.2, 13.1, 17.4), change: noChange }, // worse
			{ regionCode: '01', comparison: cmp(10.1, 8.4, 12.0) }, // better
			{ regionCode: '03', comparison: cmp(13.4, 11.2, 15.8) }, // similar
			{ regionCode: '25', comparison: compareToBenchmark(est(14, null, null), nation, opts) } // not compared
		]
	});
	const b = rollUpIndicator({
		indicatorId: 'ensam',
		polarity: 'higher-is-worse',
		nation: { change: noChange },
		regions: [
			{ regionCode: '21', comparison: cmp(20, 18, 22), change: worsened },
			{ regionCode: '01', comparison: cmp(13, 12, 14) }
		]
	});
	it('one indicator', () => {
		expect(a.nationChange).toBe('worsened');
		expect(a.nationTrend).toBe('getting-worse');
		expect(a.regionsByOutcome.worse).toEqual(['21']);
		expect(a.regionsByOutcome.better).toEqual(['01']);
		expect(a.regionsByOutcome.similar).toEqual(['03']);
		expect(a.regionsByOutcome['not-compared']).toEqual(['25']);
		expect(a.regionsByChange['no-detectable-change']).toEqual(['21']);
		expect(a.level).toBe(0.95);
		expect(b.nationTrend).toBe('not-assessable');
	});
	it('a subgoal', () => {
		const s = rollUpSubgoal([a, b]);
		expect(s.indicators).toBe(2);
		expect(s.nationChange.worsened).toBe(1);
		expect(s.nationChange['no-detectable-change']).toBe(1);
		expect(s.nationChange.improved).toBe(0);
		expect(s.nationTrend['getting-worse']).toBe(1);
		expect(s.nationTrend['not-assessable']).toBe(1);
		expect(s.regionComparisons).toMatchObject({ worse: 2, better: 1, similar: 2, 'not-compared': 1 });
		expect(s.byIndicator.find((x) => x.indicatorId === 'ensam')?.regions.worse).toBe(1);
		expect(s.byRegion['21'].comparison.worse).toBe(2);
		expect(s.byRegion['21'].change).toMatchObject({ worsened: 1, 'no-detectable-change': 1 });
		expect(s.byRegion['01'].comparison).toMatchObject({ better: 1, similar: 1, worse: 0 });
	});
});

describe('many comparisons', () => {
	it('expected false positives = count × (1 − level)', () => {
		expect(expectedFalsePositives(21, 0.95)).toBeCloseTo(1.05, 12); // 21 × 0.05
		expect(expectedFalsePositives(21, 0.998)).toBeCloseTo(0.042, 12); // 21 × 0.002
		expect(expectedFalsePositives(290, 0.95)).toBeCloseTo(14.5, 12);
	});
	it('a notice from 10 comparisons at 95 %, none at 99.8 %', () => {
		expect(multipleComparisonsNote(9, 0.95, 'sv')).toBeNull();
		expect(multipleComparisonsNote(21, 0.998, 'en')).toBeNull();
		expect(multipleComparisonsNote(21, 0.95, 'sv')).toBe(
			'21 jämförelser visas på 95\u00a0%-nivån. Även utan verkliga skillnader väntas ungefär 1 av dem avvika av en slump. Välj 99,8\u00a0%-nivån för säkrare slutsatser.'
		);
		expect(multipleComparisonsNote(21, 0.95, 'en')).toContain('about 1 of them');
		// fewer than one expected: the chance of at least one, 1 − 0.95¹⁰ = 40 % (issue 13 item 8)
		expect(multipleComparisonsNote(10, 0.95, 'en')).toContain('the chance that at least one of them differs by chance is about 40%');
	});
});
