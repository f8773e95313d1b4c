/**
 * The catalog's zod schemas: indicators, regions, groups, sources (publishers). The YAML files
 * in data/catalog/ are validated against these at build time (load.ts).
 */
import { z } from 'zod';
import { POLARITIES } from '../../src/lib/stats/types.ts';

export const texts = z.object({ sv: z.string().min(1), en: z.string().min(1) });
export type Texts = z.infer<typeof texts>;

export const verificationLevel = z.enum(['V', 'T', 'I', '?']);
export const verification = z.object({ level: verificationLevel, note: z.string().min(1) });

const periodText = z.string().regex(/^\d{4}(-\d{4})?$/, 'must be "YYYY" or "YYYY-YYYY"');

export const periodSpec = z
	.object({
		type: z.enum(['single-year', 'pooled']),
		length: z.number().int().min(2).optional(),
		list: z.array(periodText).min(1)
	})
	.superRefine((p, ctx) => {
		if (p.type === 'pooled' && !p.length) ctx.addIssue({ code: 'custom', path: ['length'], message: 'a pooled period needs its pooling length in years' });
		for (const [i, t] of p.list.entries()) {
			const [a, b = a] = t.split('-').map(Number);
			if (b < a) ctx.addIssue({ code: 'custom', path: ['list', i], message: `window "${t}" ends before it starts` });
			if (p.type === 'single-year' && a !== b) ctx.addIssue({ code: 'custom', path: ['list', i], message: `"${t}" is a window but the type is single-year` });
			if (p.type === 'pooled' && p.length && b - a + 1 !== p.length)
				ctx.addIssue({ code: 'custom', path: ['list', i], message: `window "${t}" is not ${p.length} years long` });
		}
	});
export type PeriodSpec = z.infer<typeof periodSpec>;

const filterSelection = z.object({
	filter: z.string().regex(/^(item|all|top|text|agg:.+|vs:.+)$/, 'must be item, all, top, text, agg:<name> or vs:<name>'),
	values: z.array(z.string())
});
const variableSelection = z.union([z.array(z.string()), z.literal('*'), filterSelection]);

export const apiKind = z.enum(['pxweb-v1', 'pxweb-v2', 'kolada-v3', 'none']);

export const geographyLevel = z.enum(['nation', 'nuts2', 'county', 'municipality']);

/**
 * The whole population's category of each `groups` dimension, by its text in the table's
 * metadata ("Totalt 16-84 år"; alternatives in order, first found wins). Resolved to codes
 * at fetch time; a fetch fails when no value has any of the texts (codes differ between
 * tables of one family, texts don't).
 */
const totalTexts = z.array(z.string().min(1)).min(1);

const breakdownTable = z
	.object({
		table: z.string().min(1),
		selection: z.record(z.string(), variableSelection),
		groups: z.record(z.string(), z.string()),
		total_codes: z.array(z.string()).optional(),
		total_texts: totalTexts.optional()
	})
	.refine((t) => t.total_codes || t.total_texts, { message: 'a breakdown table needs total_texts (or total_codes)' });

export const sourceSpec = z.object({
	publisher: z.string().min(1),
	producer: texts,
	api: apiKind,
	/** pxweb-v1: path below the language; pxweb-v2: TAB id; kolada-v3: KPI id; null = not known yet. */
	table: z.string().min(1).nullable(),
	/** Further tables of the same family that carry the national breakdowns (fetched too). */
	national_tables: z.array(breakdownTable).optional(),
	selection: z.record(z.string(), variableSelection),
	/** Source dimension → group dimension of the catalog (categories matched by code, label or alias). */
	groups: z.record(z.string(), z.string()).optional(),
	/** Categories of those dimensions that are the indicator's whole population (→ group total). */
	total_codes: z.array(z.string()).optional(),
	/** The same by text in the metadata (preferred; see totalTexts). */
	total_texts: totalTexts.optional(),
	/**
	 * Geography levels this API source is used for (default: all it answers). Rows of other
	 * levels are rejects with the reason, e.g. Kolada's Skolenkäten KPIs: the nation comes
	 * from Skolinspektionen's published figures, never from Kolada.
	 */
	api_geography: z.array(geographyLevel).min(1).optional(),
	/**
	 * Other tables with the same item at another geography, fetched too and used only for the
	 * levels they name (e.g. Folkhälsodata's A_Mo8 tables: HLV items for municipalities).
	 */
	alternative_tables: z
		.array(z.object({ table: z.string().min(1), selection: z.record(z.string(), variableSelection), api_geography: z.array(geographyLevel).min(1), note: texts }))
		.optional(),
	/** Which categories of the statistic dimension hold value / CI / n. */
	measure: z
		.object({ variable: z.string().min(1), value: z.string(), ci_low: z.string().optional(), ci_high: z.string().optional(), n: z.string().optional() })
		.optional(),
	/** The indicator is 100 − the share of this category. */
	derived: z.object({ kind: z.literal('complement'), code: z.string().nullable(), label: texts }).optional(),
	url: z.string().url(),
	note: texts.optional()
});
export type SourceSpec = z.infer<typeof sourceSpec>;

