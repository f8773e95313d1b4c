import { describe, expect, it } from 'vitest';
import { readPxWebJson, readPxWebMetadata } from '../../pipelines/read/pxweb-json.ts';
import { ReadError } from '../../pipelines/cube/errors.ts';
import { mergeCubes, MergeError } from '../../pipelines/fetch/merge.ts';
import { BEF_EN, BEF_SV, ME_SV, readJson, readText } from '../helpers/fixtures.ts';
import { cell, cellMap } from '../helpers/cube-lookup.ts';

const metaSv = readJson(`${BEF_SV}.json`);
const metaEn = readJson(`${BEF_EN}.json`);
const read = (file: string, metadata?: unknown) => readPxWebJson(readText(file), { origin: file, metadata });

describe('readPxWebMetadata (v1 table metadata GET)', () => {
	it('BefolkningNy: 6 variables with the recorded sizes, flags and labels', () => {
		const c = readPxWebMetadata(metaSv, `${BEF_SV}.json`);
		expect(c.dimensions.map((d) => [d.code, d.categories.length])).toEqual([
			['Region', 312],
			['Civilstand', 4],
			['Alder', 102],
			['Kon', 2],
			['ContentsCode', 2],
			['Tid', 57]
		]);
		expect(c.values).toEqual([]);
		expect(c.defaultLanguage).toBe('sv');
		const tid = c.dimensions[5];
		expect(tid.role).toBe('time');
		expect(tid.categories[0].code).toBe('1968');
		expect(tid.categories.at(-1)!.code).toBe('2024');
		expect(c.dimensions[4].role).toBe('metric');
		expect(c.dimensions[0].role).toBe('geo');
		expect(c.dimensions[0].elimination).toBe(true);
		expect(c.dimensions[0].categories[1].label.sv).toBe('Stockholms län');
		expect(c.dimensions[1].categories.map((x) => x.code)).toEqual(['OG', 'G', 'SK', 'ÄNKL']);
		expect(c.title.sv).toMatch(/^Folkmängden efter region/);
	});

	it('English metadata: same codes, English title', () => {
		const c = readPxWebMetadata(metaEn, `${BEF_EN}.json`);
		expect(c.defaultLanguage).toBe('en');
		expect(c.title.en).toBe('Population by region, marital status, age, sex, observations and year');
		expect(c.dimensions.map((d) => d.categories.length)).toEqual([312, 4, 102, 2, 2, 57]);
	});

	it('ME0104T24: Region 32, Parti 10, Kon 3, ContentsCode 2, Tid 6', () => {
		const c = readPxWebMetadata(readJson(`${ME_SV}.json`), `${ME_SV}.json`);
		expect(c.dimensions.map((d) => [d.code, d.categories.length])).toEqual([
			['Region', 32],
			['Parti', 10],
			['Kon', 3],
			['ContentsCode', 2],
			['Tid', 6]
		]);
	});

	it('rejects metadata without variables, naming the origin', () => {
		expect(() => readPxWebMetadata({ title: 'x' }, 'http://h/t')).toThrow(/http:\/\/h\/t:0: \/variables/);
	});
});

