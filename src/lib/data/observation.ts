/**
 * One row of the tidy fact table. Shared by the pipeline that writes it and the site that reads
 * it, so both agree on names and types; the schema below is the one definition of its columns.
 */
export type Sex = 'T' | 'K' | 'M';

export interface Observation {
	indicator_id: string;
	/** '00' nation, '01'–'25' county (län), 4-digit municipality. */
	region_code: string;
	period_start: number;
	period_end: number;
	sex: Sex;
	/** 'total', 'age', 'country_of_birth', 'education', 'disability', 'employment', 'household', … */
	group_dim: string;
	group_code: string;
	/** Per cent for shares; null when suppressed or missing (then `status` says why). */
	value: number | null;
	ci_low: number | null;
	ci_high: number | null;
	n: number | null;
	status: string | null;
	source_id: string;
	is_demo: boolean;
}

/** One column of the observation table: its name, DuckDB type and Table Schema (Frictionless) type. */
export interface ObservationField {
	name: keyof Observation;
	sql: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
	type: 'string' | 'integer' | 'number' | 'boolean';
	required: boolean;
	description: string;
	constraints?: { pattern?: string; minimum?: number; maximum?: number; enum?: string[] };
}

/**
 * The observation schema, said once: the observation table the pipeline fills (the Node engine's
 * `append`), the files' sort order, the datapackage's Table Schema, the query module's column
 * list, the CSV export's columns and the key checks derive from it.
 */
export const OBSERVATION_FIELDS: readonly ObservationField[] = [
	{ name: 'indicator_id', sql: 'VARCHAR', type: 'string', required: true, description: 'Indicator identifier (see the indicators resource).', constraints: { pattern: '^[a-z][a-z0-9_]*$' } },
	{ name: 'region_code', sql: 'VARCHAR', type: 'string', required: true, description: "Region code: '00' Sweden, '01'–'25' county (län), four digits municipality.", constraints: { pattern: '^([0-9]{2}|[0-9]{4})$' } },
	{ name: 'period_start', sql: 'INTEGER', type: 'integer', required: true, description: 'First year of the period the value describes.', constraints: { minimum: 1900, maximum: 2100 } },
	{ name: 'period_end', sql: 'INTEGER', type: 'integer', required: true, description: 'Last year of the period (equal to period_start for a single year; later for pooled multi-year windows).', constraints: { minimum: 1900, maximum: 2100 } },
	{ name: 'sex', sql: 'VARCHAR', type: 'string', required: true, description: "Sex: 'T' everyone, 'K' women, 'M' men.", constraints: { enum: ['T', 'K', 'M'] } },
	{ name: 'group_dim', sql: 'VARCHAR', type: 'string', required: true, description: "Breakdown dimension ('total', 'age', 'country_of_birth', 'education', …)." },
	{ name: 'group_code', sql: 'VARCHAR', type: 'string', required: true, description: "Group within the breakdown dimension ('total' for everyone)." },
	{ name: 'value', sql: 'DOUBLE', type: 'number', required: false, description: 'Estimate in per cent (share of the population group). Missing when suppressed or not available; status then says why.' },
	{ name: 'ci_low', sql: 'DOUBLE', type: 'number', required: false, description: 'Lower bound of the 95% confidence interval, per cent.' },
	{ name: 'ci_high', sql: 'DOUBLE', type: 'number', required: false, description: 'Upper bound of the 95% confidence interval, per cent.' },
	{ name: 'n', sql: 'INTEGER', type: 'integer', required: false, description: 'Number of respondents (unweighted) behind the estimate, where published.', constraints: { minimum: 0 } },
	{ name: 'status', sql: 'VARCHAR', type: 'string', required: false, description: "Why a value is missing ('..' = not available or suppressed); empty when the value is present." },
	{ name: 'source_id', sql: 'VARCHAR', type: 'string', required: true, description: 'Source of the value (see the sources resource).' },
	{ name: 'is_demo', sql: 'BOOLEAN', type: 'boolean', required: true, description: 'true = example data: a synthetic value, NOT statistics (shown as "Exempeldata"); false = published statistics.' }
];

/** Column order in every Parquet file, the combined CSV and every query's SELECT list. */
export const OBSERVATION_COLUMNS = OBSERVATION_FIELDS.map((f) => f.name);

/** What identifies an observation: one value per indicator, region, period, sex and group. Also the files' sort order. */
export const OBSERVATION_KEY = ['indicator_id', 'region_code', 'period_start', 'period_end', 'sex', 'group_dim', 'group_code'] as const satisfies readonly (keyof Observation)[];

/** The key as one string, for de-duplication and look-ups. */
export function observationKey(o: Pick<Observation, (typeof OBSERVATION_KEY)[number]>): string {
	return OBSERVATION_KEY.map((k) => o[k]).join('|');
}

/** "2024" or "2021–2024" (en dash), as shown everywhere a period is shown. */
export function periodLabel(o: Pick<Observation, 'period_start' | 'period_end'>): string {
	return o.period_start === o.period_end ? String(o.period_start) : `${o.period_start}–${o.period_end}`;
}
