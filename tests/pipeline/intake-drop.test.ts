/**
 * Dropping a file into data/raw/<publisher>/ with an intake mapping is all it takes: a real PX
 * file (Statistics Sweden's BE0101A1proc.px from the shared fixtures, not written by us) goes
 * through `npm run pipeline` — read → cube → select → tidy → check → write — into
 * observations.parquet, with no code change. The catalog gets one entry for it (a temporary copy).
 * Bad intake mappings stop the build with the file and the field named, and leave the previous
 * output as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseCsv } from '../../src/lib/export/csv.ts';
import { DROPPED_INTAKE, dropPx } from '../helpers/dropped-px.ts';

const repo = path.resolve(__dirname, '../..');
let tmp: string;
let env: Record<string, string>;

function run(env: Record<string, string>) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts'], { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' });
}

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-drop-'));
	env = dropPx(tmp);
});

afterAll(() => {
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a dropped PX file with an intake mapping', () => {
	it('is in observations.parquet: its values exactly, real, with the table and the cell it came from', async () => {
		const out = env.ENSAMHET_OUT_DIR;
		const res = run(env);
		expect(res.status, res.stdout + res.stderr).toBe(0);
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		const rows = (
			await con.runAndReadAll(`SELECT region_code, period_start, sex, value, is_demo, source_id FROM read_parquet('${path.join(out, 'observations.parquet')}') WHERE indicator_id = 'share_single' ORDER BY 1, 2, 3`)
		).getRowObjectsJS() as { region_code: string; period_start: number; sex: string; value: number; is_demo: boolean; source_id: string }[];
		con.closeSync();
		db.closeSync();
		// 3 counties × 2 years × 2 sexes; the file's "Per cent" cells of "single" (OG).
		expect(rows).toHaveLength(12);
		expect(rows.every((r) => r.is_demo === false)).toBe(true);
		const at = (region: string, year: number, sex: string) => rows.find((r) => r.region_code === region && r.period_start === year && r.sex === sex)?.value;
		expect(at('01', 2004, 'M')).toBe(52.43);
		expect(at('01', 2004, 'K')).toBe(47.57);
		expect(at('01', 2005, 'M')).toBe(52.43);
		const sources = JSON.parse(fs.readFileSync(path.join(out, 'sources.json'), 'utf8')) as { source_id: string; table?: string; input_file: string; input_sha256: string; kind?: string }[];
		const s = sources.find((x) => x.source_id === rows[0].source_id)!;
		expect(s).toMatchObject({ table: 'BE0101A1', kind: 'extract' });
		expect(s.input_sha256).toMatch(/^[0-9a-f]{64}$/);
		const prov = parseCsv(fs.readFileSync(path.join(out, 'provenance.csv'), 'utf8')).filter((p) => p.indicator_id === 'share_single');
		expect(prov).toHaveLength(12);
		// Cell 2 of the cube: region 01, single, 2004, Per cent, men.
		expect(prov.find((p) => p.region_code === '01' && p.period_start === '2004' && p.sex === 'M')!.location).toBe('cell 2');
		// The coverage report counts them as real county cells.
		const cov = JSON.parse(fs.readFileSync(path.join(out, 'coverage.json'), 'utf8')) as { indicator_id: string; level: string; breakdown: string; real_cells: number }[];
		expect(cov.filter((c) => c.indicator_id === 'share_single').reduce((n, c) => n + c.real_cells, 0)).toBe(12);
	});

	it('a mapping naming a dimension the table does not have stops the build with the file and the dimension; the previous output stays', () => {
		const out = path.join(tmp, 'out-bad');
		fs.mkdirSync(out, { recursive: true });
		fs.writeFileSync(path.join(out, 'marker.txt'), 'previous build');
		const raw = path.join(tmp, 'raw-bad');
		fs.cpSync(path.join(tmp, 'raw'), raw, { recursive: true });
		fs.writeFileSync(path.join(raw, 'scb/BE0101A1proc.intake.yaml'), DROPPED_INTAKE.replace('"marital status"', '"civilstånd"'));
		const res = run({ ENSAMHET_RAW_DIR: raw, ENSAMHET_CATALOG_DIR: path.join(tmp, 'catalog'), ENSAMHET_OUT_DIR: out });
		expect(res.status).not.toBe(0);
		expect(res.stderr).toMatch(/BE0101A1proc\.px: the mapping selects dimension "civilstånd", which the table does not have \(region, marital status, period, \$\$SORT, sex\)/);
		expect(fs.readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('previous build');
	});

	it('an intake YAML with an unknown field or a missing table is rejected naming the file and the field', () => {
		const raw = path.join(tmp, 'raw-bad2');
		fs.cpSync(path.join(tmp, 'raw'), raw, { recursive: true });
		fs.writeFileSync(path.join(raw, 'scb/BE0101A1proc.intake.yaml'), DROPPED_INTAKE.replace('    table: BE0101A1\n', '    tabel: BE0101A1\n'));
		const res = run({ ENSAMHET_RAW_DIR: raw, ENSAMHET_CATALOG_DIR: path.join(tmp, 'catalog'), ENSAMHET_OUT_DIR: path.join(tmp, 'out-bad2') });
		expect(res.status).not.toBe(0);
		expect(res.stderr).toMatch(/scb\/BE0101A1proc\.intake\.yaml: field "indicators\.0\.table"/);
		expect(res.stderr).toMatch(/field "indicators\.0": Unrecognized key: "tabel"|Unrecognized key.*tabel/);
	});
});
