/**
 * A municipality's profile: each indicator's latest municipal value compared with its county and
 * with the nation for the same period (within one kind: real with real), plus Folkhälsomyndigheten's
 * caution against comparing municipalities with each other in survey data. Pure: the page's loader
 * calls it with query rows.
 */
import type { IndicatorMeta } from '$lib/data/catalog';
import type { Observation } from '$lib/data/observation';
import type { Lang } from '$lib/i18n/format';
import { profileRow, type ProfileRow } from './region-profile';

export interface MunicipalityRow {
	indicator: IndicatorMeta;
	vsCounty: ProfileRow;
	vsNation: ProfileRow;
	/** The municipality's own series, and its county's, for the trend chart. */
	series: Observation[];
	countySeries: Observation[];
	/** A survey estimate (sample, CI): Folkhälsomyndigheten's caution applies. */
	survey: boolean;
}

export function municipalityProfile(
	list: readonly IndicatorMeta[],
	code: string,
	name: Record<Lang, string>,
	county: string,
	rows: readonly Observation[]
): MunicipalityRow[] {
	const out: MunicipalityRow[] = [];
	for (const indicator of list) {
		const series = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === code);
		if (!series.some((r) => r.value !== null)) continue;
		const vsCounty = profileRow(indicator, code, name, rows, [], county);
		const vsNation = profileRow(indicator, code, name, rows, [], '00');
		// The county's line in the same kind of period (single years with single years).
		const single = series.every((s) => s.period_start === s.period_end);
		const countySeries = rows.filter((r) => r.indicator_id === indicator.id && r.region_code === county && (r.period_start === r.period_end) === single);
		out.push({ indicator, vsCounty, vsNation, series, countySeries, survey: series.some((r) => r.ci_low !== null) || indicator.suppression != null });
	}
	return out;
}

/** Folkhälsomyndigheten on municipal survey figures (psykisk hälsa, läns- och kommunstatistik). */
export const MUNICIPAL_CAUTION = {
	url: 'https://www.folkhalsomyndigheten.se/livsvillkor-levnadsvanor/psykisk-halsa-och-suicidprevention/statistik-psykisk-halsa/psykisk-halsa-lans-och-kommunstatistik/',
	sv: 'Folkhälsomyndigheten: ”Vi rekommenderar inte att jämföra olika kommuner eftersom dessa skillnader inte är statistiskt säkerställda.” Kommunvärden från enkäter bygger på få svarande och har breda konfidensintervall; jämför kommunen med länet och riket, inte med andra kommuner.',
	en: 'Public Health Agency of Sweden: “We do not recommend comparing municipalities, because these differences are not statistically established.” Municipal survey values rest on few respondents and have wide confidence intervals; compare the municipality with its county and Sweden, not with other municipalities.'
} as const;
