/**
 * Dropped extracts → observations. A file placed in data/raw/<publisher>/ — PX, a PxWeb v1
 * answer, JSON-stat, CSV/TSV or Excel .xlsx — plus a small YAML beside it named
 * `<anything>.intake.yaml` goes through the same steps as every other source:
 *   read (the format's reader) → cube → select by the mapping and the catalog → tidy
 *   (tidy/tidy.ts, the one select/tidy for all formats) → check → write (make-data.ts).
 *
 * The intake YAML (validated with zod; errors name the file and the field):
 *   file: fohm-hlv-county-windows.csv        # beside the YAML
 *   publisher: fohm                          # a publisher id of data/catalog/sources.yaml
 *   title: …                                 # what the file is
 *   title_en: …                              # the same in English (optional)
 *   retrieved_via: "repository @ commit, path"   # how we got it (provenance)
 *   reader: { …CSV mapping (read/csv/mapping.ts)… }   # CSV/TSV only
 *   sheets: [{ sheet: Ålder, …CSV mapping… }]          # xlsx only: one mapping per worksheet
 *   lang: sv                                            # PX / JSON-stat: language to read
 *   indicators:
 *     - indicator: trust_others              # catalog id
 *       table: A_Folkhalsodata/…/litaYreg.px # the publisher's table id
 *       url: https://…                       # where the publisher shows it
 *       select: { item_code: ["40"] }        # the cells that are this indicator
 *       exclude: { item_code: { "68": "why it is not the indicator" } }   # rejects with the reason
 *       derive: complement                   # the indicator is 100 − the share
 *       groups: { age_code: age }            # source dimension → catalog group dimension
 *       total_codes: ["29"]                  # codes of those dimensions meaning "everyone"
 *       measure: { variable: …, value: "01", ci_low: "02", ci_high: "03", n: "04" }   # PX/PxWeb statistic dimension
 *
 * Every observation keeps its provenance: source_id → sources.json (file, sha256, table, URL,
 * how it was retrieved) and a location (line of a CSV, sheet and row of a workbook, cell of a
 * PX cube) written to provenance.csv.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Observation } from '../../src/lib/data/observation.ts';
import type { Catalog } from '../catalog/load.ts';
import { ReadError } from '../cube/errors.ts';
import type { Cube } from '../cube/model.ts';
import { csvMappingSchema, readCsv } from '../read/csv.ts';
import { detectFormat } from '../read/detect.ts';
import { readJsonStat } from '../read/jsonstat.ts';
import { readPx } from '../read/px/index.ts';
import { readPxWebJson } from '../read/pxweb-json.ts';
import { openWorkbook, readXlsxSheet } from '../read/xlsx.ts';
import { relativeToRepo } from '../paths.ts';
import { tidyCube } from '../tidy/tidy.ts';
import type { Reject, SourceRecord } from '../write/records.ts';

export const INTAKE_SUFFIX = '.intake.yaml';

const codes = z.array(z.string().min(1)).min(1);
const indicatorEntry = z
	.object({
		indicator: z.string().min(1),
		table: z.string().min(1),
		url: z.string().url(),
		select: z.record(z.string(), codes).optional(),
		exclude: z.record(z.string(), z.record(z.string(), z.string().min(1))).optional(),
		derive: z.literal('complement').optional(),
		groups: z.record(z.string(), z.string()).optional(),
		total_codes: z.array(z.string()).optional(),
		measure: z.object({ variable: z.string().min(1), value: z.string(), ci_low: z.string().optional(), ci_high: z.string().optional(), n: z.string().optional() }).optional(),
		/** xlsx: the worksheets this entry reads (default: all mapped sheets). */
		sheets: z.array(z.string().min(1)).optional()
	})
	.strict();
export type IntakeEntry = z.infer<typeof indicatorEntry>;

const intakeSchema = z
	.object({
		file: z.string().min(1),
		publisher: z.string().min(1),
		title: z.string().min(1),
		/** The same in English, for English pages, CSV files and slides. */
		title_en: z.string().min(1).optional(),
		retrieved_via: z.string().min(1).optional(),
		note: z.string().optional(),
		lang: z.string().min(2).optional(),
		reader: csvMappingSchema.optional(),
		sheets: z.array(z.object({ sheet: z.string().min(1) }).passthrough()).optional(),
		indicators: z.array(indicatorEntry).min(1)
	})
	.strict();
