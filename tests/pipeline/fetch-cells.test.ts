/**
 * Which cells a fetch keeps: codes chosen by their text, Kolada's deleted rows, and levels a
 * source is not used for (school_unsafe's nation comes from published figures, never Kolada).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeByText, resolveSelection, resolveTotalTexts, SpecError, type TableShape } from '../../pipelines/fetch/query.ts';
import { readKoladaPages } from '../../pipelines/fetch/kolada.ts';
import { cubeToJsonStat } from '../../pipelines/cube/to-jsonstat.ts';
import { loadCatalog } from '../../pipelines/catalog/load.ts';
import { readFetched } from '../../pipelines/intake/fetched.ts';

const repo = path.resolve(__dirname, '../..');

const shape: TableShape = {
	variables: [
		{ code: 'Sociala relationer', values: ['01', '40', '45'], texts: ['01 Avstått från att gå ut ensam på grund av rädsla**', 'Svårt att lita på andra', 'Låg  tillit till samhällets institutioner'], elimination: false, time: false },
		{ code: 'Ålder', values: ['29', '30', '31'], texts: ['Totalt 16- år', 'Totalt 16-84 år', '16-29 år'], elimination: false, time: false },
		{ code: 'År', values: ['2024'], texts: ['2024'], elimination: false, time: true }
	]
};

describe('codes by text', () => {
	it('matches ignoring case, spacing, a leading code and footnote stars; never a partial text', () => {
		const v = shape.variables[0];
		expect(codeByText(v, ['låg tillit till samhällets institutioner'], 'T')).toBe('45');
		expect(codeByText(v, ['Avstått från att gå ut ensam på grund av rädsla'], 'T')).toBe('01');
		expect(codeByText(shape.variables[1], ['Totalt 16-84 år'], 'T')).toBe('30');
		// alternatives in order: the first found wins
		expect(codeByText(shape.variables[1], ['16-84 år', 'Totalt 16- år'], 'T')).toBe('29');
		expect(() => codeByText(shape.variables[1], ['16-84 år'], 'hlv1x.px')).toThrow(
			new SpecError('hlv1x.px: no value of "Ålder" has the text "16-84 år" (the metadata has 29 "Totalt 16- år", 30 "Totalt 16-84 år", 31 "16-29 år")')
		);
	});

	it('a text filter becomes an item selection; totalTexts become codes; unknown variables are named', () => {
		const vars = resolveSelection({ 'Sociala relationer': { filter: 'text', values: ['Svårt att lita på andra'] }, Ålder: '*', År: '*' }, shape, 'T');
		expect(vars[0]).toMatchObject({ code: 'Sociala relationer', filter: 'item', values: ['40'] });
		expect(resolveTotalTexts({ Ålder: ['Totalt 16-84 år'] }, shape, 'T')).toEqual({ Ålder: '30' });
		expect(() => resolveTotalTexts({ Alder: ['x'] }, shape, 'T')).toThrow(/total texts for unknown variable "Alder"; the table has Sociala relationer, Ålder, År/);
	});
});

describe('Kolada rows and levels', () => {
	const page = {
		values: [
			{ kpi: 'N15643', municipality: '0000', period: 2023, values: [{ gender: 'T', value: 81.0, isdeleted: false }] },
			{ kpi: 'N15643', municipality: '1441', period: 2023, values: [{ gender: 'T', value: 12.3, isdeleted: true }] },
			{ kpi: 'N15643', municipality: '1441', period: 2023, isdeleted: false, values: [{ gender: 'T', value: 77.2 }] },
			{ kpi: 'N15643', municipality: '0180', period: 2023, isdeleted: true, values: [{ gender: 'T', value: 55.5 }] }
		]
	};

	it('isdeleted values and rows are dropped before the first kept value, with a warning', () => {
		const { cube, warnings } = readKoladaPages([page], 'kolada');
		expect(cube.dimensions[1].categories.map((c) => c.code)).toEqual(['0000', '1441']);
		expect(cube.values).toEqual([81.0, 77.2]);
		expect(warnings.map((w) => w.message)).toEqual(['2 value(s) marked isdeleted dropped']);
	});

	it('school_unsafe: a nation row in a Kolada answer is a reject (published figures hold the nation); municipalities are 100 − N15643', () => {
		const raw = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-cells-'));
		try {
			const dir = path.join(raw, 'skolinspektionen');
			fs.mkdirSync(dir);
			const { cube } = readKoladaPages([page], 'kolada');
			fs.writeFileSync(path.join(dir, 'school_unsafe.json-stat.json'), JSON.stringify(cubeToJsonStat(cube, 'sv')));
			const entry = { indicator: 'school_unsafe', publisher: 'skolinspektionen', api: 'kolada-v3', base_url: 'x', table: 'N15643', url: 'x', fetched_at: '2026-11-30T00:00:00Z', cube_file: 'school_unsafe.json-stat.json', files: [], calls: 1 };
			fs.writeFileSync(path.join(dir, 'fetched.json'), JSON.stringify([entry]));
			const r = readFetched(loadCatalog(path.join(repo, 'data/catalog')), raw);
			expect(r.observations.map((o) => [o.obs.region_code, o.obs.value])).toEqual([['1441', 22.8]]);
			expect(r.rejects).toEqual([expect.objectContaining({ key: 'school_unsafe: region=00, period=2023-2023, sex=T', reason: expect.stringMatching(/^nation values of school_unsafe do not come from skolinspektionen \(catalog source\.api_geography: municipality\)$/) })]);
			expect(r.inputCells).toBe(r.observations.length + r.rejects.length);
		} finally {
			fs.rmSync(raw, { recursive: true, force: true });
		}
	});
});
