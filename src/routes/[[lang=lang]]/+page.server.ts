import { langOf } from '$lib/i18n/messages';
import { indicators, nationalTiles, sourcesFor } from '$lib/server/pages';
import { renderSvg } from '$lib/server/render';
import { counties } from '$lib/server/catalog';

export async function load({ params }) {
	const lang = langOf(params.lang);
	const tiles = await nationalTiles(indicators());
	// The featured chart: the indicator with the most real (non-example) national figures.
	const realCount = (t: (typeof tiles)[number]) => t.series.filter((r) => !r.is_demo && r.value !== null).length;
	const featured = [...tiles].sort((a, b) => realCount(b) - realCount(a))[0];
	const options = { lang, seriesBreaks: (featured.indicator.series_breaks ?? []).map((b) => b.year) };
	return {
		lang,
		regions: counties(),
		tiles,
		sources: sourcesFor(tiles.flatMap((t) => t.series)),
		featured: { indicator: featured.indicator, rows: featured.series, options, svg: renderSvg('trend', featured.series, options) }
	};
}
