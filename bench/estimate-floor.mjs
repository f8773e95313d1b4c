/**
 * The physical floor for `pipeline estimate` on a respondent file (bench/estimate.ts): a plain
 * Node process (no tsx, no project code) that opens DuckDB and reads the file with read_csv into
 * one SUM over the weight column. No estimator can read the file faster than this.
 *   node bench/estimate-floor.mjs '<sql>'   (bench/estimate.ts passes respondentFileFloorQuery's SQL,
 *   from the query layer's bench-queries, so this file holds none)
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [sql] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const reader = await con.runAndReadAll(sql);
const [[sum, rows]] = reader.getRowsJS();
con.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ sum, rows }) + '\n');
