/** Build-time data for municipality pages (/region/<4-digit code>) and the lists on county pages. */
import type { RegionMeta } from '$lib/data/catalog';
import type { Observation } from '$lib/data/observation';
import { municipalitiesWithDataQuery, regionProfileQuery } from '$lib/data/queries';
import { run } from '$lib/data/engine';
import { nodeEngine, readDataJson } from './db';
import { indicators } from './pages';

export interface MunicipalityMeta extends RegionMeta {
	parent: string;
}

export function allMunicipalities(): MunicipalityMeta[] {
	return readDataJson<MunicipalityMeta[]>('regions.json').filter((r) => r.level === 'municipality');
}

let withData: Promise<Map<string, string[]>> | null = null;
/** Municipality code → the indicators it has values for (only these municipalities get a page). */
export function municipalitiesWithData(): Promise<Map<string, string[]>> {
	withData ??= run(nodeEngine, municipalitiesWithDataQuery(indicators().map((i) => i.id))).then((rows) => new Map(rows.map((r) => [r.region_code, r.indicators])));
	return withData;
}

/** A county's municipalities that have a page, in name order. */
export async function municipalitiesOf(county: string): Promise<{ code: string; name: RegionMeta['name']; indicators: number }[]> {
	const have = await municipalitiesWithData();
	return allMunicipalities()
		.filter((m) => m.parent === county && have.has(m.code))
		.map((m) => ({ code: m.code, name: m.name, indicators: have.get(m.code)!.length }))
		.sort((a, b) => a.name.sv.localeCompare(b.name.sv, 'sv'));
}

let everyRegion: Promise<Observation[]> | null = null;
/** Every municipality's, county's and the nation's totals: queried and mapped once per build, shared by all municipal pages. */
function everyRegionRows(): Promise<Observation[]> {
	everyRegion ??= run(nodeEngine, regionProfileQuery({ allMunicipalities: true, indicators: indicators().map((i) => i.id), sex: 'T' }));
	return everyRegion;
}

/** The municipality's, its county's and the nation's totals for every indicator. */
export async function municipalityRows(code: string, county: string): Promise<Observation[]> {
	const all = await everyRegionRows();
	// The same order as before: the municipality's and the nation's rows, then its county's.
	return [...all.filter((r) => r.region_code === code || r.region_code === '00'), ...all.filter((r) => r.region_code === county)];
}
