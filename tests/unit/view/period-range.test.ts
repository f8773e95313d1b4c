import { describe, expect, it } from 'vitest';
import { periodRange } from '../../../src/lib/view/period-range';

const r = (period_start: number, period_end = period_start, indicator_id = 'x') => ({ period_start, period_end, indicator_id });

describe('periodRange', () => {
	it('runs from earliest to latest whatever the row order', () => {
		expect(periodRange([r(2023), r(2022)], 'sv')).toBe('2022–2023');
		expect(periodRange([r(2024), r(2004), r(2014)], 'en')).toBe('2004–2024');
	});
	it('names pooled windows instead of chaining them', () => {
		expect(periodRange([r(2021, 2024), r(2004, 2007), r(2012, 2015)], 'sv')).toBe('2004–2024, fyraårsperioder');
		expect(periodRange([r(2021, 2024), r(2004, 2007)], 'en')).toBe('2004–2024, 4-year windows');
		expect(periodRange([r(2022, 2023), r(2008, 2009)], 'sv')).toBe('2008–2023, tvåårsperioder');
	});
	it('says so when single years and windows are mixed', () => {
		expect(periodRange([r(2004), r(2021, 2024)], 'sv')).toBe('2004–2024, enskilda år och sammanslagna perioder');
	});
	it('gives one period as itself, and nothing for no rows', () => {
		expect(periodRange([r(2021, 2024), r(2021, 2024)], 'sv')).toBe('2021–2024');
		expect(periodRange([], 'sv')).toBe('');
	});
	it('does not pretend one period covers indicators whose latest periods differ', () => {
		expect(periodRange([r(2023, 2023, 'a'), r(2021, 2024, 'b')], 'sv')).toBe('varierar per indikator, se tabell');
		expect(periodRange([r(2023, 2023, 'a'), r(2021, 2024, 'b')], 'en')).toBe('varies by indicator, see table');
		// The same period for several indicators is still that period.
		expect(periodRange([r(2024, 2024, 'a'), r(2024, 2024, 'b')], 'sv')).toBe('2024');
	});
});
