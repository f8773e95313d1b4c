/**
 * The build-time engine: @duckdb/node-api over static/data, implementing the same `Engine` the
 * browser's DuckDB-WASM implements, so prerendered first views show exactly what the interactive
 * page will. Server-only (src/lib/server is never bundled for the browser).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { cached, type Engine } from '$lib/data/engine';
import { sqlString, tableOf } from '$lib/data/sql';

/**
 * An engine over a data folder laid out as the pipeline writes it (`<dir>/indicators/<id>.parquet`).
 * An indicator without a partition gets an empty table of the same schema, so its page renders
 * with "no data" rather than failing the build.
 */
export function createNodeEngine(dataDir: string): Engine & { close(): void } {
	let connection: Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> | null = null;
	const connect = () =>
		(connection ??= DuckDBInstance.create(':memory:').then(async (instance) => ({ instance, con: await instance.connect() })));
	return {
		async load(indicator) {
			const { con } = await connect();
			const file = path.join(dataDir, 'indicators', `${indicator}.parquet`);
			const table = tableOf(indicator);
			if (fs.existsSync(file)) await con.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet(${sqlString(file)})`);
			else await con.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_parquet(${sqlString(path.join(dataDir, 'observations.parquet'))}) WHERE false`);
		},
		async query(sql) {
			const { con } = await connect();
			return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
		},
		close() {
			void connection?.then(({ instance, con }) => {
				con.closeSync();
				instance.closeSync();
			});
			connection = null;
		}
	};
}

// The pipeline's output folder: static/data unless ENSAMHET_OUT_DIR names another (the same
// variable the pipeline writes to), so a page can be rendered from a freshly built data folder.
const dataDir = path.resolve(process.env.ENSAMHET_OUT_DIR ?? 'static/data');

/** The engine prerendering uses: static/data, each partition loaded once, answers cached. */
export const nodeEngine: Engine = cached(createNodeEngine(dataDir));

const parsed = new Map<string, { mtimeMs: number; value: unknown }>();

/**
 * JSON dimension files written by the pipeline (indicators.json, regions.json, …). Parsed once
 * per file version, not once per page: prerendering asks for regions.json and indicators.json
 * several times on each of ~600 pages. The value is frozen, so a caller that would change the
 * shared copy fails loudly instead of altering every later page; a new file (a pipeline run under
 * `vite dev`) is read again.
 */
export function readDataJson<T>(name: string): T {
	const file = path.join(dataDir, name);
	const mtimeMs = fs.statSync(file).mtimeMs;
	const hit = parsed.get(name);
	if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
	const value = deepFreeze(JSON.parse(fs.readFileSync(file, 'utf8')));
	parsed.set(name, { mtimeMs, value });
	return value as T;
}

function deepFreeze<T>(v: T): T {
	if (v && typeof v === 'object' && !Object.isFrozen(v)) {
		Object.freeze(v);
		for (const x of Object.values(v)) deepFreeze(x);
	}
	return v;
}
