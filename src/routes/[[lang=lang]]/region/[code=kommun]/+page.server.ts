import { error } from '@sveltejs/kit';
import { langOf } from '$lib/i18n/messages';
import { counties } from '$lib/server/catalog';
import { allMunicipalities, municipalitiesWithData, municipalityRows } from '$lib/server/municipality';
import { indicators, sourcesFor } from '$lib/server/pages';
import { firstView } from '$lib/server/render';
import { municipalityProfile, MUNICIPAL_CAUTION } from '$lib/view/municipality';
import { outcomeLabels } from '$lib/view/outcomes';

export const entries = async () => [...(await municipalitiesWithData()).keys()].flatMap((code) => [{ code }, { code, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const have = await municipalitiesWithData();
	const m = allMunicipalities().find((r) => r.code === params.code);
	if (!m || !have.has(m.code)) error(404, `Kommunen ${params.code} finns inte eller har inga värden`);
	const county = counties().find((r) => r.code === m.parent)!;
	const rows = await municipalityRows(m.code, county.code);
	const profile = municipalityProfile(indicators(), m.code, m.name, county.code, rows);
	return {
		lang,
		municipality: { code: m.code, name: m.name },
		county: { code: county.code, name: county.name },
		profile: profile.map((p) => ({
			...p,
			series: [],
			countySeries: [],
			chart: firstView('trend', p.series, { lang, benchmark: p.countySeries, seriesBreaks: (p.indicator.series_breaks ?? []).map((b) => b.year) })
		})),
		missing: indicators().filter((i) => !profile.some((p) => p.indicator.id === i.id)).map((i) => ({ id: i.id, name: i.name })),
		caution: profile.some((p) => p.survey) ? { text: MUNICIPAL_CAUTION[lang], url: MUNICIPAL_CAUTION.url } : null,
		outcomeLabels: outcomeLabels(lang),
		sources: sourcesFor(rows)
	};
}
