/**
 * Dimension tables for the site: compact JSON (indicators.json, regions.json, groups.json,
 * sources.json) and the same as flat Parquet. The JSON shapes only ever gain fields.
 */
import type { Catalog } from '../catalog/load.ts';
import type { Observation } from '../../src/lib/data/observation.ts';
import type { SourceRecord } from './records.ts';

export interface IndicatorStats {
	rows: number;
	real: number;
	demo: number;
	/** Distinct periods with a national total (any source), "YYYY" or "YYYY-YYYY". */
	periods: string[];
	regions: number;
}

export function indicatorsJson(catalog: Catalog, observations: readonly Observation[]) {
	const stats = new Map<string, IndicatorStats>();
	const periodSets = new Map<string, Set<string>>();
	const regionSets = new Map<string, Set<string>>();
	for (const o of observations) {
		let s = stats.get(o.indicator_id);
		if (!s) stats.set(o.indicator_id, (s = { rows: 0, real: 0, demo: 0, periods: [], regions: 0 }));
		s.rows++;
		if (o.is_demo) s.demo++;
		else s.real++;
		if (o.region_code === '00' && o.group_dim === 'total' && o.sex === 'T')
			(periodSets.get(o.indicator_id) ?? periodSets.set(o.indicator_id, new Set()).get(o.indicator_id)!).add(
				o.period_start === o.period_end ? String(o.period_start) : `${o.period_start}-${o.period_end}`
			);
		(regionSets.get(o.indicator_id) ?? regionSets.set(o.indicator_id, new Set()).get(o.indicator_id)!).add(o.region_code);
	}
	return catalog.indicators.map((ind) => {
		const pub = catalog.publishers.find((p) => p.id === ind.source.publisher);
		const s = stats.get(ind.id) ?? { rows: 0, real: 0, demo: 0, periods: [], regions: 0 };
		return {
			id: ind.id,
			subgoal: ind.subgoal,
			name: ind.name,
			short: ind.short,
			unit: ind.unit,
			polarity: ind.polarity,
			sampling: ind.sampling,
			plain: ind.plain,
			definition: ind.definition,
			question: ind.question,
			source: {
				publisher: ind.source.publisher,
				publisher_name: pub?.name ?? null,
				producer: ind.source.producer,
				api: ind.source.api,
				table: ind.source.table,
				url: ind.source.url,
				derived: ind.source.derived ?? null,
				note: ind.source.note ?? null,
				attribution: pub?.attribution ?? null,
				licence: pub?.licence ?? null
			},
			breakdowns: ind.breakdowns,
			age: ind.age,
			periods: ind.periods,
			series_breaks: ind.series_breaks,
			suppression: ind.suppression,
			first_year: ind.first_year,
			geography: ind.geography,
			verification: ind.verification,
			data: { ...s, periods: [...(periodSets.get(ind.id) ?? [])].sort(), regions: regionSets.get(ind.id)?.size ?? 0 }
		};
	});
}

export function indicatorsFlat(catalog: Catalog) {
	return catalog.indicators.map((i) => ({
		id: i.id,
		subgoal: i.subgoal,
		name_sv: i.name.sv,
		name_en: i.name.en,
		short_sv: i.short.sv,
		short_en: i.short.en,
		plain_sv: i.plain?.sv ?? '',
		plain_en: i.plain?.en ?? '',
		definition_sv: i.definition.sv,
		definition_en: i.definition.en,
		unit: i.unit,
		polarity: i.polarity,
		publisher: i.source.publisher,
		api: i.source.api,
		source_table: i.source.table ?? '',
		breakdowns: i.breakdowns.join(','),
		geography: i.geography.join(','),
		first_year: i.first_year,
		verification: i.verification.level,
		verification_note: i.verification.note
	}));
}

export interface RegionRow {
	code: string;
	level: 'nation' | 'county' | 'municipality';
	name: { sv: string; en: string };
	short: { sv: string; en: string };
	/** '00' for counties, the county for municipalities, null for the nation. */
	parent: string | null;
	nuts2: string | null;
	nuts2_name: { sv: string; en: string } | null;
	order: number;
}

export function regionsJson(catalog: Catalog): RegionRow[] {
	const nuts = new Map(catalog.nuts2.map((n) => [n.code, n.name]));
	const out: RegionRow[] = catalog.regions.map((r, i) => ({
		code: r.code,
		level: r.level,
		name: r.name,
		short: r.short,
		parent: r.level === 'nation' ? null : '00',
		nuts2: r.nuts2 ?? null,
		nuts2_name: r.nuts2 ? (nuts.get(r.nuts2) ?? null) : null,
		order: i
	}));
	catalog.municipalities.forEach((m, i) => {
		const county = catalog.regions.find((r) => r.code === m.county_code);
		out.push({
			code: m.municipality_code,
			level: 'municipality',
			name: { sv: m.municipality_name_short, en: m.municipality_name_short },
			short: { sv: m.municipality_name_short, en: m.municipality_name_short },
			parent: m.county_code,
			nuts2: county?.nuts2 ?? null,
			nuts2_name: county?.nuts2 ? (nuts.get(county.nuts2) ?? null) : null,
			order: 100 + i
		});
	});
	return out;
}

export function regionsFlat(rows: RegionRow[]) {
	return rows.map((r) => ({ code: r.code, level: r.level, name_sv: r.name.sv, name_en: r.name.en, short_sv: r.short.sv, short_en: r.short.en, parent: r.parent ?? '', nuts2: r.nuts2 ?? '', order: r.order }));
}

export function groupsJson(catalog: Catalog) {
	return [...catalog.groups]
		.sort((a, b) => a.order - b.order)
		.map((g) => ({
			id: g.id,
			kind: g.kind,
			label: g.label,
			order: g.order,
			codes: [...g.codes].sort((a, b) => a.order - b.order).map((c) => ({ code: c.code, label: c.label, order: c.order, standard: c.standard ?? true }))
		}));
}

export function groupsFlat(catalog: Catalog) {
	return groupsJson(catalog).flatMap((g) =>
		g.codes.map((c) => ({ group_dim: g.id, kind: g.kind, group_dim_sv: g.label.sv, group_dim_en: g.label.en, dim_order: g.order, group_code: c.code, label_sv: c.label.sv, label_en: c.label.en, order: c.order, standard: c.standard }))
	);
}

export function sourcesFlat(sources: readonly SourceRecord[]) {
	return sources.map((s) => ({ ...s, fetched_at: s.fetched_at ?? '', attribution: s.attribution ?? '', kind: s.kind ?? '', indicator_id: s.indicator_id ?? '', publisher_en: s.publisher_en ?? '', title_en: s.title_en ?? '', citation_en: s.citation_en ?? '', cited_in: s.cited_in ?? '' }));
}
