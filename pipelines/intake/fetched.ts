/**
 * Fetched API answers → observations. `npm run pipeline -- fetch` saves, per publisher,
 * the raw answers + the fetch client's manifest, the merged cube as JSON-stat 2.0
 * (`<indicator>.json-stat.json`), and an index `fetched.json` (one entry per table). The
 * build reads the index, the cube through the JSON-stat reader, and tidies it with the
 * indicator's catalog entry (tidy.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Observation } from '../../src/lib/data/observation.ts';
import type { Catalog } from '../catalog/load.ts';
import { readJsonStat } from '../read/jsonstat.ts';
import { text } from '../cube/model.ts';
import { displayPath as display } from '../paths.ts';
import { tidyCube } from '../tidy/tidy.ts';
import type { Reject, SourceRecord } from '../write/records.ts';
import { sha256Hex } from '../sha256.ts';

export const fetchedEntry = z.object({
	indicator: z.string().min(1),
	publisher: z.string().min(1),
	api: z.string().min(1),
	base_url: z.string().min(1),
	table: z.string().min(1),
	url: z.string().min(1),
	fetched_at: z.string().min(1),
	/** The merged cube, relative to the publisher folder. */
	cube_file: z.string().min(1),
	/** Raw answers behind it, relative to the repository root (as in the fetch manifest). */
	files: z.array(z.string()),
	calls: z.number().int().min(0),
	/** Whole-population codes of the breakdown dimensions, resolved by text at fetch time. */
	total_codes: z.array(z.string()).optional()
});
export type FetchedEntry = z.infer<typeof fetchedEntry>;

export const FETCH_INDEX = 'fetched.json';

export interface FetchedResult {
	observations: { obs: Observation; file: string }[];
	rejects: Reject[];
	sources: SourceRecord[];
	inputs: { file: string; sha256: string; cells: number; kind: string }[];
	inputCells: number;
	fetches: (FetchedEntry & { status: string })[];
}


export function readFetchIndex(file: string): FetchedEntry[] {
	if (!fs.existsSync(file)) return [];
	const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
	const parsed = z.array(fetchedEntry).safeParse(doc);
	if (!parsed.success) throw new Error(`${display(file)}: ${parsed.error.issues.map((i) => `entry ${i.path.join('.')}: ${i.message}`).join('; ')}`);
	return parsed.data;
}

export function readFetched(catalog: Catalog, rawDir: string): FetchedResult {
	const out: FetchedResult = { observations: [], rejects: [], sources: [], inputs: [], inputCells: 0, fetches: [] };
	if (!fs.existsSync(rawDir)) return out;
	for (const pub of fs.readdirSync(rawDir).sort()) {
		const dir = path.join(rawDir, pub);
		const index = path.join(dir, FETCH_INDEX);
		if (!fs.statSync(dir).isDirectory() || !fs.existsSync(index)) continue;
		for (const entry of readFetchIndex(index)) {
			const ind = catalog.indicators.find((i) => i.id === entry.indicator);
			if (!ind) {
				out.fetches.push({ ...entry, status: 'skipped: indicator not in the catalog' });
				continue;
			}
			const cubeFile = path.join(dir, entry.cube_file);
			const bytes = fs.readFileSync(cubeFile);
			const sha = sha256Hex(bytes);
			const { cubes } = readJsonStat(bytes.toString('utf8'), { origin: display(cubeFile), lang: 'sv' });
			const cube = cubes[0];
			const publisher = catalog.publishers.find((p) => p.id === entry.publisher);
			const source_id = `api-${entry.publisher}-${sha256Hex(`${entry.url}\n${sha}`).slice(0, 10)}`;
			const part = ind.source.table === entry.table ? ind.source : ind.source.national_tables?.find((t) => t.table === entry.table);
			const alternative = ind.source.alternative_tables?.find((t) => t.table === entry.table);
			const tidy = tidyCube(cube, ind, source_id, display(cubeFile), { groups: alternative ? undefined : part?.groups, total_codes: entry.total_codes ?? part?.total_codes, catalog: catalog.groups });
			// Levels this API source is not used for (source.api_geography) are rejects, e.g. a
			// Kolada nation row for a Skolenkäten KPI: the nation comes from published figures.
			const levels = alternative?.api_geography ?? ind.source.api_geography;
			if (levels) {
				const level = (r: string) => (r === '00' ? 'nation' : r.length === 2 ? 'county' : 'municipality');
				tidy.observations = tidy.observations.filter((o) => {
					if (levels.includes(level(o.region_code))) return true;
					tidy.rejects.push({ file: display(cubeFile), line: 0, key: `${ind.id}: region=${o.region_code}, period=${o.period_start}-${o.period_end}, sex=${o.sex}`, reason: `${level(o.region_code)} values of ${ind.id} do not come from ${alternative ? entry.table : entry.publisher} (catalog ${alternative ? 'alternative_tables' : 'source'}.api_geography: ${levels.join(', ')})` });
					return false;
				});
			}
			out.inputCells += tidy.inputCells;
			out.rejects.push(...tidy.rejects);
			out.observations.push(...tidy.observations.map((obs) => ({ obs, file: display(cubeFile) })));
			out.inputs.push({ file: display(cubeFile), sha256: sha, cells: tidy.inputCells, kind: `fetched ${entry.api}` });
			out.fetches.push({ ...entry, status: `${tidy.observations.length} observations, ${tidy.rejects.length} rejects` });
			out.sources.push({
				source_id,
				publisher: publisher ? publisher.name.sv : entry.publisher,
				...(publisher ? { publisher_en: publisher.name.en, citation_en: `${publisher.attribution.en}, ${entry.table}` } : {}),
				title: text(cube.title, 'sv') ?? entry.table,
				url: entry.url,
				licence: publisher?.licence ?? '',
				citation: `${publisher?.attribution.sv ?? `Källa: ${entry.publisher}`}, ${text(cube.title, 'sv') ?? entry.table}`,
				input_file: display(cubeFile),
				input_sha256: sha,
				fetched_at: entry.fetched_at,
				kind: 'fetched',
				attribution: publisher?.attribution.sv ?? entry.publisher,
				indicator_id: ind.id,
				is_demo: false
			});
		}
	}
	return out;
}