export const indicatorSchema = z.object({
	id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
	subgoal: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	name: texts,
	short: texts,
	/** One sentence in everyday words that opens the indicator page (the definition follows under "Om indikatorn"). */
	plain: texts.optional(),
	definition: texts,
	question: texts,
	/** 'percent' for shares (checked 0–100); 'count' for counts (test catalogs, future indicators). */
	unit: z.enum(['percent', 'count']),
	polarity: z.enum(POLARITIES),
	/** 'register': counted over the whole population, no sampling error (compared directly); default 'survey'. */
	sampling: z.enum(['survey', 'register']).default('survey'),
	source: sourceSpec,
	/** Group dimensions the source really has ('sex' = the sex column). */
	breakdowns: z.array(z.string().min(1)),
	age: z.object({ from: z.number().int().min(0), to: z.number().int().nullable() }),
	periods: z.object({ national: periodSpec, regional: periodSpec }),
	series_breaks: z.array(z.object({ year: z.number().int().min(1900).max(2100), reason: texts })),
	suppression: z.object({ min_n: z.number().int().positive(), rule: texts }).nullable(),
	first_year: z.number().int().min(1900).max(2100),
	geography: z.array(geographyLevel).min(1),
	verification
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const regionSchema = z.object({
	code: z.string().regex(/^\d{2}$/, 'must be a two-digit string ("00", "01" …)'),
	level: z.enum(['nation', 'county']),
	name: texts,
	short: texts,
	nuts2: z.string().regex(/^SE\d{2}$/).optional(),
	population_k: z.number().positive()
});
export type Region = z.infer<typeof regionSchema>;

export const nuts2Schema = z.object({ code: z.string().regex(/^SE\d{2}$/), name: texts });
export type Nuts2 = z.infer<typeof nuts2Schema>;

export const municipalitySchema = z.object({
	municipality_code: z.string().regex(/^\d{4}$/, 'must be four digits'),
	municipality_name_short: z.string().min(1),
	county_code: z.string().regex(/^\d{2}$/)
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const groupCodeSchema = z.object({
	code: z.string().min(1),
	label: texts,
	order: z.number().int(),
	aliases: z.array(z.string()).optional(),
	standard: z.boolean().optional()
});
export const groupDimSchema = z.object({
	id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
	/** 'column': labels of an observation column (sex), not a group dimension. */
	kind: z.enum(['group', 'column']).default('group'),
	label: texts,
	order: z.number().int(),
	codes: z.array(groupCodeSchema).min(1)
});
export type GroupDim = z.infer<typeof groupDimSchema>;

export const publisherSchema = z.object({
	id: z.string().regex(/^[a-z][a-z0-9-]*$/),
	name: texts,
	/** The short form published files use ("SCB"), with its English form ("Statistics Sweden"). */
	short: texts.optional(),
	/** Surveys and products named in published files ("ULF/SILC", "Skolenkäten") → their English names. */
	terms: z.record(z.string(), z.string().min(1)).optional(),
	url: z.string().url(),
	licence: z.string().min(1),
	licence_url: z.string().url(),
	attribution: texts,
	api_base: z.record(z.string(), z.string().url()),
	verification
});
export type Publisher = z.infer<typeof publisherSchema>;
