/**
 * The About page's method section matches the code (issue 13 acceptance; item 12): each claim
 * below is checked against the behaviour it describes.
 */
import { describe, expect, it } from 'vitest';
import { methods } from '../../../src/lib/view/methods';
import { STRATEGY_PAIRS } from '../../../src/lib/view/group-gap';
import { MANY_COMPARISONS, TREND_CHI2_CRITICAL, TREND_POINTS, compareToBenchmark, trend, wilsonInterval } from '../../../src/lib/stats';

const text = (lang: 'sv' | 'en') => methods().map((m) => `${m.term[lang]}: ${m.text[lang]}`).join('\n');

describe('About: methods', () => {
	it('every entry in both languages', () => {
		for (const m of methods()) for (const lang of ['sv', 'en'] as const) {
			expect(m.term[lang].length).toBeGreaterThan(3);
			expect(m.text[lang]).toMatch(/\.$/);
		}
		expect(methods().map((m) => m.id)).toEqual(['ci', 'register', 'benchmark', 'many', 'groups', 'pooled', 'change-trend', 'peers', 'suppression']);
	});
	it('item 12: the trend regresses on the calendar year, not positions — and the code does', () => {
		expect(text('sv')).toContain('regression av värdet på kalenderåret');
		expect(text('en')).toContain('regression of the value on the calendar year');
		expect(text('en')).toContain(`Fingertips uses the positions 1–${TREND_POINTS}`);
		// The code: the same values at irregular years give the slope per calendar year.
		const t = trend([2018, 2020, 2021, 2022, 2024].map((y) => ({ value: 10 + 0.5 * (y - 2018), ci_low: 9.5 + 0.5 * (y - 2018), ci_high: 10.5 + 0.5 * (y - 2018), period_start: y, period_end: y })), { polarity: 'no-judgement' });
		expect(t.slope).toBeCloseTo(0.5, 10);
		expect(text('en')).toContain(`χ² > ${TREND_CHI2_CRITICAL.toFixed(2)}`);
	});
	it('CI methods: Wilson from n, logit rebuild at 99.8 %, register compared directly', () => {
		expect(text('sv')).toContain('Wilsons metod från andelen och n');
		expect(text('sv')).toContain('på logitskalan');
		expect(text('en')).toContain('They are compared directly');
		expect(compareToBenchmark({ value: 20, ci_low: null, ci_high: null, n: 400, period_start: 2024, period_end: 2024 }, { value: 15, ci_low: null, ci_high: null, period_start: 2024, period_end: 2024 }, { polarity: 'no-judgement', level: 0.95 }).details.ciSource).toBe('wilson-from-n');
		expect(wilsonInterval(50, 100)[0]).toBeGreaterThan(40);
	});
	it('the pairs named are the pairs compared', () => {
		const sv = text('sv');
		expect(Object.keys(STRATEGY_PAIRS).sort()).toEqual(['country_of_birth', 'disability', 'education', 'employment', 'household', 'school_year']);
		for (const phrase of ['med och utan funktionsnedsättning', 'födda utomlands och i Sverige', 'ensamboende', 'yngsta och äldsta åldersgruppen', 'förgymnasial och eftergymnasial', 'arbetslösa och förvärvsarbetande', 'lägsta och högsta skolår', 'k(k−1)/2', 'MOVER'])
			expect(sv).toContain(phrase);
	});
	it('many comparisons, peers, overlapping windows', () => {
		expect(text('sv')).toContain(`Från ${MANY_COMPARISONS} jämförelser`);
		expect(text('sv')).toContain('folkmängd och befolkningstäthet');
		expect(text('en')).toContain('does not use the indicators’ own values');
		expect(text('sv')).toContain('2022–2025, där tre av fyra år ligger före strategin');
	});
});
