/**
 * Real published figures → observations. Each row of data/raw/published/published_values.csv
 * (copied verbatim from shared/reference, URLs kept) either becomes one observation with
 * is_demo = false, or a line in the rejects report saying why; nothing is dropped silently.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Observation, Sex } from '../../src/lib/data/observation.ts';
import { rawDir, relativeToRepo } from './paths.ts';
import type { Reject, SourceRecord } from './types.ts';

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
	value_pct: string;
	ci_low: string;
	ci_high: string;
	n: string;
	url: string;
	note: string;
}

interface MappingEntry {
	indicator: string;
	derive?: 'complement';
	whole_population: string;
	from_year?: number;
}

export const publishedCsv = path.join(rawDir, 'published/published_values.csv');
const mappingFile = path.join(rawDir, 'published/mapping.yaml');

export function loadMapping(): Record<string, MappingEntry> {
	return parseYaml(fs.readFileSync(mappingFile, 'utf8')) as Record<string, MappingEntry>;
}

const SEX: Record<string, Sex> = { total: 'T', women: 'K', men: 'M' };
/** The published file's group dimension names → the observation schema's group_dim. */
const GROUP_DIM: Record<string, string> = {
	age: 'age',
	education: 'education',
	country_of_birth: 'country_of_birth',
	main_activity: 'employment',
	school_year: 'school_year'
};

export function sourceIdFor(row: Pick<PublishedRow, 'url' | 'table_or_publication'>): string {
	return 'pub-' + crypto.createHash('sha256').update(`${row.url}\n${row.table_or_publication}`).digest('hex').slice(0, 10);
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
}

export function publishedToObservations(rows: PublishedRow[], mapping: Record<string, MappingEntry>, fileSha256: string): PublishedResult {
	const file = relativeToRepo(publishedCsv);
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
		const period = parsePeriod(row.period);
		if (!period) {
			reject(row, row.period ? `period "${row.period}" is not a survey year or a pooled window of years` : 'the source does not state the survey year');
			continue;
		}
		if (m.from_year && period[0] < m.from_year) {
			reject(row, `before the series break in ${m.from_year}: another definition, not comparable`);
			continue;
		}
		if (!/^\d{2}$/.test(row.region_code)) {
			reject(row, `area "${row.region_name}" is not the nation or a county`);
			continue;
		}
		const sex = SEX[row.sex];
		const raw = Number(row.value_pct);
		if (!sex || !Number.isFinite(raw)) {
			reject(row, !sex ? `sex "${row.sex}" is not total, women or men` : `value "${row.value_pct}" is not a number`);
			continue;
		}
		const whole = row.group_value === m.whole_population || row.group_dimension === 'region_nuts2';
		const groupDim = whole ? 'total' : GROUP_DIM[row.group_dimension];
		if (!groupDim) {
			reject(row, `group dimension "${row.group_dimension}" has no breakdown in the catalog`);
			continue;
		}
		const derive = (x: number) => (m.derive === 'complement' ? round1(100 - x) : x);
		const ciLow = row.ci_low ? derive(Number(row.ci_high)) : null;
		const ciHigh = row.ci_high ? derive(Number(row.ci_low)) : null;
		const source_id = sourceIdFor(row);
		const obs: Observation = {
			indicator_id: m.indicator,
			region_code: row.region_code,
			period_start: period[0],
			period_end: period[1],
			sex,
			group_dim: groupDim,
			group_code: whole ? 'total' : row.group_value,
			value: derive(raw),
			ci_low: m.derive === 'complement' ? ciLow : row.ci_low ? Number(row.ci_low) : null,
			ci_high: m.derive === 'complement' ? ciHigh : row.ci_high ? Number(row.ci_high) : null,
			n: row.n ? Number(row.n) : null,
			status: null,
			source_id,
			is_demo: false
		};
		const key = [obs.indicator_id, obs.region_code, obs.period_start, obs.period_end, obs.sex, obs.group_dim, obs.group_code].join('|');
		const seen = byKey.get(key);
		if (seen) {
			// Two publications of the same cell: the producer's own page wins over a secondary one.
			const keepNew = isSecondary(seen.row) && !isSecondary(row);
			const [kept, dropped] = keepNew ? [{ obs, row }, seen] : [seen, { obs, row }];
			byKey.set(key, kept);
			reject(dropped.row, `same cell as line ${kept.row.line} (${kept.row.source}), which is preferred as ${isSecondary(kept.row) ? 'the first listed' : "the producer's own publication"}`);
			if (!keepNew) continue;
		} else byKey.set(key, { obs, row });
		if (!sources.has(source_id))
			sources.set(source_id, {
				source_id,
				publisher: row.source,
				title: row.table_or_publication,
				url: row.url,
				licence: 'Publicerad statistik; citeras med källhänvisning',
				citation: `Källa: ${row.source}, ${row.table_or_publication}`,
				input_file: file,
				input_sha256: fileSha256,
				fetched_at: null
			});
	}
	const observations = [...byKey.values()].map((v) => v.obs);
	const used = new Set(observations.map((o) => o.source_id));
	return { observations, rejects, sources: [...sources.values()].filter((s) => used.has(s.source_id)), inputRows: rows.length };
}

function isSecondary(row: PublishedRow): boolean {
	return / via /.test(row.source);
}

function round1(x: number): number {
	return Math.round(x * 10) / 10;
}
