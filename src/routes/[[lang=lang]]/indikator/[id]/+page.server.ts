import { error } from '@sveltejs/kit';
import { trendQuery } from '$lib/data/queries';
import { preferSingleYears } from '$lib/data/series';
import { langOf } from '$lib/i18n/messages';
import { runQuery } from '$lib/server/db';
import { indicators, sourcesFor } from '$lib/server/pages';
import { renderSvg } from '$lib/server/render';

export const entries = () => indicators().flatMap((i) => [{ id: i.id }, { id: i.id, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const indicator = indicators().find((i) => i.id === params.id);
	if (!indicator) error(404, `Indikatorn ${params.id} finns inte`);
	const trend = preferSingleYears(await runQuery(trendQuery({ indicator: indicator.id, region: '00', sex: 'T', groupDim: 'total', groupCode: 'total' })));
	const options = { lang, seriesBreaks: (indicator.series_breaks ?? []).map((b) => b.year) };
	return { lang, indicator, sources: sourcesFor(trend), trend: { rows: trend, options, svg: renderSvg('trend', trend, options) } };
}
