import { error } from '@sveltejs/kit';
import { langOf } from '$lib/i18n/messages';
import { indicators, nationalTiles, sourcesFor } from '$lib/server/pages';
import { firstView } from '$lib/server/render';

export const entries = () => ['1', '2', '3'].flatMap((n) => [{ n }, { n, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const n = Number(params.n);
	if (![1, 2, 3].includes(n)) error(404, `Delmål ${params.n} finns inte`);
	const tiles = await nationalTiles(indicators().filter((i) => i.subgoal === n));
	// One trend per indicator: the subgoal at a glance, and slides for a presentation.
	// Shared y-axis across the subgoal's small multiples, so levels compare at a glance.
	const yMax = Math.max(10, ...tiles.flatMap((t) => t.series.map((r) => r.ci_high ?? r.value ?? 0)));
	const charts = tiles.map((t) => firstView('trend', t.series, { lang, seriesBreaks: (t.indicator.series_breaks ?? []).map((b) => b.year), height: 240, yMax }));
	return { lang, n: n as 1 | 2 | 3, tiles, charts, sources: sourcesFor(tiles.flatMap((t) => t.series)) };
}
