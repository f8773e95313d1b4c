/**
 * PX reader against real files from PxWeb's example database (shared/fixtures/px).
 * Expected values are the ones the fixtures README reads off the files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPx, readPxText } from '../../pipelines/read/px/index.ts';
import { ReadError, formatProblem, type Problem } from '../../pipelines/cube/errors.ts';
import { cellCount, type Cube } from '../../pipelines/cube/model.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const PX = path.resolve(repoRoot, '../shared/fixtures/px');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = path.join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

function read(rel: string, lenient = false): { cube: Cube; warnings: Problem[] } {
	return readPx(readFileSync(path.join(PX, rel)), { origin: rel, lenient });
}

function rejection(rel: string, lenient = false): ReadError {
	try {
		read(rel, lenient);
	} catch (e) {
		if (e instanceof ReadError) return e;
		throw e;
	}
	throw new Error(`${rel} was not rejected`);
}

/** 1-based line of the first line of the file containing `needle` (read independently). */
function lineOf(rel: string, needle: string): number {
	const lines = new TextDecoder('windows-1252').decode(readFileSync(path.join(PX, rel))).split('\n');
	const i = lines.findIndex((l) => l.includes(needle));
	expect(i, `${needle} in ${rel}`).toBeGreaterThanOrEqual(0);
	return i + 1;
}

const valid = walk(PX)
	.map((f) => path.relative(PX, f))
	.filter((f) => !f.startsWith('error/'))
	.sort();

describe('every valid PX fixture', () => {
	it('finds all 62 of them', () => expect(valid.length).toBe(62));
	it.each(valid)('%s reads strictly with no problems and cells = product of sizes', (rel) => {
		const { cube, warnings } = read(rel);
		expect(warnings).toEqual([]);
		expect(cube.dimensions.length).toBeGreaterThan(0);
		expect(cube.values.length).toBe(cellCount(cube.dimensions));
		for (const [i, marker] of cube.status) {
			expect(cube.values[i]).toBeNull();
			expect(marker.length).toBeGreaterThan(0);
		}
	});
});

describe('NPM/BE0101F1datasymbols.px', () => {
	const { cube } = read('NPM/BE0101F1datasymbols.px');
	it('has the title, variables and values from the file', () => {
		expect(cube.title).toEqual({ en: 'Inmigrated by region, age, period and sex' });
		expect(cube.defaultLanguage).toBe('en');
		expect(cube.dimensions.map((d) => d.id)).toEqual(['region', 'age', 'period', 'sex']);
		expect(cube.dimensions.map((d) => d.categories.length)).toEqual([4, 3, 1, 2]);
		expect(cube.dimensions[0].categories.map((c) => c.label.en)).toEqual([
			'00 Sweden',
			'01 Stockholm county',
			'0114 Upplands Väsby',
			'0115 Vallentuna'
		]);
		expect(cube.dimensions[1].categories.map((c) => c.code)).toEqual(['20', '21', '22']);
		expect(cube.dimensions[3].categories.map((c) => c.label.en)).toEqual(['men', 'women']);
		expect(cube.values.length).toBe(24);
	});
	it('keeps data symbols as null + the marker as written', () => {
		expect(cube.values.slice(0, 3)).toEqual([456, null, 613]);
		expect(cube.status.get(1)).toBe('.');
		expect([1, 3, 5, 7, 9, 11].map((i) => cube.status.get(i))).toEqual(['.', '..', '...', '....', '.....', '......']);
		expect(cube.values[23]).toBe(23);
		expect(cube.status.size).toBe(6);
	});
	it('keeps the symbol definitions in extra', () => {
		expect(cube.extra.dataSymbols).toEqual({
			'.': { en: 'one' },
			'..': { en: 'two' },
			'...': { en: 'three' },
			'....': { en: 'four' },
			'.....': { en: 'five' },
			'......': { en: 'six' }
		});
		expect(cube.extra.dataSymbolSum).toEqual({ en: 'sum' });
	});
	it('gives period the time role (TIMEVAL) and region the geo role', () => {
		expect(cube.dimensions.map((d) => d.role)).toEqual(['geo', 'other', 'time', 'other']);
		expect(cube.dimensions[2].timeScale).toBe('A1');
	});
});

