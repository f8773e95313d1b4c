/**
 * CSV of exactly the rows behind a chart. Pure (no DOM), so it is unit-tested in Node.
 *
 * Two variants, both UTF-8 with a byte-order mark (so Excel reads å, ä, ö right):
 * - 'standard': comma separator, decimal point (RFC 4180; for R, Python, DuckDB, …)
 * - 'excel-sv': semicolon separator, decimal comma (what Excel with Swedish settings expects)
 * Lines end in CRLF. Fields holding the separator, a quote, CR or LF are quoted, quotes doubled.
 * Example data is marked in the data itself: `is_demo`, `data_type` and `exempeldata` ("ja"/"nej")
 * columns, and the file name gets the suffix "-exempeldata" (see `csvFileName`).
 */
import { OBSERVATION_COLUMNS, periodLabel, type Observation } from '$lib/data/observation';
import type { Lang } from '$lib/i18n/format';
import { neutraliseFormula } from './formula';

export type CsvVariant = 'standard' | 'excel-sv';

export const BOM = '\ufeff';

/** Columns that label a row for a reader, each placed after the observation column it describes. */
type LabelColumn = 'indicator_name' | 'region_name' | 'period' | 'group_label' | 'source' | 'data_type' | 'exempeldata';
export type CsvColumn = keyof Observation | LabelColumn;

const LABELS_AFTER: Partial<Record<keyof Observation, readonly LabelColumn[]>> = {
	indicator_id: ['indicator_name'],
	region_code: ['region_name'],
	group_code: ['group_label'],
	source_id: ['source'],
	is_demo: ['data_type', 'exempeldata']
};

/** The observation schema's columns in its order, with the labels beside them ("period" leads its start and end). */
export const CSV_COLUMNS: readonly CsvColumn[] = OBSERVATION_COLUMNS.flatMap((c): CsvColumn[] =>
	c === 'period_start' ? ['period', c] : [c, ...(LABELS_AFTER[c] ?? [])]
);

export interface CsvContext {
	lang: Lang;
	/** Indicator id → display name. */
	indicatorName?: (id: string) => string | undefined;
	/** Region code → name. */
	regionName?: (code: string) => string | undefined;
	/** Label of the row's group (what the chart calls the row). */
	groupLabel?: (row: Observation) => string;
	/** Source id → citation ("Källa: …"). */
	citation?: (sourceId: string) => string | undefined;
}

type Cell = string | number | boolean | null | undefined;

function numberCell(x: number | null | undefined, variant: CsvVariant): string {
	if (x === null || x === undefined || Number.isNaN(x)) return '';
	// Shortest round-trip digits; never exponent notation, never grouping.
	let s = String(x);
	if (/e/i.test(s)) s = x.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
	return variant === 'excel-sv' ? s.replace('.', ',') : s;
}

/** Quote a text field when needed; text starting with = + - @ tab or CR is prefixed with ' so spreadsheets do not run it as a formula (./formula). */
export function csvField(value: string, sep: string): string {
	const v = neutraliseFormula(value);
	if (v.includes(sep) || v.includes('"') || v.includes('\n') || v.includes('\r')) return `"${v.replaceAll('"', '""')}"`;
	return v;
}

export function csvRows(rows: readonly Observation[], ctx: CsvContext): Record<CsvColumn, Cell>[] {
	const sv = ctx.lang === 'sv';
	return rows.map((r) => ({
		indicator_id: r.indicator_id,
		indicator_name: ctx.indicatorName?.(r.indicator_id) ?? '',
		region_code: r.region_code,
		region_name: ctx.regionName?.(r.region_code) ?? '',
		period: periodLabel(r),
		period_start: r.period_start,
		period_end: r.period_end,
		sex: r.sex,
		group_dim: r.group_dim,
		group_code: r.group_code,
		group_label: ctx.groupLabel?.(r) ?? '',
		value: r.value,
		ci_low: r.ci_low,
		ci_high: r.ci_high,
		n: r.n,
		status: r.status ?? '',
		source_id: r.source_id,
		source: ctx.citation?.(r.source_id) ?? '',
		is_demo: r.is_demo,
		data_type: r.is_demo
			? sv ? 'Exempeldata' : 'Example data'
			: /^own(-|$)/.test(r.source_id) // the user's own survey file (/egna-data, pipeline estimate)
				? sv ? 'Egna data, inte officiell statistik' : 'Own data, not official statistics'
				: sv ? 'Publicerad statistik' : 'Published statistics',
		exempeldata: r.is_demo ? 'ja' : 'nej'
	}));
}

/** The CSV text, starting with the BOM. */
export function buildCsv(rows: readonly Observation[], ctx: CsvContext, variant: CsvVariant = 'standard'): string {
	const sep = variant === 'excel-sv' ? ';' : ',';
	const lines = [CSV_COLUMNS.join(sep)];
	for (const rec of csvRows(rows, ctx)) {
		lines.push(
			CSV_COLUMNS.map((c) => {
				const v = rec[c];
				if (typeof v === 'number' || v === null) return numberCell(v, variant);
				if (typeof v === 'boolean') return v ? 'true' : 'false';
				return csvField(v ?? '', sep);
			}).join(sep)
		);
	}
	return BOM + lines.join('\r\n') + '\r\n';
}

/** "ensamhetsmonitorn-<indicator>-<view>[-excel][-exempeldata].csv" */
export function csvFileName(base: string, variant: CsvVariant, demo: boolean): string {
	return `${base}${variant === 'excel-sv' ? '-excel' : ''}${demo ? '-exempeldata' : ''}.csv`;
}

/** CSV text (a BOM, CRLF or LF, quoted fields with doubled quotes) → its rows of fields. */
export function csvRowsOf(text: string, sep = ','): string[][] {
	const src = text.startsWith(BOM) ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === sep) row.push(field), (field = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			row.push(field), rows.push(row), (row = []), (field = '');
		} else field += c;
	}
	if (field || row.length) row.push(field), rows.push(row);
	return rows;
}

/** Parse CSV text (either variant) back into records: for tests and for anyone checking a file. */
export function parseCsv(text: string, sep = ','): Record<string, string>[] {
	const [header, ...body] = csvRowsOf(text, sep);
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** A number cell of either variant back to a number (null when empty). */
export function parseCsvNumber(s: string): number | null {
	return s === '' ? null : Number(s.replace(',', '.'));
}
