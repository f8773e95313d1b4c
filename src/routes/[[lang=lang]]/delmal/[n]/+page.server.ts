import { error } from '@sveltejs/kit';
import { langOf } from '$lib/i18n/messages';
import { indicators, nationalTiles, sourcesFor } from '$lib/server/pages';
import { firstView } from '$lib/server/render';
import { nodeEngine } from '$lib/server/db';
import { groupDims } from '$lib/server/catalog';
import { gapGrid } from '$lib/view/gap-grid';

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
	// The gap overview (issue #20 item 6), prerendered: the page itself loads no engine.
	const dims = groupDims().filter((d) => d.id !== 'total');
	const grid = await gapGrid(nodeEngine, tiles.map((t) => t.indicator), dims.map((d) => d.id));
	const gapLabels = Object.fromEntries(dims.filter((d) => grid.dims.includes(d.id)).map((d) => [d.id, { label: d.label[lang], codes: Object.fromEntries(d.codes.map((c) => [c.code, c.label[lang]])) }]));
	const gapSources = sourcesFor(grid.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => [c.gap.a, c.gap.b])));
	return { lang, n: n as 1 | 2 | 3, tiles, charts, sources: sourcesFor(tiles.flatMap((t) => t.series)), grid, gapLabels, gapSources };
}
