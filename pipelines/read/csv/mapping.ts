/**
 * The CSV mapping file (YAML): how a region's own survey export, or our published-figures
 * file, becomes a cube. Validated with zod; every error names the file, the field path and
 * (from the YAML source map) the line, so a region's analyst can fix it without reading code.
 *
 * Example:
 *   id: region-skane-2024
 *   language: sv
 *   encoding: auto            # utf-8 | windows-1252 | auto (default)
 *   delimiter: ";"            # ",", ";", "\t" or "tab"; detected when absent
 *   decimal: ","              # "." (default) or ","
 *   missing: ["..", ".", "-", ""]   # value markers meaning "no number" (default shown)
 *   dimensions:
 *     - { column: Kommun, id: region, role: geo, labelColumn: Kommunnamn }
 *     - { column: Kön, id: sex, labels: { "1": män, "2": { sv: kvinnor, en: women } } }
 *     - { column: År, id: period, role: time }
 *   value: Andel
 *   ci_low: KI_låg            # optional numeric columns
 *   ci_high: KI_hög
 *   n: Antal_svar
 *   ci_text: Konfidensintervall   # or one column "21.1 - 29" instead of ci_low/ci_high
 *   status: Flagga            # optional: the source's own marker column
 *   keep: [url, note]         # free-text columns kept per cell
 */
import { parseDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import { ReadError, type Problem } from '../../cube/errors.ts';
import { DEFAULT_TABLE_MISSING } from '../missing.ts';

const texts = z.union([z.string(), z.record(z.string(), z.string())]);
const column = z.string().min(1, 'must name a column');

const dimension = z
	.object({
		column,
		/** Dimension id in the cube (default: the column name). */
		id: z.string().min(1).optional(),
		role: z.enum(['time', 'geo', 'metric', 'other']).default('other'),
		label: texts.optional(),
		/** Code → label (one text, or per language). */
		labels: z.record(z.string(), texts).optional(),
		/** Column holding each code's label. */
		labelColumn: column.optional()
	})
	.strict()
	.refine((d) => !(d.labels && d.labelColumn), { message: 'give either "labels" or "labelColumn", not both' });

export const csvMappingSchema = z
	.object({
		id: z.string().min(1).optional(),
		title: texts.optional(),
		language: z.string().min(2).default('sv'),
		delimiter: z
			.enum([',', ';', '\t', 'tab'])
			.transform((d) => (d === 'tab' ? '\t' : d))
			.optional(),
		encoding: z.enum(['utf-8', 'windows-1252', 'auto']).default('auto'),
		decimal: z.enum(['.', ',']).default('.'),
		missing: z.array(z.string()).default([...DEFAULT_TABLE_MISSING]),
		dimensions: z.array(dimension).min(1, 'at least one dimension column is needed'),
		value: column,
		status: column.optional(),
		ci_low: column.optional(),
		ci_high: column.optional(),
		n: column.optional(),
		/** One column holding the interval as text, "21.1 - 29" (a trailing flag such as "*" is kept as the attribute ci_flag). */
		ci_text: column.optional(),
		keep: z.array(column).default([]),
		unit: texts.optional(),
		source: texts.optional(),
		decimals: z.number().int().min(0).optional()
	})
	.strict()
	.superRefine((m, ctx) => {
		const ids = new Map<string, number>();
		m.dimensions.forEach((d, i) => {
			const id = d.id ?? d.column;
			if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'id'], message: `dimension id "${id}" is used twice` });
			ids.set(id, i);
		});
		const used = new Map<string, string>();
		const claim = (col: string | undefined, path: (string | number)[]) => {
			if (col === undefined) return;
			const prev = used.get(col);
			if (prev) ctx.addIssue({ code: 'custom', path, message: `column "${col}" is already mapped by ${prev}` });
			else used.set(col, path.join('.'));
		};
		m.dimensions.forEach((d, i) => claim(d.column, ['dimensions', i, 'column']));
		claim(m.value, ['value']);
		for (const k of ['status', 'ci_low', 'ci_high', 'n', 'ci_text'] as const) claim(m[k], [k]);
		if (m.ci_text && (m.ci_low || m.ci_high)) ctx.addIssue({ code: 'custom', path: ['ci_text'], message: 'give either ci_text or ci_low/ci_high, not both' });
		m.keep.forEach((c, i) => claim(c, ['keep', i]));
	});

export type CsvMapping = z.output<typeof csvMappingSchema>;
export type CsvDimensionMapping = CsvMapping['dimensions'][number];

/** Parse and validate a mapping file. Throws ReadError naming file, field path and line. */
export function loadCsvMapping(yamlText: string, origin: string): CsvMapping {
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
	if (doc.errors.length) {
		throw new ReadError(
			doc.errors.map((e) => ({
				severity: 'error' as const,
				file: origin,
				line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
				where: '(yaml)',
				message: e.message.split('\n')[0],
				code: 'MAPPING_YAML'
			}))
		);
	}
	const result = csvMappingSchema.safeParse(doc.toJS());
	if (result.success) return result.data;
	const problems: Problem[] = result.error.issues.map((issue) => {
		const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
		const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
		const parentNode = path.length ? (doc.getIn(path.slice(0, -1), true) as { range?: [number, number, number] } | undefined) : undefined;
		const range = node?.range ?? parentNode?.range;
		return {
			severity: 'error',
			file: origin,
			line: range ? lineCounter.linePos(range[0]).line : 0,
			where: path.length ? path.join('.') : '(mapping)',
			message: issue.message,
			code: 'MAPPING_INVALID'
		};
	});
	throw new ReadError(problems.sort((a, b) => a.line - b.line));
}
