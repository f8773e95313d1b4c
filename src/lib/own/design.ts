/**
 * A survey design and item mapping for a respondent-level file: which column is the weight,
 * the strata, the PSUs, the region, sex, the groups and the items, and how the items' codes
 * read. The same object drives `npm run pipeline -- estimate` and the /egna-data page, and is
 * saved and loaded as the same YAML (see `designToYaml` / `parseDesignYaml`).
 */
import { parse, stringify } from 'yaml';
import { z } from 'zod';

export type CiMethod = 'wald' | 'logit' | 'korn-graubard';
export const CI_METHODS: readonly CiMethod[] = ['wald', 'logit', 'korn-graubard'];

export interface ItemSpec {
	/** Column holding the question's answers. */
	column: string;
	/** Codes that count as "yes" (the indicator's condition holds). */
	yes: string[];
	/** Codes that are internal non-response: left out of the denominator (as are empty cells). */
	missing: string[];
	/** Indicator id the estimates become. */
	indicator: string;
}

export interface SurveyDesign {
	weight: string;
	strata?: string;
	/** Primary sampling units, nested within strata. Without it each respondent is its own PSU. */
	psu?: string;
	/** Finite population correction: per stratum, the number of PSUs in the population, or the sampling fraction (≤ 1). */
	fpc?: string;
	region?: string;
	sex?: string;
	/** Which codes mean women (K) and men (M); default `DEFAULT_SEX_CODES`. */
	sexCodes?: { K: string[]; M: string[] };
	/** Group columns (age band, education …); each becomes a `group_dim` named after the column unless renamed in `groupDims`. */
	by: string[];
	/** group_dim to write for a `by` column (e.g. `aldersgrupp` → `age`). */
	groupDims?: Record<string, string>;
	period: { start: number; end: number };
	/** Pooled windows divide the weights by the number of years (Folkhälsomyndigheten's county values). */
	pool: boolean;
	ci: CiMethod;
	/** Strata with one PSU: `adjust` (R's survey.lonely.psu = "adjust") or `fail`. */
	lonelyPsu: 'adjust' | 'fail';
	/** Cells with fewer respondents get `suppressedStatus` and no number. */
	minN: number;
	suppressedStatus: string;
	/** If women or men are below `minN`, hide both sexes (Folkhälsomyndigheten's rule). */
	suppressBothSexes: boolean;
	items: ItemSpec[];
}

/** Codes read as women/men when the design does not say (SCB's 1 = man, 2 = kvinna, and words). */
export const DEFAULT_SEX_CODES = {
	K: ['2', 'k', 'kvinna', 'kvinnor', 'f', 'female', 'woman', 'women'],
	M: ['1', 'm', 'man', 'män', 'male', 'men']
};

export const DESIGN_DEFAULTS = {
	pool: true,
	ci: 'wald' as CiMethod,
	lonelyPsu: 'adjust' as const,
	minN: 100,
	suppressedStatus: '..',
	suppressBothSexes: true
};

/** "2024" or "2021-2024" (a hyphen or en dash). */
export function parsePeriod(text: string): { start: number; end: number } {
	const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
	if (!m) throw new Error(`period "${text}" is not a year (2024) or a window (2021-2024)`);
	const start = Number(m[1]);
	const end = Number(m[2] ?? m[1]);
	if (end < start) throw new Error(`period "${text}" ends before it starts`);
	return { start, end };
}

export function periodText(p: { start: number; end: number }): string {
	return p.start === p.end ? String(p.start) : `${p.start}-${p.end}`;
}

/** Years pooled, i.e. what the weights are divided by when `pool` is on. */
export function poolYears(d: Pick<SurveyDesign, 'period' | 'pool'>): number {
	return d.pool ? d.period.end - d.period.start + 1 : 1;
}

/** Codes are compared as text; a numeric code read as 1.0 (Parquet, Excel) is the code 1. */
export function normCode(v: unknown): string {
	return String(v).trim().replace(/\.0+$/, '');
}

const codes = z.union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()]).transform((v) =>
	(Array.isArray(v) ? v : String(v).split(',')).map(normCode).filter((s) => s !== '')
);
const column = z.string().min(1);

