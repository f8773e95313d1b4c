/** One in-memory DuckDB for a pipeline run (Parquet writing, datapackage checks). */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export async function withDuckDB<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
	const instance = await DuckDBInstance.create(':memory:');
	const con = await instance.connect();
	try {
		return await fn(con);
	} finally {
		con.closeSync();
		instance.closeSync();
	}
}

/** SQL string literal: the site's one quoting helper. */
export { sqlString as lit } from '../src/lib/data/sql.ts';
