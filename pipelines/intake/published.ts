/**
 * Real published figures → observations. data/raw/published/published_values.csv (copied
 * verbatim from shared/reference, URLs kept) is read by the CSV reader with
 * published_values.reader.yaml; mapping.yaml says which figures make which catalog indicator.
 * Each row either becomes one observation with is_demo = false, or a line in the rejects
 * report saying why; nothing is dropped silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { observationKey, type Observation, type Sex } from '../../src/lib/data/observation.ts';
import { csvCellData, loadCsvMapping, readCsv } from '../read/csv.ts';
import type { GroupDim } from '../catalog/schema.ts';
import { rawDir, relativeToRepo } from '../paths.ts';
import type { Reject, SourceRecord } from '../write/records.ts';
import { sha256Hex } from '../sha256.ts';
import { splitSecondary } from '../catalog/english-names.ts';

export interface PublishedRow {
	line: number;
	indicator_key: string;
	source: string;
	table_or_publication: string;
	region_code: string;
	region_name: string;
	group_dimension: string;
	group_value: string;
	sex: string;
	period: string;
	/** The cube's numbers as read (never printed and re-parsed); null with `value_status` when the file has a marker. */
	value_pct: number | null;
	value_status: string;
	ci_low: number | null;
	ci_high: number | null;
	n: number | null;
	url: string;
	note: string;
}

const mappingEntry = z.object({
	indicator: z.string().min(1),
	derive: z.literal('complement').optional(),
	whole_population: z.string(),
	from_year: z.number().int().optional(),
	pooled: z.object({ match: z.string().min(1), years: z.number().int().min(2) }).optional()
});
export type MappingEntry = z.infer<typeof mappingEntry>;

export const publishedDir = () => path.join(rawDir, 'published');
export const publishedCsvPath = () => path.join(publishedDir(), 'published_values.csv');
export const readerMappingPath = () => path.join(publishedDir(), 'published_values.reader.yaml');
export const mappingPath = () => path.join(publishedDir(), 'mapping.yaml');

export function loadMapping(file = mappingPath()): Record<string, MappingEntry> {
	const doc = parseYaml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	const out: Record<string, MappingEntry> = {};
	const problems: string[] = [];
	for (const [key, entry] of Object.entries(doc ?? {})) {
		const r = mappingEntry.safeParse(entry);
		if (r.success) out[key] = r.data;
		else for (const i of r.error.issues) problems.push(`${relativeToRepo(file)}: entry "${key}": field "${i.path.join('.')}": ${i.message}`);
	}
	if (problems.length) throw new Error(problems.join('\n'));
	return out;
}

/** Reads the published CSV through the CSV reader; one PublishedRow per line of the file, in file order. */
export function readPublishedRows(csvFile = publishedCsvPath(), readerMapping = readerMappingPath()): PublishedRow[] {
	const origin = relativeToRepo(csvFile);
	const mapping = loadCsvMapping(fs.readFileSync(readerMapping, 'utf8'), relativeToRepo(readerMapping));
	const { cube } = readCsv(fs.readFileSync(csvFile), mapping, { origin });
	const data = csvCellData(cube);
	if (!data) throw new Error(`${origin}: the CSV reader returned no per-cell data`);
	const dims = cube.dimensions;
	const sizes = dims.map((d) => d.categories.length);
	const rows: PublishedRow[] = [];
	const num = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
	for (let i = 0; i < data.line.length; i++) {
		if (!data.line[i]) continue;
		const coords: Record<string, string> = {};
		let rest = i;
		for (let d = dims.length - 1; d >= 0; d--) {
			coords[dims[d].id] = dims[d].categories[rest % sizes[d]].code;
			rest = Math.floor(rest / sizes[d]);
		}
		const attr = (k: string) => data.attributes[k]?.[i] ?? '';
		const value = cube.values[i];
		rows.push({
			line: data.line[i],
			indicator_key: coords.indicator_key,
			source: coords.source,
			group_value: coords.group_value,
			sex: coords.sex,
			period: coords.period,
			value_pct: value,
			value_status: value === null ? (cube.status.get(i) ?? '') : '',
			ci_low: num(data.ci_low?.[i]),
			ci_high: num(data.ci_high?.[i]),
			n: num(data.n?.[i]),
			table_or_publication: attr('table_or_publication'),
			region_code: attr('region_code'),
			region_name: attr('region_name'),
			group_dimension: attr('group_dimension'),
			url: attr('url'),
			note: attr('note')
		});
	}
	return rows.sort((a, b) => a.line - b.line);
}

const SEX: Record<string, Sex> = { total: 'T', women: 'K', men: 'M' };
/** The published file's group dimension names → the group catalog's dimension ids. */
const GROUP_DIM: Record<string, string> = {
	age: 'age',
	education: 'education',
	country_of_birth: 'country_of_birth',
	main_activity: 'employment',
	school_year: 'school_year',
	disability: 'disability',
	household: 'household'
};

/** A published group value → catalog code, by code or alias (case-insensitive). */
export function groupCode(groups: readonly GroupDim[], dim: string, value: string): string | null {
	const g = groups.find((x) => x.id === dim);
	if (!g) return null;
	const v = value.trim().toLowerCase();
	for (const c of g.codes) if (c.code.toLowerCase() === v || c.aliases?.some((a) => a.toLowerCase() === v)) return c.code;
	return null;
}

export function sourceIdFor(row: Pick<PublishedRow, 'url' | 'table_or_publication'>): string {
	return 'pub-' + sha256Hex(`${row.url}\n${row.table_or_publication}`).slice(0, 10);
}