const yamlSchema = z
	.object({
		weight: column,
		strata: column.optional(),
		psu: column.optional(),
		fpc: column.optional(),
		region: column.optional(),
		sex: column.optional(),
		sex_codes: z.object({ K: codes, M: codes }).optional(),
		by: z.union([z.array(column), column]).optional(),
		group_dims: z.record(z.string(), z.string()).optional(),
		period: z.union([z.string(), z.number()]),
		pool: z.boolean().optional(),
		ci: z.enum(['wald', 'logit', 'korn-graubard']).optional(),
		lonely_psu: z.enum(['adjust', 'fail']).optional(),
		min_n: z.number().int().nonnegative().optional(),
		suppressed_status: z.string().optional(),
		suppress_both_sexes: z.boolean().optional(),
		items: z
			.array(z.object({ column, yes: codes, missing: codes.optional(), indicator: z.string().regex(/^[a-z][a-z0-9_]*$/).optional() }).strict())
			.min(1)
	})
	.strict();

/** Reads a design YAML (the CLI's --design, the page's "load mapping"); errors name the field. */
export function parseDesignYaml(text: string, file = 'design'): SurveyDesign {
	let raw: unknown;
	try {
		raw = parse(text);
	} catch (err) {
		throw new Error(`${file}: not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
	}
	const r = yamlSchema.safeParse(raw);
	if (!r.success) {
		const issue = r.error.issues[0];
		throw new Error(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
	}
	const y = r.data;
	return {
		weight: y.weight,
		strata: y.strata,
		psu: y.psu,
		fpc: y.fpc,
		region: y.region,
		sex: y.sex,
		sexCodes: y.sex_codes,
		by: y.by === undefined ? [] : Array.isArray(y.by) ? y.by : y.by.split(',').map((s) => s.trim()),
		groupDims: y.group_dims,
		period: parsePeriod(String(y.period)),
		pool: y.pool ?? DESIGN_DEFAULTS.pool,
		ci: y.ci ?? DESIGN_DEFAULTS.ci,
		lonelyPsu: y.lonely_psu ?? DESIGN_DEFAULTS.lonelyPsu,
		minN: y.min_n ?? DESIGN_DEFAULTS.minN,
		suppressedStatus: y.suppressed_status ?? DESIGN_DEFAULTS.suppressedStatus,
		suppressBothSexes: y.suppress_both_sexes ?? DESIGN_DEFAULTS.suppressBothSexes,
		items: y.items.map((i) => ({ column: i.column, yes: i.yes, missing: i.missing ?? [], indicator: i.indicator ?? defaultIndicatorId(i.column) }))
	};
}

/** The YAML the CLI's --design reads (keys in the order a reader expects them). */
export function designToYaml(d: SurveyDesign): string {
	const out: Record<string, unknown> = { weight: d.weight };
	if (d.strata) out.strata = d.strata;
	if (d.psu) out.psu = d.psu;
	if (d.fpc) out.fpc = d.fpc;
	if (d.region) out.region = d.region;
	if (d.sex) out.sex = d.sex;
	if (d.sexCodes) out.sex_codes = d.sexCodes;
	if (d.by.length) out.by = d.by;
	if (d.groupDims && Object.keys(d.groupDims).length) out.group_dims = d.groupDims;
	out.period = periodText(d.period);
	out.pool = d.pool;
	out.ci = d.ci;
	out.lonely_psu = d.lonelyPsu;
	out.min_n = d.minN;
	out.suppressed_status = d.suppressedStatus;
	out.suppress_both_sexes = d.suppressBothSexes;
	out.items = d.items.map((i) => ({ column: i.column, yes: i.yes, missing: i.missing, indicator: i.indicator }));
	return stringify(out);
}

/** An indicator id from a column name ("Ensam ofta" → "ensam_ofta"). */
export function defaultIndicatorId(col: string): string {
	const id = col
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return /^[a-z]/.test(id) ? id : `item_${id}`;
}

/** Every column the design reads, with its role (for "unknown column" errors). */
export function designColumns(d: SurveyDesign): { column: string; role: string }[] {
	const cols: { column: string; role: string }[] = [{ column: d.weight, role: 'weight' }];
	if (d.strata) cols.push({ column: d.strata, role: 'strata' });
	if (d.psu) cols.push({ column: d.psu, role: 'psu' });
	if (d.fpc) cols.push({ column: d.fpc, role: 'fpc' });
	if (d.region) cols.push({ column: d.region, role: 'region' });
	if (d.sex) cols.push({ column: d.sex, role: 'sex' });
	for (const b of d.by) cols.push({ column: b, role: 'by' });
	for (const i of d.items) cols.push({ column: i.column, role: 'item' });
	return cols;
}

export function groupDimOf(d: Pick<SurveyDesign, 'groupDims'>, col: string): string {
	return d.groupDims?.[col] ?? defaultIndicatorId(col);
}
