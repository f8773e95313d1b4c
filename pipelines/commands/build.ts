/**
 * `npm run pipeline` — the offline data build: raw extracts + catalog → static/data.
 * Everything is written into a staging folder and swapped in at the end (atomic.ts), so an
 * interrupted build leaves the previous data readable.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadIndicators } from '../catalog/load.ts';
import { beginStaging } from '../build/atomic.ts';
import { withDuckDB } from '../build/duckdb.ts';
import { outDir, relativeToRepo, repoRoot } from '../build/paths.ts';
import { loadMapping, publishedCsv, publishedToObservations, type PublishedRow } from '../build/published.ts';
import { readCsvRecords } from '../build/read-csv.ts';
import { loadObservations, writeObservationParquet, writeRecordsParquet } from '../build/write-parquet.ts';
import type { Reject } from '../build/types.ts';

export async function run(args: string[]): Promise<number> {
	if (args.length) {
		process.stderr.write(`error: build takes no arguments (got ${args.join(' ')})\n`);
		return 2;
	}
	const started = Date.now();
	const indicators = loadIndicators();
	const known = new Set(indicators.map((i) => i.id));
	const staging = beginStaging(outDir);
	try {
		const summary = await withDuckDB(async (con) => {
			const rows = (await readCsvRecords(con, publishedCsv)).map((r) => ({ ...r, line: Number(r.line) }) as unknown as PublishedRow);
			const published = publishedToObservations(rows, loadMapping(), sha256(fs.readFileSync(publishedCsv)));
			const rejects: Reject[] = [...published.rejects];
			const observations = published.observations.filter((o) => {
				if (known.has(o.indicator_id)) return true;
				rejects.push({ file: relativeToRepo(publishedCsv), line: 0, key: o.indicator_id, reason: 'indicator not in the catalog' });
				return false;
			});
			await loadObservations(con, observations);
			const files = await writeObservationParquet(con, staging.dir);
			const sourcesFile = path.join(staging.dir, 'sources.parquet');
			await writeRecordsParquet(con, published.sources, sourcesFile);
			writeJson(path.join(staging.dir, 'sources.json'), published.sources);
			writeJson(path.join(staging.dir, 'indicators.json'), indicators);
			fs.writeFileSync(path.join(staging.dir, 'rejects.csv'), rejectsCsv(rejects));
			const inputs = [publishedCsv].map((f) => ({ file: relativeToRepo(f), sha256: sha256(fs.readFileSync(f)), rows: published.inputRows }));
			const outputs = [...files, sourcesFile].map((f) => ({
				file: path.relative(staging.dir, f),
				sha256: sha256(fs.readFileSync(f)),
				bytes: fs.statSync(f).size
			}));
			const counts = {
				input_cells: published.inputRows,
				observations: observations.length,
				missing_cells: 0,
				rejects: rejects.length
			};
			if (counts.input_cells !== counts.observations + counts.missing_cells + counts.rejects)
				throw new Error(`counts do not reconcile: ${JSON.stringify(counts)}`);
			writeJson(path.join(staging.dir, 'manifest.json'), { built_at: new Date().toISOString(), inputs, outputs, counts });
			return counts;
		});
		staging.commit();
		process.stdout.write(
			`pipeline: ${summary.observations} observations, ${summary.rejects} rejects (see static/data/rejects.csv) → ${relativeToRepo(outDir)} in ${Date.now() - started} ms\n`
		);
		return 0;
	} catch (err) {
		staging.abort();
		throw err;
	}
}

function sha256(buf: Buffer): string {
	return crypto.createHash('sha256').update(buf).digest('hex');
}

function writeJson(file: string, value: unknown): void {
	fs.writeFileSync(file, JSON.stringify(value, null, '\t') + '\n');
}

function rejectsCsv(rejects: readonly Reject[]): string {
	const q = (s: string | number) => `"${String(s).replaceAll('"', '""')}"`;
	return ['file,line,key,reason', ...rejects.map((r) => [r.file, r.line, r.key, r.reason].map(q).join(','))].join('\n') + '\n';
}

void repoRoot;
