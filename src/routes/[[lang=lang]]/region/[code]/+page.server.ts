import { error } from '@sveltejs/kit';
import { regionProfileQuery } from '$lib/data/queries';
import { langOf } from '$lib/i18n/messages';
import { readDataJson, runQuery } from '$lib/server/db';
import { indicators, sourcesFor } from '$lib/server/pages';
import type { RegionMeta } from '$lib/data/catalog';

function regions(): RegionMeta[] {
	return readDataJson<RegionMeta[]>('regions.json').filter((r) => r.level !== 'municipality');
}

export const entries = () => regions().flatMap((r) => [{ code: r.code }, { code: r.code, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const region = regions().find((r) => r.code === params.code);
	if (!region) error(404, `Regionen ${params.code} finns inte`);
	const list = indicators();
	const rows = await runQuery(regionProfileQuery({ region: region.code, indicators: list.map((i) => i.id), sex: 'T' }));
	return { lang, region, regions: regions(), indicators: list, rows, sources: sourcesFor(rows) };
}
