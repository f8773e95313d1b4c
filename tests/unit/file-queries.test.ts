/**
 * The pipeline's file SQL (src/lib/data/file-queries.ts) run through the Node engine, against
 * oracles in plain JS: the observation table written by the engine's appender and copied to
 * Parquet comes back as the same rows in key order; the key checks count what a JS scan of the
 * rows counts, and find the duplicate, the missing key and the dangling reference planted here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/lib/data/engine';
import { danglingKeysQuery, duplicateKeysQuery, indicatorIdsQuery, missingKeysQuery, observationsToParquet, parquetToCsv, columnsQuery } from '../../src/lib/data/file-queries';
import { OBSERVATION_FIELDS, OBSERVATION_KEY, observationKey, type Observation } from '../../src/lib/data/observation';
import { createNodeEngine, type NodeEngine } from '../../src/lib/server/node-engine';
import { fixtureRows, FIXTURE_INDICATORS } from '../helpers/obs-fixture';
import { parseCsv } from '../../src/lib/export/csv';

const rows = fixtureRows();
let dir: string;
let engine: NodeEngine;
const file = (name: string) => path.join(dir, `${name}.parquet`);
const byKey = (a: Observation, b: Observation) => {
	for (const k of OBSERVATION_KEY) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
	return 0;
};
const readBack = async (f: string): Promise<Record<string, unknown>[]> => engine.query(`SELECT * FROM read_parquet('${f}')`);

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-queries-'));
	engine = createNodeEngine(dir);
	// shuffled, so the order that comes back is the query's
	await engine.append('observations', OBSERVATION_FIELDS, [...rows].reverse());
	await run(engine, observationsToParquet(file('all')));
	await run(engine, observationsToParquet(file('beta'), 'beta'));
	// a clean key table, and one with a duplicate and a missing key
	await engine.append('ids', [{ name: 'id', sql: 'VARCHAR', required: false }], [{ id: 'alpha' }, { id: 'beta' }]);
	await engine.query(`COPY ids TO '${file('ids')}' (FORMAT parquet)`);
	await engine.append('ids', [{ name: 'id', sql: 'VARCHAR', required: false }], [{ id: 'alpha' }, { id: 'alpha' }, { id: null }]);
	await engine.query(`COPY ids TO '${file('bad_ids')}' (FORMAT parquet)`);
});
afterAll(() => {
	engine?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('observations → Parquet', () => {
	it('every row comes back, with its types, sorted by the observation key', async () => {
		const back = (await readBack(file('all'))).map((r) => ({ ...r, n: r.n === null ? null : Number(r.n) })) as unknown as Observation[];
		expect(back).toEqual([...rows].sort(byKey));
	});
	it('one indicator: only its rows, in key order', async () => {
		const back = (await readBack(file('beta'))).map((r) => observationKey(r as unknown as Observation));
		expect(back).toEqual(rows.filter((r) => r.indicator_id === 'beta').sort(byKey).map(observationKey));
		expect(back.length).toBeGreaterThan(0);
	});
	it('lists the indicators present, and the Parquet file has the schema\'s columns and types', async () => {
		expect(await run(engine, indicatorIdsQuery)).toEqual([...FIXTURE_INDICATORS]);
		expect(await run(engine, columnsQuery(file('all')))).toEqual(OBSERVATION_FIELDS.map((f) => ({ name: f.name, type: f.sql })));
	});
	it('Parquet → CSV: a header and one line per row, missing values empty', async () => {
		const csv = path.join(dir, 'all.csv');
		await run(engine, parquetToCsv(file('all'), csv));
		const parsed = parseCsv(fs.readFileSync(csv, 'utf8'));
		expect(parsed).toHaveLength(rows.length);
		const suppressed = rows.find((r) => r.value === null)!;
		const line = parsed.find((p) => p.region_code === suppressed.region_code && p.period_start === String(suppressed.period_start) && p.sex === suppressed.sex && p.group_code === suppressed.group_code && p.indicator_id === suppressed.indicator_id && p.period_end === String(suppressed.period_end))!;
		expect(line.value).toBe('');
		expect(line.status).toBe(suppressed.status);
	});
});

describe('key checks (what the datapackage declares only when it holds)', () => {
	it('the observation key holds on the written file: no duplicate, none missing', async () => {
		expect(new Set(rows.map(observationKey)).size).toBe(rows.length);
		expect(await run(engine, duplicateKeysQuery(file('all'), [...OBSERVATION_KEY]))).toEqual([0]);
		expect(await run(engine, missingKeysQuery(file('all'), [...OBSERVATION_KEY]))).toEqual([0]);
	});
	it('a key that is not unique, and one with a hole, are found (counted as in JS)', async () => {
		// region_code alone repeats: as many duplicated values as JS finds
		const counts = new Map<string, number>();
		for (const r of rows) counts.set(r.region_code, (counts.get(r.region_code) ?? 0) + 1);
		const repeated = [...counts.values()].filter((c) => c > 1).length;
		expect(repeated).toBeGreaterThan(0);
		expect(await run(engine, duplicateKeysQuery(file('all'), ['region_code']))).toEqual([repeated]);
		expect(await run(engine, duplicateKeysQuery(file('bad_ids'), ['id']))).toEqual([1]);
		expect(await run(engine, missingKeysQuery(file('bad_ids'), ['id']))).toEqual([1]);
		// value is missing where the fixture suppressed a cell
		expect(await run(engine, missingKeysQuery(file('all'), ['value']))).toEqual([rows.filter((r) => r.value === null).length]);
	});
	it('dangling references: none to a complete table, every row of a missing id otherwise', async () => {
		expect(await run(engine, danglingKeysQuery(file('all'), ['indicator_id'], file('ids'), ['id']))).toEqual([0]);
		expect(await run(engine, danglingKeysQuery(file('all'), ['indicator_id'], file('bad_ids'), ['id']))).toEqual([rows.filter((r) => r.indicator_id === 'beta').length]);
	});
});