/** "2024" → [2024, 2024]; "2018-2019" → [2018, 2019]; anything else is not a period we can place. */
export function parsePeriod(text: string): [number, number] | null {
	const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
	if (!m) return null;
	const start = Number(m[1]);
	const end = m[2] ? Number(m[2]) : start;
	return end >= start ? [start, end] : null;
}

export interface PublishedResult {
	observations: Observation[];
	rejects: Reject[];
	sources: SourceRecord[];
	inputRows: number;
	/** Per observation: the published line it came from (same order as observations). */
	lines: number[];
}

export function publishedToObservations(
	rows: PublishedRow[],
	mapping: Record<string, MappingEntry>,
	fileSha256: string,
	groups: readonly GroupDim[] = [],
	file = relativeToRepo(publishedCsvPath())
): PublishedResult {
	const rejects: Reject[] = [];
	const sources = new Map<string, SourceRecord>();
	const byKey = new Map<string, { obs: Observation; row: PublishedRow }>();
	const reject = (row: PublishedRow, reason: string) => rejects.push({ file, line: row.line, key: row.indicator_key, reason });

	for (const row of rows) {
		const m = mapping[row.indicator_key];
		if (!m) {
			reject(row, `not an indicator: "${row.indicator_key}" is a related statistic, not the definition of any catalog indicator`);
			continue;
		}
		let period = parsePeriod(row.period);
		if (!period) {
			reject(row, row.period ? `period "${row.period}" is not a survey year or a pooled window of years` : 'the source does not state the survey year');
			continue;
		}
		if (m.pooled && period[0] === period[1] && new RegExp(m.pooled.match).test(row.source)) period = [period[1] - m.pooled.years + 1, period[1]];
		if (m.from_year && period[0] < m.from_year) {
			reject(row, `before the series break in ${m.from_year}: another definition, not comparable`);
			continue;
		}
		if (!/^\d{2}$/.test(row.region_code)) {
			reject(row, `area "${row.region_name}" is not the nation or a county`);
			continue;
		}
		const sex = SEX[row.sex];
		const raw = row.value_pct;
		if (!sex || raw === null || !Number.isFinite(raw)) {
			reject(row, !sex ? `sex "${row.sex}" is not total, women or men` : `value "${row.value_status}" is not a number`);
			continue;
		}
		const whole = row.group_value === m.whole_population || row.group_dimension === 'region_nuts2';
		const groupDim = whole ? 'total' : GROUP_DIM[row.group_dimension];
		if (!groupDim) {
			reject(row, `group dimension "${row.group_dimension}" has no breakdown in the catalog`);
			continue;
		}
		const code = whole ? 'total' : groups.length ? groupCode(groups, groupDim, row.group_value) : row.group_value;
		if (!code) {
			reject(row, `group value "${row.group_value}" is not a code of ${groupDim} in data/catalog/groups.yaml`);
			continue;
		}
		const derive = (x: number) => (m.derive === 'complement' ? round1(100 - x) : x);
		const lo = row.ci_low;
		const hi = row.ci_high;
		const source_id = sourceIdFor(row);
		const obs: Observation = {
			indicator_id: m.indicator,
			region_code: row.region_code,
			period_start: period[0],
			period_end: period[1],
			sex,
			group_dim: groupDim,
			group_code: code,
			value: derive(raw),
			// The complement swaps the bounds: 100 − high is the new low.
			ci_low: m.derive === 'complement' ? (hi === null ? null : derive(hi)) : lo,
			ci_high: m.derive === 'complement' ? (lo === null ? null : derive(lo)) : hi,
			n: row.n,
			status: null,
			source_id,
			is_demo: false
		};
		const key = observationKey(obs);
		const seen = byKey.get(key);
		if (seen) {
			// Two publications of the same cell: the producer's own page wins over a secondary one.
			const keepNew = isSecondary(seen.row) && !isSecondary(row);
			const [kept, dropped] = keepNew ? [{ obs, row }, seen] : [seen, { obs, row }];
			byKey.set(key, kept);
			reject(dropped.row, `same cell as line ${kept.row.line} (${kept.row.source}), which is preferred as ${isSecondary(kept.row) ? 'the first listed' : "the producer's own publication"}`);
			if (!keepNew) continue;
		} else byKey.set(key, { obs, row });
		// The producer's own statistic is the source; a secondary page it was read from (" via …")
		// is only named as where it is cited.
		const { primary, citedIn } = splitSecondary(row.source);
		if (!sources.has(source_id))
			sources.set(source_id, {
				source_id,
				publisher: primary,
				title: row.table_or_publication,
				url: row.url,
				licence: 'Publicerad statistik; citeras med källhänvisning',
				citation: `Källa: ${primary}, ${row.table_or_publication}${citedIn ? `, citerad i ${citedIn}` : ''}`,
				...(citedIn ? { cited_in: citedIn } : {}),
				input_file: file,
				input_sha256: fileSha256,
				fetched_at: null
			});
	}
	const kept = [...byKey.values()];
	const observations = kept.map((v) => v.obs);
	const used = new Set(observations.map((o) => o.source_id));
	return {
		observations,
		rejects,
		sources: [...sources.values()].filter((s) => used.has(s.source_id)),
		inputRows: rows.length,
		lines: kept.map((v) => v.row.line)
	};
}

function isSecondary(row: PublishedRow): boolean {
	return / via /.test(row.source);
}

function round1(x: number): number {
	return Math.round(x * 10) / 10;
}
