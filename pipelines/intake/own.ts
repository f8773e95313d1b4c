/**
 * Own survey extracts → observations: data/raw/own/<stem>.csv as written by
 * `npm run pipeline -- estimate <file> … --site` (the estimator's output columns), with
 * <stem>.source.json beside it (the extract's file name, sha256 and design YAML). Rows are real
 * (is_demo = false) and point to a source record that carries that provenance. A CSV without its
 * source.json is rejected whole, line by line, with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Observation, Sex } from '../../src/lib/data/observation.ts';
import { parseCsv } from '../../src/lib/export/csv.ts';
import { relativeToRepo } from '../paths.ts';
import type { Reject, SourceRecord } from '../write/records.ts';

export interface OwnSourceFile {
	source_id: string;
	file: string;
	sha256: string;
	estimated_at: string;
	design: string;
}

export interface OwnIntake {
	observations: { obs: Observation; file: string; line: number }[];
	sources: SourceRecord[];
	rejects: Reject[];
	inputs: { file: string; sha256: string; cells: number; kind: string }[];
	inputRows: number;
}

export function readOwn(rawDir: string, sha256File: (f: string) => string): OwnIntake {
	const out: OwnIntake = { observations: [], sources: [], rejects: [], inputs: [], inputRows: 0 };
	const dir = path.join(rawDir, 'own');
	if (!fs.existsSync(dir)) return out;
	for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
		const file = path.join(dir, name);
		const rel = relativeToRepo(file);
		const rows = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
		out.inputRows += rows.length;
		const metaFile = file.replace(/\.csv$/, '.source.json');
		if (!fs.existsSync(metaFile)) {
			rows.forEach((_, i) => out.rejects.push({ file: rel, line: i + 2, key: name, reason: `no provenance: ${path.basename(metaFile)} is missing (write both with pipeline estimate --site)` }));
			continue;
		}
		const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as OwnSourceFile;
		out.sources.push({
			source_id: meta.source_id,
			publisher: `Egen enkätfil (${meta.file})`,
			title: `Skattat från ${meta.file} med pipeline estimate`,
			url: '',
			licence: '',
			citation: `Källa: egen enkätfil ${meta.file} (sha256 ${meta.sha256.slice(0, 12)}…)`,
			publisher_en: `Own survey file (${meta.file})`,
			title_en: `Estimated from ${meta.file} with pipeline estimate`,
			citation_en: `Source: own survey file ${meta.file} (sha256 ${meta.sha256.slice(0, 12)}…)`,
			fetched_at: null,
			input_file: meta.file,
			input_sha256: meta.sha256,
			attribution: `Källa: egen enkätfil ${meta.file}`,
			is_demo: false
		});
		out.inputs.push({ file: rel, sha256: sha256File(file), cells: rows.length, kind: `own extract ${meta.file} (sha256 ${meta.sha256}); design:\n${meta.design}` });
		const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
		rows.forEach((r, i) => {
			out.observations.push({
				file: rel,
				line: i + 2,
				obs: {
					indicator_id: r.indicator_id,
					region_code: r.region_code,
					period_start: Number(r.period_start),
					period_end: Number(r.period_end),
					sex: r.sex as Sex,
					group_dim: r.group_dim,
					group_code: r.group_code,
					value: num(r.value),
					ci_low: num(r.ci_low),
					ci_high: num(r.ci_high),
					n: num(r.n),
					status: r.status === '' ? null : r.status,
					source_id: meta.source_id,
					is_demo: false
				}
			});
		});
	}
	return out;
}