describe('multilanguage/BE0101F1ensvdescdefault.px (en + sv)', () => {
	const { cube } = read('multilanguage/BE0101F1ensvdescdefault.px');
	it('reads both languages with translated variable names mapped by position', () => {
		expect(cube.languages).toEqual(['en', 'sv']);
		expect(cube.defaultLanguage).toBe('en');
		expect(cube.title).toEqual({
			en: 'Migration by region, age, period, type and sex',
			sv: 'Flyttningar efter region, ålder, tid, typ och kön'
		});
		expect(cube.dimensions.map((d) => d.id)).toEqual(['region', 'age', 'period', 'type', 'sex']);
		expect(cube.dimensions.map((d) => d.label.sv)).toEqual(['region', 'ålder', 'tid', 'typ', 'kön']);
		expect(cube.dimensions.map((d) => d.categories.length)).toEqual([4, 3, 1, 2, 2]);
		expect(cube.dimensions[0].categories.slice(0, 2).map((c) => c.label.sv)).toEqual(['00 Riket', '01 Stockholms län']);
	});
	it('makes the CONTVARIABLE a metric dimension with codes, labels and units', () => {
		const type = cube.dimensions[3];
		expect(type.role).toBe('metric');
		expect(type.categories.map((c) => c.code)).toEqual(['BE0101F1', 'BE0101F2']);
		expect(type.categories.map((c) => c.label)).toEqual([
			{ en: 'Inmigrated', sv: 'Inflyttade' },
			{ en: 'Outmigrated', sv: 'Utflyttade' }
		]);
		expect(type.categories[0].unit?.en).toBeTruthy();
		expect(type.categories[0].lastUpdated).toBe('20040212 16:28');
	});
	it('has 48 cells, 456 938 223 first and 35 last', () => {
		expect(cube.values.length).toBe(48);
		expect(cube.values.slice(0, 3)).toEqual([456, 938, 223]);
		expect(cube.values[47]).toBe(35);
	});
	it('is byte-identical to alias/ and reads the same', () => {
		expect(read('alias/BE0101F1ensvdescdefault.px').cube.values).toEqual(cube.values);
	});
});

describe('wwwroot/PO/PO01/TAB001.px (AXIS-VERSION 2010)', () => {
	const { cube } = read('wwwroot/PO/PO01/TAB001.px');
	it('has titles, VARIABLECODEs and sizes from the file', () => {
		expect(cube.title.en).toBe('Population by region, sex, age, contents and year');
		expect(cube.title.sv).toBe('Befolkning efter region, kön, ålder, tabellinnehåll och år');
		expect(cube.dimensions.map((d) => d.id)).toEqual(['region', 'sex', 'age', 'contents', 'year']);
		expect(cube.dimensions.map((d) => d.code)).toEqual(['REGION', 'SEX', 'AGE', 'ContentsCode', 'TIME']);
		expect(cube.dimensions.map((d) => d.categories.length)).toEqual([30, 3, 22, 1, 3]);
		expect(cube.dimensions[0].categories.slice(0, 3).map((c) => c.label.en)).toEqual(['Austria', 'Belgium', 'Bulgaria']);
		expect(cube.dimensions[1].categories.map((c) => c.label.en)).toEqual(['Female', 'Male', 'Total']);
		expect(cube.dimensions[2].categories.slice(0, 2).map((c) => c.label.en)).toEqual(['Total', 'Less than 5 years']);
		expect(cube.dimensions[3].categories.map((c) => c.label.en)).toEqual(['Population']);
		expect(cube.dimensions[4].categories.map((c) => c.label.en)).toEqual(['1981', '1991', '2001']);
		expect(cube.dimensions[3].role).toBe('metric');
		expect(cube.dimensions[4].role).toBe('time');
	});
	it('has 5,940 cells starting ".." 4041797 4143737', () => {
		expect(cube.values.length).toBe(5940);
		expect(cube.values.slice(0, 3)).toEqual([null, 4041797, 4143737]);
		expect(cube.status.get(0)).toBe('..');
	});
	it('keeps the redefined data symbols', () => {
		const symbols = cube.extra.dataSymbols as Record<string, Record<string, string>>;
		expect(symbols['.'].en).toBe('.');
		expect(symbols['..'].en).toBe('..');
		expect(symbols['-'].en).toBe('-');
	});
});

