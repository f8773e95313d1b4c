/**
 * The coverage table (static/data/coverage.json, written by the pipeline): per indicator × level ×
 * breakdown, how many cells are real and how many are example data, and for which periods. One
 * formatter for the About page and the README (scripts/coverage-table.ts), so both say the same.
 */
import type { Lang } from '$lib/i18n/format';

/** One row of coverage.json, as pipelines/write/coverage.ts writes it. */
export interface CoverageRow {
	indicator_id: string;
	level: 'nation' | 'county' | 'municipality';
	/** 'total', 'sex' (women/men), or a group dimension ('age', 'education', …). */
	breakdown: string;
	real_cells: number;
	example_cells: number;
	/** Cells without a value (suppressed or not published), real or example source. */
	missing_cells: number;
	real_periods: string[];
	example_periods: string[];
}

const LEVEL: Record<CoverageRow['level'], Record<Lang, string>> = {
	nation: { sv: 'Riket', en: 'Sweden' },
	county: { sv: 'Län', en: 'Counties' },
	municipality: { sv: 'Kommuner', en: 'Municipalities' }
};
const BREAKDOWN: Record<string, Record<Lang, string>> = {
	total: { sv: 'Totalt', en: 'Total' },
	sex: { sv: 'Kön', en: 'Sex' },
	age: { sv: 'Ålder', en: 'Age' },
	country_of_birth: { sv: 'Födelseland', en: 'Country of birth' },
	education: { sv: 'Utbildning', en: 'Education' },
	employment: { sv: 'Sysselsättning', en: 'Employment' },
	disability: { sv: 'Funktionsnedsättning', en: 'Disability' },
	household: { sv: 'Hushåll', en: 'Household' },
	school_year: { sv: 'Årskurs', en: 'School year' }
};

/** "2014 … 2023 (10)"; up to three periods listed; "–" for none. Windows with an en dash. */
export function periodsText(list: readonly string[]): string {
	const l = list.map((p) => p.replace('-', '–'));
	if (!l.length) return '–';
	return l.length > 3 ? `${l[0]} … ${l.at(-1)} (${l.length})` : l.join(', ');
}

export function coverageHeaders(lang: Lang): string[] {
	return lang === 'sv'
		? ['Indikator', 'Nivå', 'Redovisning', 'Verkliga celler', 'Verkliga perioder', 'Exempelceller', 'Exempelperioder']
		: ['Indicator', 'Level', 'Breakdown', 'Real cells', 'Real periods', 'Example cells', 'Example periods'];
}

export function coverageCells(rows: readonly CoverageRow[], names: Record<string, string>, lang: Lang): string[][] {
	return rows.map((r) => [
		names[r.indicator_id] ?? r.indicator_id,
		LEVEL[r.level][lang],
		BREAKDOWN[r.breakdown]?.[lang] ?? r.breakdown,
		String(r.real_cells),
		periodsText(r.real_periods),
		String(r.example_cells),
		periodsText(r.example_periods)
	]);
}

/** The same table as Markdown (README). */
export function coverageMarkdown(rows: readonly CoverageRow[], names: Record<string, string>, lang: Lang): string {
	const esc = (s: string) => s.replaceAll('|', '\\|');
	const head = coverageHeaders(lang);
	return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i >= 3 && i % 2 === 1 ? '---:' : '---')).join('|')}|`, ...coverageCells(rows, names, lang).map((c) => `| ${c.map(esc).join(' | ')} |`)].join('\n') + '\n';
}