describe('readPxWebJson (v1 json data answers)', () => {
	it('e57f52: Kon 1, 2017 → 5082662, with and without metadata', () => {
		const f = `${BEF_SV}-e57f52-POST.json`;
		const plain = read(f).cube;
		expect(plain.dimensions.map((d) => d.code)).toEqual(['Kon', 'Tid', 'ContentsCode']);
		expect(plain.values).toEqual([5082662]);
		const withMeta = read(f, metaSv);
		expect(withMeta.warnings).toEqual([]);
		expect(withMeta.cube.dimensions.map((d) => d.code)).toEqual(['Kon', 'ContentsCode', 'Tid']);
		expect(cell(withMeta.cube, { Kon: '1', Tid: '2017', ContentsCode: 'BE0101N1' })).toBe(5082662);
		expect(withMeta.cube.dimensions[0].categories[0].label.sv).toBe('män');
		expect(withMeta.cube.extra.eliminated).toEqual(['Region', 'Civilstand', 'Alder']);
		expect(withMeta.cube.lastUpdated).toBe('2025-02-21T07:00:00Z');
		expect(withMeta.cube.title.sv).toBe('Folkmängd efter kön, år och tabellinnehåll');
	});

	it('3e8562: all six variables → 50937', () => {
		const { cube } = read(`${BEF_SV}-3e8562-POST.json`, metaSv);
		expect(cube.dimensions.map((d) => d.code)).toEqual(['Region', 'Civilstand', 'Alder', 'Kon', 'ContentsCode', 'Tid']);
		expect(cube.values).toEqual([50937]);
	});

	it('b51455: two content columns → a 3×2 cube (sv and en agree)', () => {
		for (const [base, meta] of [
			[BEF_SV, metaSv],
			[BEF_EN, metaEn]
		] as const) {
			const { cube } = read(`${base}-b51455-POST.json`, meta);
			expect(cube.dimensions.map((d) => d.code)).toEqual(['ContentsCode', 'Tid']);
			expect(cube.values).toEqual([9415570, 9482855, 9555893, 74888, 67285, 73038]);
			expect(cell(cube, { Tid: '2011', ContentsCode: 'BE0101N2' })).toBe(67285);
		}
	});

	it('b4ec21 keeps the column comment (literal \\r\\n) as a dimension note', () => {
		const { cube } = read(`${BEF_EN}-b4ec21-POST.json`, metaEn);
		expect(cube.dimensions[0].notes[0].text.en).toMatch(/^The period 1968–1998 .*\r\n$/);
		expect(cube.defaultLanguage).toBe('en');
	});

	it('ME0104T24 c9f73a: M/1/2002 → 133222, C/1/2002 → 59183; metadata order for Parti', () => {
		const { cube } = read(`${ME_SV}-c9f73a-POST.json`, readJson(`${ME_SV}.json`));
		expect(cell(cube, { Parti: 'M', Kon: '1', Tid: '2002' })).toBe(133222);
		expect(cell(cube, { Parti: 'C', Kon: '1', Tid: '2002' })).toBe(59183);
		expect(cube.dimensions.find((d) => d.code === 'Parti')!.categories.map((c) => c.code)).toEqual(['M', 'C']);
	});

	it('21059a: 12 rows incl. non-ASCII ÄNKL', () => {
		const { cube } = read(`${BEF_SV}-21059a-POST.json`, metaSv);
		expect(cube.values).toHaveLength(12);
		expect(cell(cube, { Civilstand: 'OG', Tid: '2015' })).toBe(5157443);
		expect(cell(cube, { Civilstand: 'ÄNKL', Tid: '2017' })).toBe(435643);
		expect(cube.dimensions[0].categories[3].label.sv).toBe('änkor/änklingar');
	});

	it('per-year calls 74adc2 + 4f411e + b770f2 merged = 21059a', () => {
		const parts = ['74adc2', '4f411e', 'b770f2'].map((h) => read(`${BEF_SV}-${h}-POST.json`, metaSv).cube);
		const merged = mergeCubes(parts, 'Tid');
		const single = read(`${BEF_SV}-21059a-POST.json`, metaSv).cube;
		expect(merged.values).toEqual(single.values);
		expect(merged.dimensions.map((d) => d.categories.map((c) => c.code))).toEqual(single.dimensions.map((d) => d.categories.map((c) => c.code)));
		expect(cell(merged, { Civilstand: 'G', Tid: '2016' })).toBe(3329589);
		expect(cell(merged, { Civilstand: 'SK', Tid: '2016' })).toBe(967638);
		expect(cell(merged, { Civilstand: 'ÄNKL', Tid: '2016' })).toBe(440363);
	});

	it('split calls b4ec21 + d7786c merged = eec451 (2016–2019)', () => {
		const [a, b, all] = ['b4ec21', 'd7786c', 'eec451'].map((h) => read(`${BEF_EN}-${h}-POST.json`, metaEn).cube);
		// given out of order, merged back into the original order
		const merged = mergeCubes([b, a], 'Tid', ['2016', '2017', '2018', '2019']);
		expect(merged.values).toEqual([9995153, 10120242, 10230185, 10327589]);
		expect(merged.values).toEqual(all.values);
		expect([...cellMap(merged)]).toEqual([...cellMap(all)]);
	});

	it('missing-value symbols → null with status; decimal comma accepted; absent rows → null ".." + warning', () => {
		const answer = {
			columns: [
				{ code: 'Region', text: 'region', type: 'd' },
				{ code: 'År', text: 'år', type: 't' },
				{ code: 'Andel', text: 'andel', type: 'c' }
			],
			comments: [{ variable: 'Region', value: '09', comment: 'Gotland saknas' }],
			data: [
				{ key: ['00', '2021'], values: ['12,5'] },
				{ key: ['09', '2021'], values: ['..'] },
				{ key: ['00', '2022'], values: ['-'] },
				{ key: ['01', '2021'], values: ['7.25'] }
			],
			metadata: [{ label: 'test' }]
		};
		const { cube, warnings } = readPxWebJson(answer, { origin: 'https://fohm/x.px' });
		expect(cube.dimensions[0].categories.map((c) => c.code)).toEqual(['00', '09', '01']);
		expect(cube.values).toEqual([12.5, null, null, null, 7.25, null]);
		expect(cube.status).toEqual(
			new Map([
				[1, '-'],
				[2, '..'],
				[3, '..'],
				[5, '..']
			])
		);
		expect(cube.dimensions[0].categories[1].notes[0].text.sv).toBe('Gotland saknas');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toMatch(/2 of 6 cells have no data row/);
	});

	it('strict: a bad value is an error with a JSON pointer; lenient: a warning', () => {
		const answer = { columns: [{ code: 'Tid', type: 't' }, { code: 'X', type: 'c' }], data: [{ key: ['2020'], values: ['abc'] }] };
		let err: unknown;
		try {
			readPxWebJson(answer, { origin: 'u' });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(ReadError);
		expect((err as ReadError).problems[0]).toMatchObject({ file: 'u', line: 0, where: '/data/0/values/0' });
		const lenient = readPxWebJson(answer, { origin: 'u', lenient: true });
		expect(lenient.cube.values).toEqual([null]);
		expect(lenient.cube.status.get(0)).toBe('abc');
		expect(lenient.warnings[0].severity).toBe('warning');
	});

	it('rejects wrong key length, codes unknown to the metadata, JSON-stat input, non-JSON text', () => {
		expect(() => readPxWebJson({ columns: [{ code: 'Tid', type: 't' }, { code: 'X', type: 'c' }], data: [{ key: ['2020', 'x'], values: ['1'] }] }, { origin: 'u' })).toThrow(/key has 2 codes, expected 1/);
		const bad = JSON.parse(readText(`${BEF_SV}-e57f52-POST.json`));
		bad.data[0].key[1] = '2099';
		expect(() => readPxWebJson(bad, { origin: 'u', metadata: metaSv })).toThrow(/"2099" of Tid are not in the table metadata/);
		expect(() => readPxWebJson(readText(`${BEF_SV}-28a10f-POST.json`), { origin: 'u' })).toThrow(/looks like JSON-stat/);
		expect(() => readPxWebJson('<html>', { origin: 'u' })).toThrow(/not JSON/);
	});
});

describe('mergeCubes', () => {
	const metaEnC = metaEn;
	it('refuses parts that differ on a non-split dimension, or overlap', () => {
		const a = read(`${BEF_EN}-b4ec21-POST.json`, metaEnC).cube;
		expect(() => mergeCubes([a, a], 'Tid')).toThrow(MergeError);
		expect(() => mergeCubes([a, a], 'Tid')).toThrow(/Tid=2016 occurs in more than one part/);
		const other = read(`${BEF_SV}-3e8562-POST.json`, metaSv).cube;
		expect(() => mergeCubes([a, other], 'Tid')).toThrow(/has dimensions/);
		expect(() => mergeCubes([a], 'Nope')).toThrow(/no dimension "Nope"/);
	});

	it('moves status markers with their cells', () => {
		const mk = (year: string, v: string) =>
			readPxWebJson(
				{ columns: [{ code: 'R', type: 'd' }, { code: 'T', type: 't' }, { code: 'X', type: 'c' }], data: [{ key: ['a', year], values: [v] }, { key: ['b', year], values: ['1'] }] },
				{ origin: year }
			).cube;
		const m = mergeCubes([mk('2001', '..'), mk('2000', '5')], 'T', ['2000', '2001']);
		expect(m.values).toEqual([5, null, 1, 1]);
		expect(m.status).toEqual(new Map([[1, '..']]));
	});
});

describe('readPxWebJson: tables without ContentsCode, grouped (agg:/vs:) variables', () => {
	const meta = {
		title: 'Sociala relationer efter region, kön och år',
		variables: [
			{ code: 'Region', text: 'region', values: ['00', '01'], valueTexts: ['00 Riket', '01 Stockholms län'], elimination: true },
			{ code: 'År', text: 'år', values: ['2021-2024'], valueTexts: ['2021-2024'], time: true }
		]
	};
	const answer = {
		columns: [
			{ code: 'Region', text: 'region', type: 'd' },
			{ code: 'År', text: 'år', type: 't' },
			{ code: 'HLV', text: 'Andel (procent)', type: 'c' }
		],
		data: [
			{ key: ['00', '2021-2024'], values: ['12.3'] },
			{ key: ['01', '2021-2024'], values: ['..'] }
		]
	};
	it('no content variable in the metadata → content dimension last, labelled by the column text', () => {
		const { cube } = readPxWebJson(answer, { origin: 'fohm', metadata: meta });
		expect(cube.dimensions.map((d) => d.code)).toEqual(['Region', 'År', 'ContentsCode']);
		expect(cube.dimensions[2].categories[0]).toMatchObject({ code: 'HLV', label: { sv: 'Andel (procent)' } });
		expect(cube.values).toEqual([12.3, null]);
		expect(cube.dimensions[0].categories[1].label.sv).toBe('01 Stockholms län');
	});
	it('codes outside the metadata are an error, unless the variable was queried with agg:/vs:', () => {
		const grouped = { ...answer, data: [{ key: ['SE11', '2021-2024'], values: ['1'] }, ...answer.data] };
		expect(() => readPxWebJson(grouped, { origin: 'fohm', metadata: meta })).toThrow(/"SE11" of Region are not in the table metadata/);
		const { cube } = readPxWebJson(grouped, { origin: 'fohm', metadata: meta, groupedVariables: ['Region'] });
		expect(cube.dimensions[0].categories.map((c) => c.code)).toEqual(['00', '01', 'SE11']);
		expect(cube.values).toEqual([12.3, null, 1]);
	});
});
