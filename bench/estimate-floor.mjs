/**
 * The physical floor for `pipeline estimate` on a respondent file (bench/estimate.ts): a plain
 * Node process (no tsx, no project code) that opens DuckDB and reads the file with read_csv into
 * one SUM over the weight column. No estimator can read the file faster than this.
 *   node bench/estimate-floor.mjs <respondents.csv> <weight column>
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [file, weight] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const reader = await con.runAndReadAll(`SELECT sum(TRY_CAST("${weight}" AS DOUBLE)) AS s, CAST(count(*) AS INTEGER) AS n FROM read_csv(${q(file)}, header = true, all_varchar = true)`);
const [[sum, rows]] = reader.getRowsJS();
con.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ sum, rows }) + '\n');
