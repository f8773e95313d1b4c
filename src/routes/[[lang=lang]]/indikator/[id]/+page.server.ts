import { error } from '@sveltejs/kit';
import { availabilityQuery, groupBreakdownQuery, regionComparisonQuery, trendQuery } from '$lib/data/queries';
import { preferSingleYears } from '$lib/data/series';
import { langOf } from '$lib/i18n/messages';
import { runQuery } from '$lib/server/db';
import { counties, groupDims, mapShapes, regionNames } from '$lib/server/catalog';
import { indicators, sources } from '$lib/server/pages';
import { firstView } from '$lib/server/render';
import { defaultView, parsePeriodKey, viewOptions } from '$lib/view/indicator-state';
import { countyOutcomes, outcomeLabels } from '$lib/view/outcomes';

export const entries = () => indicators().flatMap((i) => [{ id: i.id }, { id: i.id, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const indicator = indicators().find((i) => i.id === params.id);
	if (!indicator) error(404, `Indikatorn ${params.id} finns inte`);
	const dims = groupDims();
	const options = viewOptions(await runQuery(availabilityQuery(indicator.id)), counties().map((r) => r.code), dims.map((d) => d.id));
	const view = defaultView(options);
	const names = regionNames(lang);
	const labels = Object.fromEntries(dims.map((d) => [d.id, { label: d.label[lang], codes: Object.fromEntries(d.codes.sort((a, b) => a.order - b.order).map((c) => [c.code, c.label[lang]])) }]));
	const seriesBreaks = (indicator.series_breaks ?? []).map((b) => b.year);

	const trendRows = preferSingleYears(await runQuery(trendQuery({ indicator: indicator.id, region: '00', sex: 'T', groupDim: 'total', groupCode: 'total' })));
	const groupRows = view.period
		? await runQuery(groupBreakdownQuery({ indicator: indicator.id, region: '00', sex: 'T', groupDim: view.group, period: parsePeriodKey(view.period) }))
		: [];
	const countyRows = view.countyPeriod ? await runQuery(regionComparisonQuery({ indicator: indicator.id, sex: 'T', period: parsePeriodKey(view.countyPeriod) })) : [];
	const outcomes = countyOutcomes(countyRows, indicator.polarity, 0.95);
	const common = { lang, names, outcomes, outcomeLabels: outcomeLabels(lang) };
	const used = new Set([...trendRows, ...groupRows, ...countyRows].map((r) => r.source_id));

	return {
		lang,
		indicator,
		allIndicators: indicators().map((i) => ({ id: i.id, subgoal: i.subgoal, short: i.short })),
		options,
		labels,
		names,
		sources: sources().filter((s) => used.has(s.source_id) || s.source_id.startsWith('demo-')),
		charts: {
			trend: firstView('trend', trendRows, { lang, seriesBreaks }),
			groups: firstView('groups', groupRows, { lang, labels: labels[view.group]?.codes ?? {}, totalLabel: lang === 'sv' ? 'Alla' : 'All' }),
			regions: firstView('regions', countyRows, { ...common, polarity: indicator.polarity, benchmarkLabel: lang === 'sv' ? 'Riket' : 'Sweden' }),
			map: firstView('map', countyRows, { ...common, shapes: mapShapes() })
		}
	};
}
