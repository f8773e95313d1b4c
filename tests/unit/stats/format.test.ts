import { describe, expect, it } from 'vitest';
import { formatCi, formatNumber, formatPercent, formatPeriod } from '../../../src/lib/i18n/format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('number formatting', () => {
	it('sv: decimal comma, narrow no-break space between thousands', () => {
		expect(formatNumber(12345.67, 'sv', 1)).toBe(`12${NNBSP}345,7`);
		expect(formatNumber(1234567, 'sv', 0)).toBe(`1${NNBSP}234${NNBSP}567`);
		expect(formatNumber(15.2, 'sv', 1)).toBe('15,2');
		expect(formatNumber(-1.25, 'sv', 1)).toBe('−1,3'); // U+2212, half away from zero
		expect(formatNumber(-0.01, 'sv', 1)).toBe('0,0');
	});
	it('en: decimal point, comma thousands', () => {
		expect(formatNumber(12345.67, 'en', 1)).toBe('12,345.7');
		expect(formatNumber(15.2, 'en', 2)).toBe('15.20');
	});
	it('missing values are an en dash', () => {
		expect(formatNumber(null, 'sv')).toBe('–');
		expect(formatPercent(Number.NaN, 'en')).toBe('–');
	});
	it('percent: "15,2 %" with a no-break space / "15.2%"', () => {
		expect(formatPercent(15.2, 'sv')).toBe(`15,2${NBSP}%`);
		expect(formatPercent(15.2, 'en')).toBe('15.2%');
		expect(formatPercent(15.24, 'sv', 2)).toBe(`15,24${NBSP}%`);
	});
	it('CI and period', () => {
		expect(formatCi(13.1, 17.4, 'sv')).toBe('13,1–17,4');
		expect(formatCi(13.1, 17.4, 'en')).toBe('13.1–17.4');
		expect(formatCi(-1.2, 3.4, 'sv')).toBe('−1,2 till 3,4');
		expect(formatCi(-1.2, 3.4, 'en')).toBe('-1.2 to 3.4');
		expect(formatPeriod(2024, 2024)).toBe('2024');
		expect(formatPeriod(2021, 2024)).toBe('2021–2024');
	});
});