describe('quick checks from the fixtures README', () => {
	it.each([
		['NPM/BE0101F1nildotsymbols.px', 48, [null, null, null], ['-', '.', '..']],
		['Population/BE0101A1proc.px', 288, [522028, 528282, 473644], []],
		['Hierarchies/GeneveEUhierarch.px', 58, [2.55763, 1.72156, 2.31529], []],
		['Population/BE101ACE.px', 8064, [306443, 290460, 596903], []],
		['wwwroot/aggregations/BEXST1.PX', 232200, [820, 834, 816], []]
	] as const)('%s: %d cells, first three tokens', (rel, cells, first, markers) => {
		const { cube } = read(rel);
		expect(cube.values.length).toBe(cells);
		expect(cube.values.slice(0, 3)).toEqual(first);
		markers.forEach((m, i) => expect(cube.status.get(i)).toBe(m));
	});
	it('Month/PR0101D8.px has a STUB and no HEADING: 58 cells, DECIMALS=4', () => {
		const { cube } = read('Month/PR0101D8.px');
		expect(cube.dimensions.map((d) => d.id)).toEqual(['period']);
		expect(cube.values.length).toBe(58);
		expect(cube.decimals).toBe(4);
		expect(cube.dimensions[0].timeScale).toBe('M1');
	});
	it('BEXST1: three languages and a TLIST range', () => {
		const { cube } = read('wwwroot/aggregations/BEXST1.PX');
		expect(cube.languages).toEqual(['en', 'da', 'kl']);
		expect(cube.dimensions.map((d) => d.categories.length)).toEqual([100, 6, 3, 3, 43]);
		expect(cube.extra.timeval).toEqual({ time: { scale: 'A1', from: '1977', to: '2019' } });
	});
	it('BE101ACE: an empty code ("1","2",) falls back to the value text', () => {
		const sex = read('Population/BE101ACE.px').cube.dimensions.find((d) => d.id === 'sex')!;
		expect(sex.categories.map((c) => c.code)).toEqual(['1', '2', 'total']);
	});
	it('HIERARCHIES become category children', () => {
		const { cube } = read('Hierarchies/BE0101A1hier.px');
		const region = cube.dimensions.find((d) => d.id === 'region')!;
		expect(region.categories.find((c) => c.code === '00')?.children).toContain('01');
	});
	it('multi-line strings are joined with no separator', () => {
		const { cube } = read('Hierarchies/PR0101B3hier2lang.px');
		expect(cube.title.en).toMatch(/Product group andperiod$/);
	});
	it('cell notes are stored per selector with codes', () => {
		const { cube } = read('error/fatal/template av BE0101F1error.px');
		expect(cube.cellNotes).toContainEqual({
			selector: ['*', '20', '*', 'BE0101F1', '*'],
			note: { text: { en: 'Mandatory cellnote inmigrated 20 years' }, mandatory: true }
		});
		expect(cube.dimensions[0].elimination).toBe('00');
		expect(cube.dimensions[4].elimination).toBe(true);
		expect(cube.dimensions[0].doubleColumn).toBe(true);
		expect(cube.notes.map((n) => n.mandatory)).toEqual([true, false]);
		expect(cube.extra.dataNoteCells).toHaveLength(2);
	});
});

