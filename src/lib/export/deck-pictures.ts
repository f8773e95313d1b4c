/**
 * Pictures for the slide decks: the site's own charts (the spine; with the picture option the
 * trend with its CI band and the county ranking with CIs) drawn by the same chart code as the
 * pages, into an off-screen box of the live document (so computed styles can be inlined), then
 * rasterised at 2×. Browser only; loaded with the deck.
 */
import { drawChart } from '$lib/charts/render';
import { outcomeLabels } from '$lib/view/outcomes';
import type { SpineRow } from '$lib/charts/spine';
import { toBase64 } from './download';
import { rasterize } from './png';
import { chartOnlySvg } from './svg';
import type { DeckData } from './deck-data';
import type { PictureRenderer } from './pptx';

/** The spine's rows from the deck data: indicators with a county spread and the nation's value. */
export function spineRows(data: DeckData, lang: 'sv' | 'en'): SpineRow[] {
	return data.indicators
		.filter((i) => i.spread && i.benchmark?.value != null)
		.map((i) => ({
			id: i.id,
			label: i.short[lang],
			nation: i.benchmark!.value!,
			value: i.latest?.value ?? null,
			...i.spread!,
			orientation: i.polarity === 'higher-is-worse' ? -1 : 1,
			outcome: i.outcome
		}));
}

export const renderPicture: PictureRenderer = async (req, lang) => {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = 'position:absolute;left:-10000px;top:0;width:1200px;background:#fff';
	const plot = document.createElement('div');
	plot.className = 'plot';
	host.append(plot);
	document.body.append(host);
	try {
		const names = Object.fromEntries(Object.entries(req.data.regionNames).map(([k, v]) => [k, v[lang]]));
		// Widths chosen so the charts' 13 px text lands near 14 pt on a 9.2-inch-wide picture.
		const fig =
			req.kind === 'spine'
				? drawChart('spine', [], { lang, spine: spineRows(req.data, lang), outcomeLabels: outcomeLabels(lang), width: 720 }, document)
				: req.kind === 'trend'
					? drawChart('trend', req.indicator.area, { lang, seriesBreaks: req.indicator.seriesBreaks, benchmark: req.indicator.nation, width: 640, height: 290 }, document)
					: drawChart('regions', req.indicator.counties, {
							lang,
							names,
							outcomes: req.indicator.countyOutcomes,
							outcomeLabels: outcomeLabels(lang),
							benchmarkLabel: lang === 'sv' ? 'Riket' : 'Sweden',
							highlight: req.data.area.code !== '00' ? req.data.area.code : undefined,
							width: 640
						}, document);
		plot.append(fig);
		const out = chartOnlySvg(host);
		if (out.width < 2) return null;
		const png = await rasterize(out.svg, out.width * 2, out.height * 2);
		return { png: toBase64(png), width: out.width, height: out.height };
	} finally {
		host.remove();
	}
};