export type Intake = z.infer<typeof intakeSchema>;

export interface ExtractObservation {
	obs: Observation;
	file: string;
	/** Where in the file: "line 17", "Ålder, row 245", "cell 1234". */
	location: string;
	line: number;
}

export interface ExtractsResult {
	observations: ExtractObservation[];
	rejects: Reject[];
	sources: SourceRecord[];
	inputs: { file: string; sha256: string; cells: number; kind: string }[];
	inputCells: number;
	/** Per data file: observations read (before the merge). */
	perFile: Record<string, number>;
}

function display(f: string): string {
	const r = relativeToRepo(f);
	return r.startsWith('..') ? f : r;
}

/** Validates an intake YAML; throws one Error naming the file, the field and its line for every problem. */
export function loadIntake(file: string): Intake {
	const text = fs.readFileSync(file, 'utf8');
	const doc = parseDocument(text, { prettyErrors: false });
	if (doc.errors.length) throw new Error(`${display(file)}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
	const r = intakeSchema.safeParse(doc.toJS());
	if (r.success) {
		const m = r.data;
		const problems: string[] = [];
		const ext = path.extname(m.file).toLowerCase();
		if (ext === '.xlsx') {
			if (!m.sheets?.length) problems.push('field "sheets": an .xlsx file needs one mapping per worksheet');
			for (const [i, s] of (m.sheets ?? []).entries()) {
				const { sheet: _sheet, ...rest } = s;
				const p = csvMappingSchema.safeParse(rest);
				if (!p.success) for (const iss of p.error.issues) problems.push(`field "sheets.${i}.${iss.path.join('.')}": ${iss.message}`);
			}
		} else if ((ext === '.csv' || ext === '.tsv' || ext === '.txt') && !m.reader) problems.push('field "reader": a CSV/TSV file needs a reader mapping (columns → dimensions, value, CI, n)');
		if (problems.length) throw new Error(problems.map((p) => `${display(file)}: ${p}`).join('\n'));
		return m;
	}
	throw new Error(r.error.issues.map((i) => `${display(file)}: field "${i.path.join('.')}": ${i.message}`).join('\n'));
}

/** All `*.intake.yaml` files below rawDir/<publisher>/, sorted. */
export function findIntakes(rawDir: string): string[] {
	if (!fs.existsSync(rawDir)) return [];
	const out: string[] = [];
	for (const pub of fs.readdirSync(rawDir).sort()) {
		const dir = path.join(rawDir, pub);
		if (!fs.statSync(dir).isDirectory()) continue;
		for (const f of fs.readdirSync(dir).sort()) if (f.endsWith(INTAKE_SUFFIX)) out.push(path.join(dir, f));
	}
	return out;
}

/** Reads a data file into its cubes (one per worksheet for xlsx) with the format's own reader. */
export async function readCubes(dataFile: string, m: Intake): Promise<Cube[]> {
	const bytes = fs.readFileSync(dataFile);
	const origin = display(dataFile);
	const ext = path.extname(dataFile).toLowerCase();
	if (ext === '.xlsx') {
		const wb = await openWorkbook(bytes);
		return (m.sheets ?? []).map(({ sheet, ...rest }) => readXlsxSheet(wb, csvMappingSchema.parse(rest), { origin, sheet }).cube);
	}
	if (m.reader) return [readCsv(bytes, m.reader, { origin }).cube];
	const format = detectFormat(dataFile, bytes);
	if (format === 'px') return [readPx(bytes, { origin, lang: m.lang }).cube];
	if (format === 'json-stat') return readJsonStat(bytes.toString('utf8'), { origin, lang: m.lang ?? 'sv' }).cubes;
	if (format === 'pxweb-json') return [readPxWebJson(JSON.parse(bytes.toString('utf8')), { origin, lang: m.lang ?? 'sv' }).cube];
	throw new Error(`${origin}: cannot tell the format (expected PX, PxWeb JSON, JSON-stat, CSV/TSV with a reader mapping, or .xlsx)`);
}

/** Region names as sources write them → codes: "Riket", county names and short names, municipality names. */
export function regionNameIndex(catalog: Pick<Catalog, 'regions' | 'municipalities'>): Map<string, string> {
	const out = new Map<string, string>();
	for (const r of catalog.regions) for (const n of [r.name.sv, r.short.sv, r.name.en, r.short.en]) out.set(n.toLowerCase(), r.code);
	for (const m of catalog.municipalities) out.set(m.municipality_name_short.toLowerCase(), m.municipality_code);
	return out;
}

export async function readExtracts(catalog: Catalog, rawDir: string): Promise<ExtractsResult> {
	const out: ExtractsResult = { observations: [], rejects: [], sources: [], inputs: [], inputCells: 0, perFile: {} };
	const names = regionNameIndex(catalog);
	for (const intakeFile of findIntakes(rawDir)) {
		const m = loadIntake(intakeFile);
		const dataFile = path.join(path.dirname(intakeFile), m.file);
		if (!fs.existsSync(dataFile)) throw new Error(`${display(intakeFile)}: field "file": ${display(dataFile)} does not exist`);
		const publisher = catalog.publishers.find((p) => p.id === m.publisher);
		if (!publisher) throw new Error(`${display(intakeFile)}: field "publisher": "${m.publisher}" is not a publisher in data/catalog/sources.yaml (${catalog.publishers.map((p) => p.id).join(', ')})`);
		const sha = crypto.createHash('sha256').update(fs.readFileSync(dataFile)).digest('hex');
		const file = display(dataFile);
		let cubes: Cube[];
		try {
			cubes = await readCubes(dataFile, m);
		} catch (err) {
			if (err instanceof ReadError) throw new Error(`${display(intakeFile)}: reading ${file} failed:\n${err.message}`);
			throw err;
		}
		let cells = 0;
		out.perFile[file] = 0;
		for (const entry of m.indicators) {
			const ind = catalog.indicators.find((i) => i.id === entry.indicator);
			if (!ind) throw new Error(`${display(intakeFile)}: field "indicators": "${entry.indicator}" is not an indicator of the catalog`);
			const source_id = `ext-${m.publisher}-${crypto.createHash('sha256').update(`${sha}\n${entry.table}\n${entry.indicator}`).digest('hex').slice(0, 10)}`;
			let used = 0;
			for (const cube of cubes) {
				const sheet = typeof cube.extra.sheet === 'string' ? cube.extra.sheet : undefined;
				if (sheet && entry.sheets && !entry.sheets.includes(sheet)) continue;
				const where = sheet ? `${file}#${sheet}` : file;
				const tidy = tidyCube(cube, ind, source_id, where, {
					catalog: catalog.groups,
					groups: entry.groups,
					total_codes: entry.total_codes,
					select: entry.select,
					exclude: entry.exclude,
					measure: entry.measure ?? null,
					derive: entry.derive ?? null,
					regionNames: names
				});
				cells += tidy.inputCells;
				out.rejects.push(...tidy.rejects);
				tidy.observations.forEach((obs, i) => {
					const o = tidy.origins[i];
					const location = sheet ? `${sheet}, row ${o.line}` : o.line ? `line ${o.line}` : `cell ${o.cell}`;
					out.observations.push({ obs, file: where, location, line: o.line });
				});
				used += tidy.observations.length;
			}
			out.perFile[file] += used;
			if (used === 0) continue;
			out.sources.push({
				source_id,
				publisher: publisher.name.sv,
				publisher_en: publisher.name.en,
				title: `${m.title} (${entry.table})`,
				...(m.title_en ? { title_en: `${m.title_en} (${entry.table})` } : {}),
				url: entry.url,
				licence: publisher.licence,
				citation: `${publisher.attribution.sv}, ${entry.table}`,
				citation_en: `${publisher.attribution.en}, ${entry.table}`,
				input_file: file,
				input_sha256: sha,
				fetched_at: null,
				kind: 'extract',
				attribution: publisher.attribution.sv,
				indicator_id: ind.id,
				is_demo: false,
				table: entry.table,
				retrieved_via: m.retrieved_via ?? ''
			});
		}
		out.inputCells += cells;
		out.inputs.push({ file, sha256: sha, cells, kind: `extract (${path.extname(file).slice(1)})` });
		out.inputs.push({ file: display(intakeFile), sha256: crypto.createHash('sha256').update(fs.readFileSync(intakeFile)).digest('hex'), cells: 0, kind: 'intake mapping' });
	}
	return out;
}
