/**
 * Comparison outcomes for display: every county against the nation for the same period, by the
 * stats module's rules. Kept here so the indicator page, the region page and the build all
 * compute outcomes the same way.
 */
import type { Observation } from '$lib/data/observation';
import type { Polarity } from '$lib/data/catalog';
import { compareToBenchmark, type ComparisonOutcome as Outcome, type ComparisonResult, type DataKind, type Level } from '$lib/stats';
import type { Lang } from '$lib/i18n/format';
import { sameKindOrNull } from '$lib/data/series';

export function countyOutcomes(rows: readonly Observation[], polarity: Polarity, level: Level, kind: DataKind = {}): Record<string, Outcome> {
	const nation = rows.find((r) => r.region_code === '00') ?? null;
	const out: Record<string, Outcome> = {};
	for (const r of rows) if (r.region_code !== '00') out[r.region_code] = compareToBenchmark(r, nation, { polarity, level, ...kind }).outcome;
	return out;
}

export function compareWithNation(region: Observation, nation: Observation | null, polarity: Polarity, level: Level, kind: DataKind = {}): ComparisonResult {
	return compareToBenchmark(region, nation, { polarity, level, ...kind });
}

export function outcomeLabels(lang: Lang): Record<Outcome, string> {
	return lang === 'sv'
		? { better: 'Bättre än riket', similar: 'Ingen statistiskt säkerställd skillnad', worse: 'Sämre än riket', higher: 'Högre än riket', lower: 'Lägre än riket', 'not-compared': 'Ej jämförd' }
		: { better: 'Better than Sweden', similar: 'No significant difference', worse: 'Worse than Sweden', higher: 'Higher than Sweden', lower: 'Lower than Sweden', 'not-compared': 'Not compared' };
}

/** "Andel som …" → "Andelen som …" / "Share who …" → "The share who …", for sentences. */
export function subjectName(name: { sv: string; en: string }): { sv: string; en: string } {
	return { sv: name.sv.replace(/^Andel /, 'Andelen '), en: name.en.replace(/^Share /, 'The share ') };
}
