/**
 * The query module against the built data, in Node's DuckDB (the browser runs the same SQL):
 * the one-round-trip view query must return exactly what the separate per-chart queries return.
 */
import path from 'node:path';
import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBreakdownQuery, indicatorViewQuery, regionComparisonQuery, splitView, tableOf, trendQuery, type Query, type ViewPart } from '../../src/lib/data/queries';

const dataDir = path.resolve(import.meta.dirname, '../../static/data');
let con: DuckDBConnection;

async function run<T>(q: Query<T>): Promise<T[]> {
	for (const id of q.indicators) await con.run(`CREATE OR REPLACE VIEW ${tableOf(id)} AS SELECT * FROM read_parquet('${path.join(dataDir, 'indicators', `${id}.parquet`)}')`);
	return (await con.runAndReadAll(q.sql)).getRowObjectsJS().map((r) => q.map(r as Record<string, unknown>));
}

beforeAll(async () => {
	if (!fs.existsSync(path.join(dataDir, 'indicators/no_confidant.parquet'))) throw new Error('run `npm run pipeline` first');
	con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => con?.closeSync());

describe('indicatorViewQuery', () => {
	it.each([
		['no_confidant', '21', 'K' as const, 'age'],
		['trust_others', '00', 'T' as const, 'country_of_birth'],
		// Real county windows are published for both sexes together only (no example values beside them), hence T.
		['refrained_going_out', '09', 'T' as const, 'education']
	])('%s, region %s, sex %s, %s: each part equals its own query', async (indicator, region, sex, groupDim) => {
		const groupPeriod = { start: 2024, end: 2024 };
		const countyPeriod = { start: 2021, end: 2024 };
		const combined = await run(indicatorViewQuery({ indicator, region, sex, groupDim, groupPeriod, countyPeriod }));
		const part = (p: ViewPart) => splitView(combined, p);
		expect(part('trend')).toEqual(await run(trendQuery({ indicator, region, sex, groupDim: 'total', groupCode: 'total' })));
		expect(part('groups')).toEqual(await run(groupBreakdownQuery({ indicator, region: '00', sex, groupDim, period: groupPeriod })));
		expect(part('counties')).toEqual(await run(regionComparisonQuery({ indicator, sex, period: countyPeriod })));
		if (region !== '00') expect(part('nation')).toEqual(await run(trendQuery({ indicator, region: '00', sex, groupDim: 'total', groupCode: 'total' })));
		else expect(part('nation')).toEqual([]);
		expect(part('counties').length).toBe(22);
		expect(part('groups').length).toBeGreaterThan(2);
	});

	it('refuses an indicator id that could inject SQL', () => {
		expect(() => tableOf("x; DROP TABLE y")).toThrow(/invalid indicator id/);
	});
});
