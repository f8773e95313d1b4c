import { error } from '@sveltejs/kit';
import { langOf } from '$lib/i18n/messages';
import { nodeEngine } from '$lib/server/db';
import { counties } from '$lib/server/catalog';
import { indicators, sourcesFor } from '$lib/server/pages';
import { firstView, renderSvg } from '$lib/server/render';
import { municipalitiesOf } from '$lib/server/municipality';
import { regionProfile, spineRows } from '$lib/view/region-profile';
import { outcomeLabels } from '$lib/view/outcomes';

export const entries = () => counties().flatMap((r) => [{ code: r.code }, { code: r.code, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const regions = counties();
	const region = regions.find((r) => r.code === params.code);
	if (!region) error(404, `Regionen ${params.code} finns inte`);
	const p = await regionProfile(nodeEngine, indicators(), regions, region.code);
	const profile = p.rows.map((row) => {
		const shown = row.series.filter((r) => r.value !== null);
		return { ...row, series: [], spark: shown.length > 1 ? renderSvg('sparkline', shown, {}) : '' };
	});
	return {
		lang,
		region,
		regions: regions.map((r) => ({ code: r.code, name: r.name, level: r.level, nuts2: r.nuts2 ?? null })),
		profile,
		sameArea: p.sameArea,
		similar: p.similar,
		sources: sourcesFor(p.observations),
		municipalities: region.code === '00' ? [] : await municipalitiesOf(region.code),
		spine: region.code === '00' ? null : firstView('spine', [], { lang, spine: spineRows(p.rows, lang), outcomeLabels: outcomeLabels(lang) })
	};
}