describe('character decoding', () => {
	it('no CODEPAGE → windows-1252: 0x85 is "…" in Quarter/HA0201E8.px', () => {
		const { cube } = read('Quarter/HA0201E8.px');
		const note = cube.notes.map((n) => n.text.en).join(' ');
		expect(note).toContain('Secrecy in the database is marked with … For foreign trade');
	});
	it('0x94 is "”" in BEXST1.PX', () => {
		const { cube } = read('wwwroot/aggregations/BEXST1.PX');
		expect(cube.notes.some((n) => n.text.kl?.endsWith('ingerlateqqinneqarsinnaapput.”'))).toBe(true);
	});
	it('CODEPAGE="iso-8859-1" is read as windows-1252 and 0xE4 is "ä"', () => {
		const { cube } = read('wwwroot/PO/PO01/TAB001.px');
		expect(cube.extra.encoding).toBe('windows-1252');
		expect(cube.dimensions.map((d) => d.label.sv)).toContain('ålder');
	});
	it('CRLF line endings read the same as LF', () => {
		const bytes = readFileSync(path.join(PX, 'multilanguage/BE0101F1ensvdescdefault.px'));
		const crlf = Buffer.from(bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
		const a = read('multilanguage/BE0101F1ensvdescdefault.px').cube;
		const b = readPx(crlf, { origin: 'crlf.px' }).cube;
		expect(b.values).toEqual(a.values);
		expect(b.title).toEqual(a.title);
		expect(b.dimensions[0].notes).toEqual(a.dimensions[0].notes);
	});
	it('CODEPAGE="utf-8" decodes UTF-8', () => {
		const { cube } = readPxText(minimal({ values: '"Malmö","Göteborg"', data: '1 2 3 4' }), { origin: 'utf8.px' });
		expect(cube.dimensions[0].categories.map((c) => c.label.sv)).toEqual(['Malmö', 'Göteborg']);
	});
});

/** A small valid PX text for synthetic cases. */
function minimal(o: { values?: string; data: string; extra?: string; stub?: string }): string {
	return [
		'LANGUAGE="sv";',
		'MATRIX="T1";',
		'SUBJECT-AREA="A";',
		'SUBJECT-CODE="A";',
		'TITLE="t";',
		'CONTENTS="c";',
		'UNITS="st";',
		'DECIMALS=0;',
		`STUB=${o.stub ?? '"kommun"'};`,
		'HEADING="år";',
		`VALUES("kommun")=${o.values ?? '"Malmö","Göteborg"'};`,
		'VALUES("år")="2020","2021";',
		o.extra ?? '',
		`DATA=\n${o.data};\n`
	].join('\n');
}

describe('synthetic cases', () => {
	it('KEYS: rows by key, missing rows are zeros (PX spec: rows of only zeros are left out)', () => {
		const text = minimal({
			values: '"Malmö","Göteborg","Lund"',
			extra: 'CODES("kommun")="1280","1480","1281";\nKEYS("kommun")=CODES;',
			data: '"1281",5 6\n"1280",1 ".."'
		});
		const { cube } = readPxText(text, { origin: 'keys.px' });
		expect(cube.values).toEqual([1, null, 0, 0, 5, 6]);
		expect(cube.status.get(1)).toBe('..');
	});
	it('KEYS with an unknown key is rejected with its line', () => {
		const text = minimal({ values: '"Malmö","Göteborg"', extra: 'KEYS("kommun")=VALUES;', data: '"Lund",1 2' });
		expect(() => readPxText(text, { origin: 'k.px' })).toThrow(/KEYS row key "Lund"/);
	});
	it('data separated by tabs, commas and newlines; unquoted "-" and dots are symbols', () => {
		const { cube } = readPxText(minimal({ data: '1\t2,-\n...' }), { origin: 'sep.px' });
		expect(cube.values).toEqual([1, 2, null, null]);
		expect([...cube.status]).toEqual([
			[2, '-'],
			[3, '...']
		]);
	});
	it.each(['1e400', '1.2.3', '--5', 'NaN', '12a'])('DATA token %s is rejected with the DATA line', (token) => {
		const text = minimal({ data: `1 2 3 ${token}` });
		const e = (() => {
			try {
				readPxText(text, { origin: 'n.px', lenient: true });
			} catch (err) {
				return err as ReadError;
			}
		})();
		expect(e).toBeInstanceOf(ReadError);
		const p = e!.problems.find((q) => q.where === 'DATA')!;
		expect(p.line).toBe(text.split('\n').indexOf('DATA=') + 2);
		expect(p.message).toContain(token);
	});
	it('a STUB without HEADING and a HEADING without STUB both work', () => {
		const noStub = minimal({ data: '1 2 3 4' }).replace('STUB="kommun";', 'HEADING="kommun","år";').replace('HEADING="år";', '');
		expect(readPxText(noStub, { origin: 'h.px' }).cube.dimensions.map((d) => d.id)).toEqual(['kommun', 'år']);
	});
	it('a cell count mismatch is fatal even when lenient', () => {
		expect(() => readPxText(minimal({ data: '1 2 3' }), { origin: 'c.px', lenient: true })).toThrow(/3 values .* 4 cells/);
	});
	it('a file without LANGUAGE uses opts.lang (default sv)', () => {
		const text = minimal({ data: '1 2 3 4' }).replace('LANGUAGE="sv";\n', '');
		expect(readPxText(text, { origin: 'l.px' }).cube.defaultLanguage).toBe('sv');
		expect(readPxText(text, { origin: 'l.px', lang: 'en' }).cube.title).toEqual({ en: 't' });
	});
});

/**
 * error/fatal and error/continue, decided file by file. `valid` is each folder's template
 * (the baseline the defective files were derived from, itself a valid file).
 */
type Outcome = 'fatal' | 'continue' | 'valid';
const ERROR_TABLE: [file: string, outcome: Outcome, keyword: string, lineNeedle: string | null, why: string][] = [
	['fatal/BE0101F1errorCodes.px', 'fatal', 'CODES("region")', 'CODES("region")', 'stray quote in CODES: codes of a dimension are structural'],
	['fatal/BE0101F1errorContVariableunits.px', 'fatal', 'UNITS("Inmigratedx")', 'UNITS("Inmigratedx")', 'UNITS names a content value that does not exist: the unit of a measure is part of its meaning'],
	['fatal/BE0101F1errorContvariable.px', 'fatal', 'CONTVARIABLE', 'CONTVARIABLE="typex"', 'CONTVARIABLE names a variable that does not exist'],
	['fatal/BE0101F1errorMatrix.px', 'fatal', 'MATRIX', 'MATRIX=', 'stray quote in the required MATRIX'],
	['fatal/BE0101F1errorStub.px', 'fatal', 'STUB', 'STUB=', 'stray quote in STUB: the dimensions are unknown'],
	['fatal/BE0101F1misingSubjectArea.px', 'fatal', 'SUBJECT-AREA', null, 'required keyword SUBJECT-AREA missing (line 0)'],
	['fatal/BE0101F1missingMatrix.px', 'fatal', 'MATRIX', null, 'required keyword MATRIX missing (line 0)'],
	['fatal/BE0101F1missingSubjectCode.px', 'fatal', 'SUBJECT-CODE', null, 'required keyword SUBJECT-CODE missing (line 0)'],
	['fatal/BE0101F1missingTitle.px', 'fatal', 'TITLE', null, 'TITLE and DESCRIPTION both missing (line 0)'],
	['fatal/BE0101F1missingUnit.px', 'fatal', 'UNITS', null, 'table-level UNITS missing (line 0); per-content UNITS do not replace it'],
	['fatal/template av BE0101F1error.px', 'valid', '', null, 'the valid baseline'],
	['continue/BE0101A1procerrorPrecision.px', 'continue', 'PRECISION("$$SORT","Per centx")', 'PRECISION(', 'PRECISION names an unknown value: ignored'],
	['continue/BE0101F1errorAggregAllowed.px', 'continue', 'AGGREGALLOWED', 'AGGREGALLOWED=2', 'AGGREGALLOWED=2 is not YES/NO: ignored'],
	['continue/BE0101F1errorCellnote.px', 'continue', 'CELLNOTE("*","20","*","*")', 'CELLNOTE("*", "20", "*", "*")', 'CELLNOTE with 4 subscripts for 5 variables: note dropped'],
	['continue/BE0101F1errorContVariabledetails.px', 'continue', 'LAST-UPDATED("Inmigratedx")', 'LAST-UPDATED("Inmigratedx")', 'LAST-UPDATED for an unknown content value: ignored'],
	['continue/BE0101F1errorContact.px', 'continue', 'CONTACT("Inmigrated")', 'CONTACT("Inmigrated")', 'stray quote in CONTACT: kept as literal text'],
	['continue/BE0101F1errorDescDefault.px', 'continue', 'DESCRIPTIONDEFAULT', 'DESCRIPTIONDEFAULT=YES', 'DESCRIPTIONDEFAULT=YES without DESCRIPTION: TITLE is used'],
	['continue/BE0101F1errorDescription.px', 'continue', 'DESCRIPTION', 'DESCRIPTION=', 'stray quote in DESCRIPTION: kept as literal text'],
	['continue/BE0101F1errorDomain.px', 'continue', 'DOMAIN("regionx")', 'DOMAIN("regionx")', 'DOMAIN for an unknown variable: ignored'],
	['continue/BE0101F1errorDoubleCol.px', 'continue', 'DOUBLECOLUMN("regionx")', 'DOUBLECOLUMN("regionx")', 'DOUBLECOLUMN for an unknown variable: ignored'],
	['continue/BE0101F1errorElimYalue.px', 'continue', 'ELIMINATION("regionx")', 'ELIMINATION("regionx")', 'ELIMINATION for an unknown variable: ignored'],
	['continue/BE0101F1errorElimYes.px', 'continue', 'ELIMINATION("sexx")', 'ELIMINATION("sexx")', 'ELIMINATION for an unknown variable: ignored'],
	['continue/BE0101F1errorMap.px', 'continue', 'MAP("region")', 'MAP("region")', 'stray quote in MAP: kept as literal text'],
	['continue/BE0101F1errorNote.px', 'continue', 'NOTE', 'NOTE="Optio', 'stray quote in NOTE: kept as literal text'],
	['continue/BE0101F1errorNoteVar.px', 'continue', 'NOTE("regionx")', 'NOTE("regionx")', 'NOTE for an unknown variable: dropped'],
	['continue/BE0101F1errorShowdecimals.px', 'continue', 'SHOWDECIMALS', 'SHOWDECIMALS=', 'SHOWDECIMALS=20 outside 0–6: ignored'],
	['continue/BE0101F1errorShowdecimals2.px', 'continue', 'SHOWDECIMALS', 'SHOWDECIMALS=', 'SHOWDECIMALS=A is not a number: ignored'],
	['continue/BE0101F1errorShowdecimals2d.px', 'continue', 'SHOWDECIMALS', 'SHOWDECIMALS=', 'SHOWDECIMALS=2 > DECIMALS=0: DECIMALS used'],
	['continue/BE0101F1errorSource.px', 'continue', 'SOURCE', 'SOURCE=', 'stray quote in SOURCE: kept as literal text'],
	['continue/BE0101F1errorTimeval.px', 'continue', 'TIMEVAL("period")', 'TIMEVAL("period")', 'TIMEVAL lists 2 periods for 1 value: periods ignored, role time kept'],
	['continue/BE0101F1errorValueNote.px', 'continue', 'VALUENOTE("age","20")', 'VALUENOTE("age","20")="option"', 'stray quote in VALUENOTE: kept as literal text'],
	['continue/BE0101F1errorValuenotex.px', 'continue', 'VALUENOTEX("region","0114 Upplands Väsby")', 'VALUENOTEX("region","0114 Upplands V', 'stray quote in VALUENOTEX: kept as literal text'],
	['continue/template av BE0101F1error.px', 'valid', '', null, 'the valid baseline']
];

describe('error/fatal and error/continue', () => {
	it('the table covers all 11 + 22 files', () => {
		const onDisk = walk(path.join(PX, 'error')).map((f) => path.relative(path.join(PX, 'error'), f)).sort();
		expect(ERROR_TABLE.map((r) => r[0]).sort()).toEqual(onDisk);
		expect(onDisk.filter((f) => f.startsWith('fatal/'))).toHaveLength(11);
		expect(onDisk.filter((f) => f.startsWith('continue/'))).toHaveLength(22);
	});

	describe.each(ERROR_TABLE)('%s → %s', (file, outcome, keyword, needle, why) => {
		const rel = `error/${file}`;
		if (outcome === 'valid') {
			it(`reads with no problems (${why})`, () => expect(read(rel).warnings).toEqual([]));
			return;
		}
		it(`is rejected strictly (${why})`, () => {
			const e = rejection(rel);
			expect(e.problems.length).toBeGreaterThan(0);
			expect(e.problems.every((p) => p.severity === 'error' && p.file === rel)).toBe(true);
			expect(e.problems.map((p) => p.where)).toContain(keyword);
		});
		const expectedLine = () => (needle === null ? 0 : lineOf(rel, needle));
		if (outcome === 'fatal') {
			it('is still rejected with --lenient, at the keyword line', () => {
				const e = rejection(rel, true);
				const p = e.problems.find((q) => q.where === keyword && q.severity === 'error');
				expect(p, formatProblem(e.problems[0])).toBeDefined();
				expect(p!.line).toBe(expectedLine());
			});
		} else {
			it('reads with --lenient, with a warning at the defective keyword line', () => {
				const { cube, warnings } = read(rel, true);
				expect(cube.values.length).toBe(cellCount(cube.dimensions));
				expect(warnings.length).toBeGreaterThanOrEqual(1);
				expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
				const w = warnings.find((q) => q.where === keyword);
				expect(w, warnings.map(formatProblem).join('\n')).toBeDefined();
				expect(w!.line).toBe(expectedLine());
			});
		}
	});

	it('a stray quote in CONTACT is repaired to the literal text', () => {
		const type = read('error/continue/BE0101F1errorContact.px', true).cube.dimensions[3];
		expect(type.categories[0].contact?.en).toBe('Ewa Eri"ksson, SCB#Tel: +46 19-17 67 43#Fax: +46 19-17 69 42#E-mail: befolkning@scb.se');
	});
	it('the continue files have the same data as their template', () => {
		const template = read('error/continue/template av BE0101F1error.px').cube.values;
		expect(read('error/continue/BE0101F1errorNote.px', true).cube.values).toEqual(template);
	});
});

describe('PX as agencies write them', () => {
	it('strict: a quoted NOTE continuing over several lines is read whole, with its line breaks, and later lines keep their numbers', () => {
		const text = minimal({ extra: 'NOTE="Första raden\nandra raden,\ntredje; med semikolon";\nNOTEX("kommun")="x";', data: '1 2 3 4' });
		const { cube } = readPxText(text, { origin: 'note.px' });
		expect(cube.notes.map((n) => n.text.sv)).toContain('Första raden\nandra raden,\ntredje; med semikolon');
		expect(cube.values).toEqual([1, 2, 3, 4]);
		// A real problem after the multi-line string is reported at its own line.
		const bad = minimal({ extra: 'NOTE="a\nb";\n!!!;', data: '1 2 3 4' });
		const line = bad.split('\n').findIndex((l) => l.startsWith('!!!')) + 1;
		const err = (() => {
			try {
				readPxText(bad, { origin: 'bad.px' });
				return null;
			} catch (e) {
				return e as ReadError;
			}
		})();
		expect(err).toBeInstanceOf(ReadError);
		expect(err!.problems.map((p) => p.line)).toContain(line);
	});
	it('CRLF inside a multi-line string becomes one line break', () => {
		const text = minimal({ extra: 'NOTE="a\r\nb";', data: '1 2 3 4' });
		expect(readPxText(text, { origin: 'crlf.px' }).cube.notes.map((n) => n.text.sv)).toContain('a\nb');
	});
	it('a stray quote is still a stray quote: the string does not swallow the next statements', () => {
		const text = minimal({ extra: 'NOTE="broken;\nNOTEX="x";', data: '1 2 3 4' });
		const { cube, warnings } = readPxText(text, { origin: 'stray.px', lenient: true });
		expect(warnings.some((w) => /string not closed on its line/.test(w.message))).toBe(true);
		expect(cube.values).toEqual([1, 2, 3, 4]);
	});
	it('missing CONTENTS: rejected in strict mode (as PxWeb does), a warning under --lenient', () => {
		const text = minimal({ data: '1 2 3 4' }).replace('CONTENTS="c";\n', '');
		expect(text).not.toContain('CONTENTS');
		expect(() => readPxText(text, { origin: 'nocontents.px' })).toThrow(/nocontents\.px:0: CONTENTS: required keyword CONTENTS is missing/);
		const { cube, warnings } = readPxText(text, { origin: 'nocontents.px', lenient: true });
		expect(cube.values).toEqual([1, 2, 3, 4]);
		expect(warnings.map((w) => [w.severity, w.where])).toContainEqual(['warning', 'CONTENTS']);
	});
});
