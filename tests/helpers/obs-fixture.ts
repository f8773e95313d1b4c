/**
 * A small, hand-made observation table for query tests: two indicators, the nation, two
 * counties and a municipality, both sexes and the total, one group dimension, single years and
 * a pooled window, a suppressed cell, real and example rows. Values are plain JS (no SQL), with
 * asymmetric CIs (ci_low and ci_high at different distances), so a mapper that swaps or zeroes a
 * field gives different rows. Written to Parquet with the pipeline's column types, by DDL here,
 * not by the code under test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import type { Observation, Sex } from '../../src/lib/data/observation';
import { createNodeEngine, type NodeEngine } from '../../src/lib/server/node-engine';

export const FIXTURE_INDICATORS = ['alpha', 'beta'] as const;

export function fixtureRows(): Observation[] {
	const rows: Observation[] = [];
	const periods: [number, number][] = [
		[2022, 2022],
		[2023, 2023],
		[2024, 2024],
		[2021, 2024]
	];
	const regions = ['00', '01', '03', '0114'];
	const groups: [string, string][] = [
		['total', 'total'],
		['age', '16-29'],
		['age', '65-84']
	];
	let k = 0;
	for (const [ii, indicator_id] of FIXTURE_INDICATORS.entries())
		for (const [ri, region_code] of regions.entries())
			for (const [pi, [period_start, period_end]] of periods.entries())
				for (const [si, sex] of (['T', 'K', 'M'] as Sex[]).entries())
					for (const [gi, [group_dim, group_code]] of groups.entries()) {
						k++;
						// Counties have only the pooled window; groups only for the nation; beta lacks 2022.
						if (region_code !== '00' && period_start === period_end) continue;
						if (region_code !== '00' && group_dim !== 'total') continue;
						if (indicator_id === 'beta' && period_start === 2022) continue;
						const suppressed = region_code === '03' && sex === 'M' && indicator_id === 'alpha';
						const value = suppressed ? null : Math.round((10 + ii * 7 + ri * 1.3 + pi * 0.9 + si * 0.4 + gi * 2.1) * 10) / 10;
						rows.push({
							indicator_id,
							region_code,
							period_start,
							period_end,
							sex,
							group_dim,
							group_code,
							value,
							ci_low: value === null ? null : Math.round((value - 1.1 - (k % 3) * 0.1) * 10) / 10,
							ci_high: value === null ? null : Math.round((value + 1.6 + (k % 2) * 0.2) * 10) / 10,
							n: value === null ? null : 200 + k,
							status: suppressed ? '..' : null,
							source_id: region_code === '00' && group_dim === 'total' ? 'real-src' : 'demo-src',
							is_demo: !(region_code === '00' && group_dim === 'total')
						});
					}
	return rows;
}

const DDL = `indicator_id VARCHAR, region_code VARCHAR, period_start INTEGER, period_end INTEGER, sex VARCHAR,
	group_dim VARCHAR, group_code VARCHAR, value DOUBLE, ci_low DOUBLE, ci_high DOUBLE, n INTEGER, status VARCHAR,
	source_id VARCHAR, is_demo BOOLEAN`;

const q = (v: unknown) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));

/** Writes `<dir>/indicators/<id>.parquet` and `<dir>/observations.parquet`; returns the dir. */
export async function writeFixtureParquet(rows: readonly Observation[] = fixtureRows()): Promise<string> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-fixture-'));
	fs.mkdirSync(path.join(dir, 'indicators'));
	const instance = await DuckDBInstance.create(':memory:');
	const con = await instance.connect();
	try {
		await con.run(`CREATE TABLE o (${DDL})`);
		const values = rows.map((r) => `(${[r.indicator_id, r.region_code, r.period_start, r.period_end, r.sex, r.group_dim, r.group_code, r.value, r.ci_low, r.ci_high, r.n, r.status, r.source_id, r.is_demo].map(q).join(', ')})`);
		await con.run(`INSERT INTO o VALUES ${values.join(',\n')}`);
		await con.run(`COPY o TO '${path.join(dir, 'observations.parquet')}' (FORMAT parquet)`);
		for (const id of new Set(rows.map((r) => r.indicator_id)))
			await con.run(`COPY (SELECT * FROM o WHERE indicator_id = '${id}') TO '${path.join(dir, 'indicators', `${id}.parquet`)}' (FORMAT parquet)`);
	} finally {
		con.closeSync();
		instance.closeSync();
	}
	return dir;
}

/**
 * The real Node engine over `rows`, written to a temporary Parquet folder for the calling test
 * file: opened before its tests, closed and removed after them. The returned engine forwards to
 * it, so a test file declares it once at the top.
 */
export function fixtureEngine(rows: readonly Observation[] = fixtureRows()): Engine {
	let dir = '';
	let inner: NodeEngine | undefined;
	beforeAll(async () => {
		dir = await writeFixtureParquet(rows);
		inner = createNodeEngine(dir);
	});
	afterAll(() => {
		inner?.close();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});
	const open = () => inner ?? (() => { throw new Error('fixtureEngine: used outside a test (before beforeAll ran)'); })();
	return { load: (indicator) => open().load(indicator), query: (sql) => open().query(sql) };
}
