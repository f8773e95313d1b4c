/**
 * Observations → Parquet. One combined file for downloads and tools, plus one small file per
 * indicator (what a page fetches, as Our World in Data serves one file per indicator), each
 * sorted by region and period, zstd-compressed; DuckDB dictionary-encodes the repeated strings.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { OBSERVATION_KEY, observationDdl, type Observation } from '../../src/lib/data/observation.ts';
import { lit } from '../duckdb.ts';

const SCHEMA = observationDdl();

const ORDER = OBSERVATION_KEY.join(', ');
const PARQUET = "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)";

export async function loadObservations(con: DuckDBConnection, observations: readonly Observation[]): Promise<void> {
	await con.run(`CREATE OR REPLACE TABLE observations (${SCHEMA})`);
	const app = await con.createAppender('observations');
	for (const o of observations) {
		app.appendVarchar(o.indicator_id);
		app.appendVarchar(o.region_code);
		app.appendInteger(o.period_start);
		app.appendInteger(o.period_end);
		app.appendVarchar(o.sex);
		app.appendVarchar(o.group_dim);
		app.appendVarchar(o.group_code);
		appendNullable(o.value, (v) => app.appendDouble(v), () => app.appendNull());
		appendNullable(o.ci_low, (v) => app.appendDouble(v), () => app.appendNull());
		appendNullable(o.ci_high, (v) => app.appendDouble(v), () => app.appendNull());
		appendNullable(o.n, (v) => app.appendInteger(v), () => app.appendNull());
		appendNullable(o.status, (v) => app.appendVarchar(v), () => app.appendNull());
		app.appendVarchar(o.source_id);
		app.appendBoolean(o.is_demo);
		app.endRow();
	}
	app.closeSync();
}

function appendNullable<T>(v: T | null, some: (v: T) => void, none: () => void): void {
	if (v === null || v === undefined) none();
	else some(v);
}

/** Writes observations.parquet and indicators/<id>.parquet into `dir`; returns the files written. */
export async function writeObservationParquet(con: DuckDBConnection, dir: string): Promise<string[]> {
	const files: string[] = [];
	const all = path.join(dir, 'observations.parquet');
	await con.run(`COPY (SELECT * FROM observations ORDER BY ${ORDER}) TO ${lit(all)} ${PARQUET}`);
	files.push(all);
	fs.mkdirSync(path.join(dir, 'indicators'), { recursive: true });
	const ids = (await con.runAndReadAll('SELECT DISTINCT indicator_id FROM observations ORDER BY 1')).getRows().map((r) => String(r[0]));
	for (const id of ids) {
		const file = path.join(dir, 'indicators', `${id}.parquet`);
		await con.run(`COPY (SELECT * FROM observations WHERE indicator_id = ${lit(id)} ORDER BY ${ORDER}) TO ${lit(file)} ${PARQUET}`);
		files.push(file);
	}
	return files;
}

/** Any list of flat records → a Parquet file (dimension tables: sources, regions, …). */
export async function writeRecordsParquet(con: DuckDBConnection, records: readonly object[], file: string): Promise<void> {
	const tmp = `${file}.ndjson`;
	fs.writeFileSync(tmp, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
	await con.run(`COPY (SELECT * FROM read_json(${lit(tmp)}, format = 'newline_delimited')) TO ${lit(file)} ${PARQUET}`);
	fs.rmSync(tmp);
}
