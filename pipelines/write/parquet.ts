/**
 * Observations → Parquet. One combined file for downloads and tools, plus one small file per
 * indicator (what a page fetches, as Our World in Data serves one file per indicator), each
 * sorted by region and period, zstd-compressed. The SQL is the query layer's
 * (src/lib/data/file-queries.ts), run through the one Engine interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/lib/data/engine.ts';
import { indicatorIdsQuery, ndjsonToParquet, observationsToParquet, OBSERVATIONS_TABLE } from '../../src/lib/data/file-queries.ts';
import { OBSERVATION_FIELDS, type Observation } from '../../src/lib/data/observation.ts';
import type { NodeEngine } from '../../src/lib/server/node-engine.ts';

/** Fills the observation table: its columns, types and NOT NULLs are the observation schema's. */
export async function loadObservations(engine: NodeEngine, observations: readonly Observation[]): Promise<void> {
	await engine.append(OBSERVATIONS_TABLE, OBSERVATION_FIELDS, observations);
}

/** Writes observations.parquet and indicators/<id>.parquet into `dir`; returns the files written. */
export async function writeObservationParquet(engine: NodeEngine, dir: string): Promise<string[]> {
	const all = path.join(dir, 'observations.parquet');
	await run(engine, observationsToParquet(all));
	const files = [all];
	fs.mkdirSync(path.join(dir, 'indicators'), { recursive: true });
	for (const id of await run(engine, indicatorIdsQuery)) {
		const file = path.join(dir, 'indicators', `${id}.parquet`);
		await run(engine, observationsToParquet(file, id));
		files.push(file);
	}
	return files;
}

/** Any list of flat records → a Parquet file (dimension tables: sources, regions, …). */
export async function writeRecordsParquet(engine: NodeEngine, records: readonly object[], file: string): Promise<void> {
	const tmp = `${file}.ndjson`;
	fs.writeFileSync(tmp, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
	await run(engine, ndjsonToParquet(tmp, file));
	fs.rmSync(tmp);
}
