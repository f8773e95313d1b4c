/**
 * The same SCB table read through different formats gives the same numbers:
 * v1 json (readPxWebJson), v1 json-stat 1.x and v2 json-stat2 (readJsonStat), PX (readPx).
 */
import { describe, expect, it } from 'vitest';
import { readPxWebJson, readPxWebMetadata } from '../../pipelines/read/pxweb-json.ts';
import { readJsonStat } from '../../pipelines/read/jsonstat.ts';
import { readPxText } from '../../pipelines/read/px/index.ts';
import { BEF_SV, V2, readJson, readText } from '../helpers/fixtures.ts';
import { cellMap } from '../helpers/cube-lookup.ts';

const metaSv = readJson(`${BEF_SV}.json`);
const v1json = (hash: string) => readPxWebJson(readText(`${BEF_SV}-${hash}-POST.json`), { origin: hash, metadata: metaSv }).cube;

describe('cross-format: v1 json = v1 json-stat = v2 json-stat2 = PX', () => {
	it('e57f52 (json) = 28a10f (json-stat 1.x) = 5082662, cell by cell and with the same dimensions', () => {
		const a = v1json('e57f52');
		const r = readJsonStat(readText(`${BEF_SV}-28a10f-POST.json`), { origin: '28a10f', lang: 'sv' });
		expect(r.cubes).toHaveLength(1);
		const b = r.cubes[0];
		expect(b.values).toEqual([5082662]);
		expect(b.dimensions.map((d) => d.code)).toEqual(a.dimensions.map((d) => d.code));
		expect([...cellMap(a)]).toEqual([...cellMap(b)]);
		expect(b.dimensions[0].categories[0].label.sv).toBe(a.dimensions[0].categories[0].label.sv);
	});

	it('3e8562 (v1 json) = TAB638 v2 json-stat2 = 50937', () => {
		const a = v1json('3e8562');
		const b = readJsonStat(readText(`${V2}/tables/TAB638/data-35e0e2-5aec69-POST.json`), { origin: 'TAB638', lang: 'sv' }).cubes[0];
		expect(a.values).toEqual([50937]);
		expect(b.values).toEqual([50937]);
		expect([...cellMap(a)]).toEqual([...cellMap(b)]);
		expect(b.dimensions.map((d) => d.categories[0].label.sv)).toEqual(a.dimensions.map((d) => d.categories[0].label.sv));
	});

	it('v1 metadata BefolkningNy and v2 metadata TAB638 describe the same table (codes and labels)', () => {
		const a = readPxWebMetadata(metaSv, 'v1');
		const r = readJsonStat(readText(`${V2}/tables/TAB638/metadata-f01ece.json`), { origin: 'TAB638 metadata', lang: 'sv', lenient: true });
		const b = r.cubes[0];
		expect(b.dimensions.map((d) => d.code)).toEqual(a.dimensions.map((d) => d.code));
		expect(b.dimensions.map((d) => d.categories.length)).toEqual([312, 4, 102, 2, 2, 57]);
		for (let i = 0; i < a.dimensions.length; i++) {
			expect(b.dimensions[i].categories.map((c) => c.code)).toEqual(a.dimensions[i].categories.map((c) => c.code));
		}
		expect(b.dimensions[0].categories.map((c) => c.label.sv)).toEqual(a.dimensions[0].categories.map((c) => c.label.sv));
	});

	it('a PX file holding 21059a’s numbers reads to the same cells as the json answer', () => {
		const json = v1json('21059a');
		const values = json.values.join(' ');
		const px = [
			'CHARSET="ANSI";',
			'AXIS-VERSION="2000";',
			'LANGUAGE="sv";',
			'MATRIX="BefolkningNy";',
			'SUBJECT-CODE="BE";',
			'SUBJECT-AREA="Befolkning";',
			'TITLE="Folkmängd efter civilstånd, tabellinnehåll och år";',
			'CONTENTS="Folkmängd";',
			'UNITS="antal";',
			'DECIMALS=0;',
			'STUB="civilstånd";',
			'HEADING="tabellinnehåll","år";',
			'VALUES("civilstånd")="ogifta","gifta","skilda","änkor/änklingar";',
			'VALUES("tabellinnehåll")="Folkmängd";',
			'VALUES("år")="2015","2016","2017";',
			'CODES("civilstånd")="OG","G","SK","ÄNKL";',
			'CODES("tabellinnehåll")="BE0101N1";',
			'CODES("år")="2015","2016","2017";',
			'VARIABLECODE("civilstånd")="Civilstand";',
			'VARIABLECODE("tabellinnehåll")="ContentsCode";',
			'VARIABLECODE("år")="Tid";',
			'TIMEVAL("år")=TLIST(A1),"2015","2016","2017";',
			'CONTVARIABLE="tabellinnehåll";',
			'SOURCE="SCB";',
			`DATA=\n${values};`
		].join('\n');
		const { cube } = readPxText(px, { origin: '21059a.px', lang: 'sv' });
		expect(cube.dimensions.map((d) => d.code)).toEqual(['Civilstand', 'ContentsCode', 'Tid']);
		expect([...cellMap(cube)]).toEqual([...cellMap(json)]);
		expect(cube.dimensions[0].categories.map((c) => c.label.sv)).toEqual(json.dimensions[0].categories.map((c) => c.label.sv));
	});
});
