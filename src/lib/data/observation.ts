/**
 * One row of the tidy fact table (ARCHITECTURE.md, "The observation schema"). Shared by the
 * pipeline that writes it and the site that reads it, so both agree on names and types.
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

/** Column order in every Parquet file and CSV export. */
export const OBSERVATION_COLUMNS = [
	'indicator_id',
	'region_code',
	'period_start',
	'period_end',
	'sex',
	'group_dim',
	'group_code',
	'value',
	'ci_low',
	'ci_high',
	'n',
	'status',
	'source_id',
	'is_demo'
] as const satisfies readonly (keyof Observation)[];

/** "2024" or "2021–2024" (en dash), as shown everywhere a period is shown. */
export function periodLabel(o: Pick<Observation, 'period_start' | 'period_end'>): string {
	return o.period_start === o.period_end ? String(o.period_start) : `${o.period_start}–${o.period_end}`;
}
