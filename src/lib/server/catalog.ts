/** Dimension files for prerendering, with the lookups pages need. */
import type { RegionMeta, Texts } from '$lib/data/catalog';
import type { MapShapes } from '$lib/charts/map';
import type { Lang } from '$lib/i18n/format';
import { readDataJson } from './db';

export interface GroupDim {
	id: string;
	label: Texts;
	order: number;
	codes: { code: string; label: Texts; order: number }[];
}

export function counties(): RegionMeta[] {
	return readDataJson<RegionMeta[]>('regions.json').filter((r) => r.level === 'nation' || r.level === 'county');
}

export function regionNames(lang: Lang): Record<string, string> {
	return Object.fromEntries(counties().map((r) => [r.code, r.name[lang]]));
}

export function groupDims(): GroupDim[] {
	return readDataJson<GroupDim[]>('groups.json');
}

export function mapShapes(): MapShapes {
	const m = readDataJson<MapShapes & { counties: Record<string, { path: string }> }>('map/counties.json');
	// Only what the map draws travels to the page.
	return { viewBox: m.viewBox, attribution: m.attribution, counties: Object.fromEntries(Object.entries(m.counties).map(([k, v]) => [k, { path: v.path }])) };
}
