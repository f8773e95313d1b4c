/** CSV reader: the real published-figures file and small Swedish files written here. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemsOf } from '../helpers/read-error.ts';
import { cellCount, strides, type Cube } from '../../pipelines/cube/model.ts';
import { csvCellData, loadCsvMapping, readCsv, type CsvMapping } from '../../pipelines/read/csv.ts';
import { parseCsv, detectDelimiter } from '../../pipelines/read/csv/parse.ts';
import { parseNumber } from '../../pipelines/read/csv/number.ts';

const PUBLISHED = new URL('../../../shared/reference/published_values.csv', import.meta.url).pathname;
const MAPPING = new URL('./fixtures-csv/published_values.mapping.yaml', import.meta.url).pathname;

function cell(cube: Cube, codes: Record<string, string>): number {
	const s = strides(cube.dimensions);
	return cube.dimensions.reduce((i, d, k) => {
		const pos = d.categories.findIndex((c) => c.code === codes[d.id]);
		if (pos < 0) throw new Error(`${d.id}=${codes[d.id]} not a category`);
		return i + pos * s[k];
	}, 0);
}
function mapping(yaml: string): CsvMapping {
	return loadCsvMapping(yaml, 'test.yaml');
}

describe('published_values.csv (real file)', () => {
	const bytes = new Uint8Array(readFileSync(PUBLISHED));
	const m = loadCsvMapping(readFileSync(MAPPING, 'utf8'), MAPPING);

	it('strict: the file repeats one coordinate from two sources → CSV_DUPLICATE at line 55', () => {
		const p = problemsOf(() => readCsv(bytes, m, { origin: 'published_values.csv' }));
		expect(p.map((x) => [x.code, x.line])).toEqual([['CSV_DUPLICATE', 55]]);
		expect(p[0].message).toMatch(/duplicate of line 51/);
		expect(p[0].where).toBe('indicator_key,region_code,group_dimension,group_value,sex,period');
	});

	it('lenient: 107 distinct rows, specific figures, kept columns, absent cells', () => {
		const { cube, warnings } = readCsv(bytes, m, { origin: 'published_values.csv', lenient: true });
		expect(warnings.filter((w) => w.code === 'CSV_DUPLICATE')).toHaveLength(1);
		// code '' is used for two different regions in the file (no region code given)
		expect(warnings.filter((w) => w.code === 'CSV_LABEL_CONFLICT').map((w) => w.line)).toEqual([103, 104]);
		const data = csvCellData(cube)!;
		expect(data.line.filter((l) => l > 0)).toHaveLength(107);
		expect(cube.values.filter((v) => v !== null)).toHaveLength(107);
		expect(cube.values).toHaveLength(cellCount(cube.dimensions));
		expect(data.delimiter).toBe(',');
		expect(data.encoding).toBe('utf-8');

		const base = { indicator: 'no_close_friend', region: '00', group_dim: 'age' };
		const i2021 = cell(cube, { ...base, group_code: '16+', sex: 'total', period: '2021' });
		expect(cube.values[i2021]).toBe(5);
		const i2023 = cell(cube, { ...base, group_code: '16-29', sex: 'men', period: '2023' });
		expect(cube.values[i2023]).toBe(10.1);
		expect(data.line[i2023]).toBe(29);
		expect(data.attributes.url[i2023]).toBe('https://nyadagbladet.se/inrikes/700-000-saknar-en-nara-van/');
		expect(data.attributes.source[i2023]).toBe('SCB (ULF/SILC) via Nya Dagbladet');
		expect(data.ci_low![i2023]).toBeNull();
		// a quoted note with commas inside survives whole
		const i4 = cell(cube, { indicator: 'lonely_sometimes_often_always', region: '00', group_dim: 'age', group_code: '16+', sex: 'total', period: '2024' });
		expect(cube.values[i4]).toBe(18);
		expect(data.attributes.note[i4]).toBe("'Ungefär var femte person (18 procent) ... ibland, ofta eller alltid känner sig ensamma'");
		// the duplicate keeps the first row (line 51, value 29)
		const dup = cell(cube, { indicator: 'refrained_going_out_alone_fear', region: '00', group_dim: 'age', group_code: '16-84', sex: 'total', period: '2021' });
		expect([cube.values[dup], data.line[dup]]).toEqual([29, 51]);
		// absent: a combination that is not in the file
		const absent = cell(cube, { ...base, group_code: '16+', sex: 'total', period: '2024' });
		expect([cube.values[absent], cube.status.has(absent), data.line[absent]]).toEqual([null, false, 0]);

		const region = cube.dimensions.find((d) => d.id === 'region')!;
		expect(region.role).toBe('geo');
		expect(region.categories.find((c) => c.code === '01')?.label).toEqual({ en: 'Stockholms län' });
		const sex = cube.dimensions.find((d) => d.id === 'sex')!;
		expect(sex.categories.find((c) => c.code === 'men')?.label).toEqual({ sv: 'män', en: 'men' });
		expect(cube.dimensions.find((d) => d.id === 'period')!.role).toBe('time');
		expect(cube.languages).toEqual(['en', 'sv']);
		expect(cube.title.sv).toBe('Publicerade värden för indikatorerna');
		// first-seen order
		expect(cube.dimensions[0].categories[0].code).toBe('lonely_often_always');
	});
});

const SV_MAPPING = `
language: sv
encoding: auto
decimal: ","
dimensions:
  - { column: Län, id: region, role: geo, labelColumn: Länsnamn }
  - { column: Kön, id: sex, labels: { "1": män, "2": kvinnor } }
  - { column: År, id: period, role: time }
value: Andel
ci_low: KI låg
ci_high: KI hög
n: Antal svar
status: Flagga
keep: [Kommentar]
`;
const SV_ROWS = [
	'Län;Länsnamn;Kön;År;Andel;KI låg;KI hög;Antal svar;Flagga;Kommentar',
	'01;Stockholms län;1;2024;12,3;10,1;14,5;1 234;;',
	'01;Stockholms län;2;2024;..;;;12;S;"för få svar; undertryckt"',
	'12;Skåne län;1;2024;9,8;8,0;11,6;987;;"rad ett',
	'rad två med ""citat"""',
	'25;Norrbottens län;2;2024;-1,5;;;;e;skattning'
];

describe('Swedish exports', () => {
	it('semicolon + decimal comma + Windows-1252 bytes with å/ä/ö', () => {
		const bytes = new Uint8Array(Buffer.from(SV_ROWS.join('\r\n') + '\r\n', 'latin1'));
		expect(bytes.includes(0xe4)).toBe(true); // ä as one Windows-1252 byte
		const { cube, warnings } = readCsv(bytes, mapping(SV_MAPPING), { origin: 'skane.csv' });
		expect(warnings).toEqual([]);
		const data = csvCellData(cube)!;
		expect(data.encoding).toBe('windows-1252');
		expect(data.delimiter).toBe(';');
		expect(cube.dimensions.map((d) => d.categories.map((c) => c.code))).toEqual([['01', '12', '25'], ['1', '2'], ['2024']]);
		expect(cube.dimensions[0].categories.map((c) => c.label.sv)).toEqual(['Stockholms län', 'Skåne län', 'Norrbottens län']);
		expect(cube.dimensions[1].categories.map((c) => c.label.sv)).toEqual(['män', 'kvinnor']);
		expect(cube.dimensions[0].code).toBe('Län');
		const at = (r: string, s: string) => cell(cube, { region: r, sex: s, period: '2024' });
		expect(cube.values[at('01', '1')]).toBe(12.3);
		expect(data.ci_low![at('01', '1')]).toBe(10.1);
		expect(data.n![at('01', '1')]).toBe(1234);
		// suppressed: null, status from the status column, still "in the file"
		expect([cube.values[at('01', '2')], cube.status.get(at('01', '2')), data.line[at('01', '2')]]).toEqual([null, 'S', 3]);
		expect(data.attributes['Kommentar'][at('01', '2')]).toBe('för få svar; undertryckt');
		// multi-line quoted field with doubled quotes; the next record's line is right
		expect(data.attributes['Kommentar'][at('12', '1')]).toBe('rad ett\r\nrad två med "citat"');
		expect(data.line[at('25', '2')]).toBe(6);
		expect([cube.values[at('25', '2')], cube.status.get(at('25', '2'))]).toEqual([-1.5, 'e']);
		// absent
		expect([cube.values[at('12', '2')], cube.status.has(at('12', '2')), data.line[at('12', '2')]]).toEqual([null, false, 0]);
	});

	it('the same text as UTF-8 with a BOM reads identically', () => {
		const text = SV_ROWS.join('\n');
		const w1252 = readCsv(new Uint8Array(Buffer.from(text, 'latin1')), mapping(SV_MAPPING), { origin: 'a.csv' }).cube;
		const bom = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
		const utf = readCsv(bom, mapping(SV_MAPPING), { origin: 'b.csv' }).cube;
		expect(csvCellData(utf)!.encoding).toBe('utf-8');
		expect(utf.dimensions[0].code).toBe('Län'); // BOM not glued to the first header
		expect(utf.values).toEqual(w1252.values);
		expect([...utf.status]).toEqual([...w1252.status]);
		expect(utf.dimensions).toEqual(w1252.dimensions);
	});

	it('encoding: utf-8 on Windows-1252 bytes is an error with the line', () => {
		const m = mapping(SV_MAPPING.replace('encoding: auto', 'encoding: utf-8'));
		const p = problemsOf(() => readCsv(new Uint8Array(Buffer.from(SV_ROWS.join('\n'), 'latin1')), m, { origin: 'x.csv' }));
		expect(p[0]).toMatchObject({ code: 'CSV_ENCODING', line: 1, file: 'x.csv' });
		// a later line: only the data row with ö is broken
		const late = 'region,year,value\n01,2020,1\n02,2020,"G\xf6teborg"\n';
		const m2 = mapping('encoding: utf-8\ndimensions: [{ column: region }, { column: year }]\nvalue: value\n');
		const p2 = problemsOf(() => readCsv(new Uint8Array(Buffer.from(late, 'latin1')), m2, { origin: 'y.csv', lenient: true }));
		expect(p2.map((x) => [x.code, x.line])).toEqual([['CSV_ENCODING', 3]]);
	});

	it('TSV with detected delimiter and default missing markers', () => {
		const tsv = 'kommun\tår\tvärde\n0180\t2023\t5.5\n0180\t2024\t..\n1480\t2023\t-\n1480\t2024\t\n';
		const m = mapping('dimensions: [{ column: kommun, role: geo }, { column: år, role: time }]\nvalue: värde\nencoding: utf-8\n');
		const { cube } = readCsv(new Uint8Array(Buffer.from(tsv)), m, { origin: 't.tsv' });
		expect(csvCellData(cube)!.delimiter).toBe('\t');
		expect(cube.values).toEqual([5.5, null, null, null]);
		expect([...cube.status]).toEqual([[1, '..'], [2, '-'], [3, '']]);
		expect(cube.dimensions[0].id).toBe('kommun');
	});
});

describe('malformed rows', () => {
	const m = mapping('dimensions: [{ column: region }, { column: year }]\nvalue: value\n');
	const text = 'region,year,value\n01,2020,1.5\n01,2021,"12,3,4"\n02,2020,3\n02,2020,4\n03,2020\n';

	it('strict: every problem with line, column and code', () => {
		const p = problemsOf(() => readCsv(new Uint8Array(Buffer.from(text)), m, { origin: 'file.csv' }));
		expect(p.map((x) => [x.code, x.line, x.where])).toEqual([
			['CSV_NOT_A_NUMBER', 3, 'value'],
			['CSV_FIELD_COUNT', 6, '(row)'],
			['CSV_DUPLICATE', 5, 'region,year']
		]);
		expect((problemsOf(() => readCsv(new Uint8Array(Buffer.from(text)), m, { origin: 'file.csv' }))[0])).toMatchObject({
			message: '"12,3,4" is not a number'
		});
		try {
			readCsv(new Uint8Array(Buffer.from(text)), m, { origin: 'file.csv' });
		} catch (e) {
			expect((e as Error).message.split('\n')[0]).toBe('error: file.csv:3: value: "12,3,4" is not a number');
		}
	});

	it('lenient: the cube is read and the problems come back as warnings', () => {
		const { cube, warnings } = readCsv(new Uint8Array(Buffer.from(text)), m, { origin: 'file.csv', lenient: true });
		expect(warnings.map((w) => w.severity)).toEqual(['warning', 'warning', 'warning']);
		expect(cube.dimensions.map((d) => d.categories.map((c) => c.code))).toEqual([['01', '02'], ['2020', '2021']]);
		expect(cube.values).toEqual([1.5, null, 3, null]);
		expect(cube.status.size).toBe(0);
	});

	it('unterminated quote and text after a closing quote are reported', () => {
		const p = problemsOf(() => readCsv(new Uint8Array(Buffer.from('region,year,value\n01,2020,"1"x\n02,2020,"2\n')), m, { origin: 'q.csv' }));
		expect(p.map((x) => [x.code, x.line])).toEqual([
			['CSV_SYNTAX', 2],
			['CSV_SYNTAX', 3],
			['CSV_NOT_A_NUMBER', 2] // "1"x reads as 1x
		]);
		expect(p[0].message).toMatch(/after a closing quote/);
		expect(p[1].message).toMatch(/not closed/);
	});

	it('a column the mapping names but the header lacks is fatal, even lenient', () => {
		const bad = mapping('dimensions: [{ column: region }, { column: år }]\nvalue: value\n');
		for (const lenient of [false, true]) {
			const p = problemsOf(() => readCsv(new Uint8Array(Buffer.from(text)), bad, { origin: 'file.csv', lenient }));
			expect(p.map((x) => [x.code, x.where, x.line])).toEqual([['CSV_MISSING_COLUMN', 'dimensions.1.column', 1]]);
		}
	});

	it('a mapped column that appears twice in the header: first used, with a warning', () => {
		const { cube, warnings } = readCsv(new Uint8Array(Buffer.from('region,year,value,value\n01,2020,1,2\n')), m, { origin: 'd.csv' });
		expect(cube.values).toEqual([1]);
		expect(warnings.map((w) => [w.code, w.where, w.line])).toEqual([['CSV_DUPLICATE_HEADER', 'value', 1]]);
	});

	it('an empty file is fatal', () => {
		expect(problemsOf(() => readCsv(new Uint8Array(), m, { origin: 'e.csv', lenient: true })).map((p) => p.code)).toEqual(['CSV_EMPTY']);
	});
});

describe('loadCsvMapping', () => {
	it('defaults', () => {
		const m = mapping('dimensions: [{ column: a }]\nvalue: v\n');
		expect(m).toMatchObject({ encoding: 'auto', decimal: '.', missing: ['..', '.', '-', ''], language: 'sv', keep: [] });
		expect(m.delimiter).toBeUndefined();
		expect(mapping('dimensions: [{ column: a }]\nvalue: v\ndelimiter: tab\n').delimiter).toBe('\t');
		expect(mapping('dimensions: [{ column: a }]\nvalue: v\ndelimiter: "\\t"\n').delimiter).toBe('\t');
	});

	it('errors name the file, the field and the line', () => {
		const yaml = 'dimensions:\n  - column: a\n    role: place\nvalue: v\ndecimal: ";"\n';
		const p = problemsOf(() => loadCsvMapping(yaml, 'regions/x.yaml'));
		expect(p.map((x) => [x.file, x.where, x.line])).toEqual([
			['regions/x.yaml', 'dimensions.0.role', 3],
			['regions/x.yaml', 'decimal', 5]
		]);
	});

	it('missing value, unknown keys, a column mapped twice, bad YAML', () => {
		expect(problemsOf(() => mapping('dimensions: [{ column: a }]\n')).map((p) => p.where)).toEqual(['value']);
		expect(problemsOf(() => mapping('dimensions: [{ column: a }]\nvalue: v\ncolour: red\n'))[0].message).toMatch(/colour/);
		expect(problemsOf(() => mapping('dimensions: [{ column: a }]\nvalue: a\n')).map((p) => p.where)).toEqual(['value']);
		expect(problemsOf(() => mapping('dimensions: [{ column: a, labels: {x: y}, labelColumn: b }]\nvalue: v\n')).map((p) => p.where)).toEqual([
			'dimensions.0'
		]);
		expect(problemsOf(() => mapping('dimensions: [ { column: a\nvalue: v\n'))[0]).toMatchObject({ code: 'MAPPING_YAML', file: 'test.yaml' });
	});
});

describe('parser pieces', () => {
	it('RFC 4180 records and their lines', () => {
		const { records } = parseCsv('a,"b,1","c\r\nd"\r\n"e""f",,\rlast', ',');
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b,1', 'c\r\nd'] },
			{ line: 3, fields: ['e"f', '', ''] },
			{ line: 4, fields: ['last'] }
		]);
	});

	it('delimiter detection prefers a consistent split', () => {
		expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
		expect(detectDelimiter('a,b\n"x;y",2\n')).toBe(',');
		expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
	});

	it('numbers: decimal mark, grouping, minus; no guessing', () => {
		expect(parseNumber('12,3', ',')).toBe(12.3);
		expect(parseNumber('1 234 567,5', ',')).toBe(1234567.5);
		expect(parseNumber('1\u00a0234', ',')).toBe(1234);
		expect(parseNumber('−2,5', ',')).toBe(-2.5);
		expect(parseNumber('12.3', ',')).toBeUndefined();
		expect(parseNumber('12,3', '.')).toBeUndefined();
		expect(parseNumber('12,3,4', ',')).toBeUndefined();
		expect(parseNumber('1e400', '.')).toBeUndefined();
		expect(parseNumber('NaN', '.')).toBeUndefined();
		expect(parseNumber(' 7 ', '.')).toBe(7);
	});
});
