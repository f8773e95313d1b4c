import { error } from '@sveltejs/kit';
import { run } from '$lib/data/engine';
import { availabilityQuery, sourceIdsQuery } from '$lib/data/queries';
import { langOf } from '$lib/i18n/messages';
import { nodeEngine } from '$lib/server/db';
import { counties, groupDims, mapShapes, regionNames } from '$lib/server/catalog';
import { indicators, sources } from '$lib/server/pages';
import { firstView } from '$lib/server/render';
import { indicatorData } from '$lib/view/indicator-data';
import { defaultView, viewOptions } from '$lib/view/indicator-state';
import { outcomeLabels } from '$lib/view/outcomes';
import { messages } from '$lib/i18n/messages';

export const entries = () => indicators().flatMap((i) => [{ id: i.id }, { id: i.id, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const t = messages[lang];
	const indicator = indicators().find((i) => i.id === params.id);
	if (!indicator) error(404, `Indikatorn ${params.id} finns inte`);
	const dims = groupDims();
	const options = viewOptions(await run(nodeEngine, availabilityQuery(indicator.id)), counties().map((r) => r.code), dims.map((d) => d.id));
	const view = defaultView(options);
	const names = regionNames(lang);
	const labels = Object.fromEntries(dims.map((d) => [d.id, { label: d.label[lang], codes: Object.fromEntries([...d.codes].sort((a, b) => a.order - b.order).map((c) => [c.code, c.label[lang]])) }]));
	const seriesBreaks = (indicator.series_breaks ?? []).map((b) => b.year);

	// The same function the page calls in the browser for every later view.
	const first = await indicatorData(nodeEngine, indicator, view);
	const common = { lang, names, outcomes: first.outcomes, outcomeLabels: outcomeLabels(lang) };
	// Every source of this indicator: a view chosen later may show rows from another file.
	const cited = new Set(await run(nodeEngine, sourceIdsQuery(indicator.id)));

	return {
		lang,
		indicator,
		allIndicators: indicators().map((i) => ({ id: i.id, subgoal: i.subgoal, short: i.short })),
		options,
		labels,
		names,
		sources: sources().filter((s) => cited.has(s.source_id)),
		charts: {
			trend: firstView('trend', first.trend, { lang, seriesBreaks }),
			groups: firstView('groups', first.groups, { lang, labels: labels[view.group]?.codes ?? {}, totalLabel: t.all }),
			regions: firstView('regions', first.counties, { ...common, polarity: indicator.polarity, benchmarkLabel: t.nation }),
			map: firstView('map', first.counties, { ...common, shapes: mapShapes() })
		}
	};
}
