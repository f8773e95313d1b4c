/** Reads a CSV into string records with DuckDB (all columns as text; the caller types them). */
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit } from './duckdb.ts';

export async function readCsvRecords(con: DuckDBConnection, file: string): Promise<Record<string, string>[]> {
	const reader = await con.runAndReadAll(
		`SELECT * FROM read_csv(${lit(file)}, header = true, all_varchar = true, quote = '"', escape = '"', delim = ',')`
	);
	return reader.getRowObjectsJS().map((r, i) => {
		const out: Record<string, string> = {};
		for (const [k, v] of Object.entries(r)) out[k] = v === null ? '' : String(v);
		out.line = String(i + 2);
		return out;
	});
}
