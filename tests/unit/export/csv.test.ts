import { describe, expect, it } from 'vitest';
import type { Observation } from '$lib/data/observation';
import { BOM, CSV_COLUMNS, buildCsv, csvField, csvFileName, parseCsv, parseCsvNumber } from '$lib/export/csv';

const row = (o: Partial<Observation> = {}): Observation => ({
	indicator_id: 'lonely_often_always',
	region_code: '21',
	period_start: 2021,
	period_end: 2024,
	sex: 'T',
	group_dim: 'age',
	group_code: '16-29',
	value: 15.2,
	ci_low: 13.05,
	ci_high: 17.4,
	n: 1234,
	status: null,
	source_id: 'pub-1',
	is_demo: false,
	...o
});

const ctx = {
	lang: 'sv' as const,
	indicatorName: () => 'Andel som ofta känner sig ensamma',
	regionName: (c: string) => (c === '21' ? 'Gävleborgs län' : undefined),
	groupLabel: () => '16–29 år',
	citation: () => 'Källa: Folkhälsomyndigheten, "HLV"; 2024'
};

describe('buildCsv', () => {
	it('starts with the UTF-8 byte-order mark (EF BB BF) in both variants', () => {
		for (const v of ['standard', 'excel-sv'] as const) {
			const bytes = new TextEncoder().encode(buildCsv([row()], ctx, v));
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		}
	});

	it('has the documented header in order, CRLF line ends and one line per row', () => {
		const text = buildCsv([row(), row({ group_code: '30-44' })], ctx);
		expect(text.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
		// the documented order (README, export): each label beside its code, derived from the observation schema
		expect(CSV_COLUMNS.join(',')).toBe(
			'indicator_id,indicator_name,region_code,region_name,period,period_start,period_end,sex,group_dim,group_code,group_label,value,ci_low,ci_high,n,status,source_id,source,is_demo,data_type,exempeldata'
		);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.slice(1).trimEnd().split('\r\n')).toHaveLength(3);
	});

	it('standard: comma separator, decimal point; parses back to the same numbers and texts', () => {
		const rows = [row(), row({ value: 8.333333333333334, ci_low: null, ci_high: null, n: null, status: 'suppressed', is_demo: true })];
		const back = parseCsv(buildCsv(rows, ctx, 'standard'), ',');
		expect(back).toHaveLength(2);
		expect(back[0].value).toBe('15.2');
		expect(parseCsvNumber(back[0].ci_low)).toBe(13.05);
		expect(parseCsvNumber(back[1].value)).toBe(8.333333333333334);
		expect(back[1].ci_low).toBe('');
		expect(back[1].status).toBe('suppressed');
		expect(back[0].region_name).toBe('Gävleborgs län');
		expect(back[0].group_label).toBe('16–29 år');
		expect(back[0].period).toBe('2021–2024');
		expect(back[0].source).toBe(ctx.citation());
	});

	it('excel-sv: semicolon separator and decimal comma; parses back', () => {
		const text = buildCsv([row()], ctx, 'excel-sv');
		expect(text.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(';'));
		expect(text).toContain(';15,2;13,05;17,4;1234;');
		const back = parseCsv(text, ';');
		expect(parseCsvNumber(back[0].value)).toBe(15.2);
		expect(parseCsvNumber(back[0].ci_high)).toBe(17.4);
		// The citation holds a ";" and quotes: quoted in the semicolon file, quotes doubled.
		expect(text).toContain('"Källa: Folkhälsomyndigheten, ""HLV""; 2024"');
		expect(back[0].source).toBe(ctx.citation());
	});

	it('quotes separators, quotes and newlines; neutralises formula-looking text', () => {
		expect(csvField('a;b', ';')).toBe('"a;b"');
		expect(csvField('a;b', ',')).toBe('a;b');
		expect(csvField('a,b', ',')).toBe('"a,b"');
		expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
		expect(csvField('two\nlines', ',')).toBe('"two\nlines"');
		expect(csvField('cr\rhere', ';')).toBe('"cr\rhere"');
		expect(csvField('=1+1', ',')).toBe("'=1+1");
		const tricky = { ...ctx, groupLabel: () => 'Rad 1\r\nRad "2"; del, tre' };
		for (const [v, sep] of [['standard', ','], ['excel-sv', ';']] as const) {
			expect(parseCsv(buildCsv([row()], tricky, v), sep)[0].group_label).toBe('Rad 1\r\nRad "2"; del, tre');
		}
	});

	it('marks example data in columns and file name', () => {
		const back = parseCsv(buildCsv([row({ is_demo: true }), row()], ctx));
		expect(back.map((r) => r.exempeldata)).toEqual(['ja', 'nej']);
		expect(back.map((r) => r.is_demo)).toEqual(['true', 'false']);
		expect(back.map((r) => r.data_type)).toEqual(['Exempeldata', 'Publicerad statistik']);
		expect(parseCsv(buildCsv([row({ is_demo: true })], { ...ctx, lang: 'en' }))[0].data_type).toBe('Example data');
		expect(csvFileName('ensamhetsmonitorn-x-trend', 'standard', true)).toBe('ensamhetsmonitorn-x-trend-exempeldata.csv');
		expect(csvFileName('ensamhetsmonitorn-x-trend', 'excel-sv', false)).toBe('ensamhetsmonitorn-x-trend-excel.csv');
	});

	it('never writes exponent notation or grouping', () => {
		const text = buildCsv([row({ value: 1e-7, n: 1234567 })], ctx);
		const back = parseCsv(text);
		expect(back[0].value).toBe('0.0000001');
		expect(back[0].n).toBe('1234567');
		expect(BOM).toBe('\ufeff');
	});
});
