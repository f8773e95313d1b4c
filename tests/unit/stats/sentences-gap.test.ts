/**
 * describeGap's remaining branches (mutation survivors, issue 19 item 5): why a gap cannot be
 * assessed, a count indicator ("enheter"/"units"), the 99.8 % level and a Bonferroni-adjusted
 * interval. The sentences are written out in full.
 */
import { describe, expect, it } from 'vitest';
import { describeGap, type GapResult } from '../../../src/lib/stats';

const NB = '\u00a0';
const base: GapResult = {
	outcome: 'not-assessable',
	level: 0.95,
	comparisons: 1,
	zCritical: 1.959964,
	overlapping: false,
	period_start: 2024,
	period_end: 2024,
	a: null,
	b: null,
	diff: null,
	diffCiLow: null,
	diffCiHigh: null,
	diffSe: null,
	ratio: null,
	ratioCiLow: null,
	ratioCiHigh: null,
	seLogRatio: null
};
const say = (result: GapResult, lang: 'sv' | 'en', unit?: 'percent' | 'number') => describeGap({ a: 'A', b: 'B', result, basis: 'strategy-pair', lang, unit });

describe('describeGap: why a gap cannot be assessed', () => {
	it('no CI and no n', () => {
		expect(say({ ...base, reason: 'no-ci' }, 'sv')).toBe('Skillnaden mellan A och B kan inte bedömas (varken konfidensintervall eller antal svarande redovisas).');
		expect(say({ ...base, reason: 'no-ci' }, 'en')).toBe('The gap between A and B cannot be assessed (neither a confidence interval nor the number of respondents is published).');
	});
	it('different periods', () => {
		expect(say({ ...base, reason: 'periods-not-aligned' }, 'sv')).toBe('Skillnaden mellan A och B kan inte bedömas (perioderna skiljer sig).');
		expect(say({ ...base, reason: 'periods-not-aligned' }, 'en')).toBe('The gap between A and B cannot be assessed (the periods differ).');
	});
	it('a missing value', () => {
		expect(say({ ...base, reason: 'missing-value' }, 'sv')).toBe('Skillnaden mellan A och B kan inte bedömas (uppgift saknas).');
		expect(say({ ...base, reason: 'missing-value' }, 'en')).toBe('The gap between A and B cannot be assessed (a value is missing).');
	});
});

describe('describeGap: units, level and adjustment', () => {
	const counted: GapResult = { ...base, outcome: 'a-higher', level: 0.998, comparisons: 3, a: 12, b: 7, diff: 5, diffCiLow: 1.5, diffCiHigh: 8.5, diffSe: 1.2 };
	it('a count indicator at 99.8 %, adjusted for three comparisons, no ratio', () => {
		expect(say(counted, 'sv', 'number')).toBe(`Skillnaden mellan A (12,0) och B (7,0) är 5,0 enheter (99,8${NB}% KI, justerat 1,5–8,5). Skillnaden är statistiskt säkerställd på 99,8${NB}%-nivån. Paret är ett av dem som strategin pekar ut.`);
		expect(say(counted, 'en', 'number')).toBe('The gap between A (12.0) and B (7.0) is 5.0 units (99.8% CI, adjusted 1.5–8.5). The gap is statistically significant at the 99.8% level. The pair is one the strategy names.');
	});
});
