/**
 * The Node implementation of `Engine` (@duckdb/node-api), for everything that runs SQL outside
 * the browser: prerendering (db.ts `nodeEngine` over static/data), the pipeline writing Parquet
 * and checking keys (pipelines/write), and the benchmark. The browser's DuckDB-WASM implements
 * the same interface (duckdb-browser.ts). The SQL they run lives in the query modules
 * (src/lib/data/*queries.ts); what is here is the engine's own DDL: a partition as a table, and a
 * table filled through DuckDB's appender (no SQL text per row).
 * Relative imports with extensions: the pipeline and the bench import this under plain tsx.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../data/engine.ts';
import type { ObservationField } from '../data/observation.ts';
import { sqlIdent, sqlString, sqlTable, tableOf } from '../data/sql.ts';

/** A column as the appender fills it: its name, DuckDB type and whether it may be NULL. */
export type AppendField = Pick<ObservationField, 'sql' | 'required'> & { name: string };

export interface NodeEngine extends Engine {
	/** (Re)creates `table` with `fields` as columns and appends `rows` (values taken by field name). */
	append(table: string, fields: readonly AppendField[], rows: readonly object[]): Promise<void>;
	close(): void;
}

export interface NodeEngineOptions {
	/** DuckDB worker threads (default: DuckDB's own choice). */
	threads?: number;
}

/**
 * An engine over a data folder laid out as the pipeline writes it (`<dir>/indicators/<id>.parquet`).
 * An indicator without a partition gets an empty table of the same schema, so its page renders
 * with "no data" rather than failing the build.
 */
export function createNodeEngine(dataDir: string, options: NodeEngineOptions = {}): NodeEngine {
	let connection: Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> | null = null;
	const connect = () =>
		(connection ??= DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {}).then(async (instance) => ({
			instance,
			con: await instance.connect()
		})));
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
		async append(table, fields, rows) {
			const { con } = await connect();
			await con.run(`CREATE OR REPLACE TABLE ${sqlTable(table)} (${fields.map((f) => `${sqlIdent(f.name)} ${f.sql}${f.required ? ' NOT NULL' : ''}`).join(', ')})`);
			const app = await con.createAppender(table);
			const put = fields.map((f): ((v: never) => void) => {
				if (f.sql === 'VARCHAR') return (v: string) => app.appendVarchar(v);
				if (f.sql === 'INTEGER') return (v: number) => app.appendInteger(v);
				if (f.sql === 'DOUBLE') return (v: number) => app.appendDouble(v);
				return (v: boolean) => app.appendBoolean(v);
			});
			for (const row of rows) {
				const r = row as Record<string, never>;
				fields.forEach((f, i) => {
					const v = r[f.name];
					if (v === null || v === undefined) app.appendNull();
					else put[i](v);
				});
				app.endRow();
			}
			app.closeSync();
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

/** One engine for the length of `fn`, closed afterwards (a pipeline run, a bench child). */
export async function withNodeEngine<T>(dataDir: string, fn: (engine: NodeEngine) => Promise<T>, options: NodeEngineOptions = {}): Promise<T> {
	const engine = createNodeEngine(dataDir, options);
	try {
		return await fn(engine);
	} finally {
		engine.close();
	}
}
