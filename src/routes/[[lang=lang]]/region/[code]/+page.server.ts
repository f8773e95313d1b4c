import { error } from '@sveltejs/kit';
import { regionComparisonQuery, regionProfileQuery } from '$lib/data/queries';
import { langOf } from '$lib/i18n/messages';
import { runQuery } from '$lib/server/db';
import { counties } from '$lib/server/catalog';
import { indicators, sourcesFor } from '$lib/server/pages';
import { firstView, renderSvg } from '$lib/server/render';
import { profileRow } from '$lib/view/region-profile';
import { neighbours, similarCounties } from '$lib/view/peers';
import { outcomeLabels } from '$lib/view/outcomes';
import type { SpineRow } from '$lib/charts/spine';
import { municipalitiesOf } from '$lib/server/municipality';

export const entries = () => counties().flatMap((r) => [{ code: r.code }, { code: r.code, lang: 'en' }]);

export async function load({ params }) {
	const lang = langOf(params.lang);
	const regions = counties();
	const region = regions.find((r) => r.code === params.code);
	if (!region) error(404, `Regionen ${params.code} finns inte`);
	const list = indicators();
	const rows = await runQuery(regionProfileQuery({ region: region.code, indicators: list.map((i) => i.id), sex: 'T' }));

	const profile = [];
	for (const ind of list) {
		const own = rows.filter((r) => r.indicator_id === ind.id && r.region_code === region.code && (r.value !== null || r.status !== null)).at(-1);
		const spreadRows = own ? await runQuery(regionComparisonQuery({ indicator: ind.id, sex: 'T', period: { start: own.period_start, end: own.period_end } })) : [];
		const row = profileRow(ind, region.code, region.name, rows, spreadRows);
		const shown = row.series.filter((r) => r.value !== null);
		profile.push({ ...row, series: [], spark: shown.length > 1 ? renderSvg('sparkline', shown, {}) : '' });
	}

	// Comparable counties by context the indicators do not measure (view/peers.ts): land
	// neighbours, then the counties most alike in population size and density.
	const sameArea = region.code === '00' ? [] : neighbours(region.code);
	const similar = region.code === '00' ? [] : similarCounties(region.code, { exclude: sameArea });

	const spine: SpineRow[] = profile
		.filter((p) => p.spread && p.benchmark?.value != null)
		.map((p) => ({
			id: p.indicator.id,
			label: p.indicator.short[lang],
			nation: p.benchmark!.value!,
			value: p.estimate?.value ?? null,
			...p.spread!,
			orientation: p.indicator.polarity === 'higher-is-worse' ? -1 : 1,
			outcome: p.at95.outcome
		}));
	return {
		lang,
		region,
		regions: regions.map((r) => ({ code: r.code, name: r.name, nuts2: r.nuts2 ?? null })),
		profile,
		sameArea,
		similar,
		sources: sourcesFor(rows),
		municipalities: region.code === '00' ? [] : await municipalitiesOf(region.code),
		spine: region.code === '00' ? null : firstView('spine', [], { lang, spine, outcomeLabels: outcomeLabels(lang) })
	};
}

function periodOf(o: { period_start: number; period_end: number } | null | undefined) {
	return o ? { start: o.period_start, end: o.period_end } : { start: 0, end: 0 };
}
