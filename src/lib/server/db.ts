/**
 * Build-time query runner: the same Query values the browser runs in DuckDB-WASM, run here by
 * @duckdb/node-api over static/data, so prerendered first views show exactly what the
 * interactive page will. Server-only (src/lib/server is never bundled for the browser).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { tableOf, type Query } from '$lib/data/queries';

const dataDir = path.resolve('static/data');
let connection: Promise<DuckDBConnection> | null = null;
const loaded = new Set<string>();

async function connect(): Promise<DuckDBConnection> {
	const instance = await DuckDBInstance.create(':memory:');
	return instance.connect();
}

async function ensure(con: DuckDBConnection, indicator: string): Promise<void> {
	if (loaded.has(indicator)) return;
	const file = path.join(dataDir, 'indicators', `${indicator}.parquet`);
	const table = tableOf(indicator);
	if (fs.existsSync(file)) await con.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
	else await con.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_parquet('${path.join(dataDir, 'observations.parquet').replaceAll("'", "''")}') WHERE false`);
	loaded.add(indicator);
}

export async function runQuery<Row>(q: Query<Row>): Promise<Row[]> {
	connection ??= connect();
	const con = await connection;
	for (const id of q.indicators) await ensure(con, id);
	const reader = await con.runAndReadAll(q.sql);
	return reader.getRowObjectsJS().map((r) => q.map(r as Record<string, unknown>));
}

/** JSON dimension files written by the pipeline (indicators.json, regions.json, …). */
export function readDataJson<T>(name: string): T {
	return JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8')) as T;
}
