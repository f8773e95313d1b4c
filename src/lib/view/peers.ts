/**
 * Comparable counties, chosen by context that the monitored indicators do NOT measure, so that
 * "similar counties" never means "counties with similar results" (which would be circular and
 * dominated by whichever indicator has the widest spread):
 *
 * - neighbours: counties sharing a land border (Gotland has none);
 * - peers: the counties closest in population size and population density, each on the log
 *   scale and standardised by its standard deviation across the 21 counties (so neither measure
 *   dominates), Euclidean distance; ties broken by county code.
 *
 * Static context data (changes slowly; update with the catalog):
 * - population: thousands, 31 Dec 2023, rounded — the same figures as `data/catalog/regions.yaml`
 *   (`population_k`; a unit test checks they agree). Source: SCB, Befolkningsstatistik.
 * - land area: km² of land (lakes and sea excluded), rounded — SCB, Land- och vattenarealer
 *   (statistikdatabasen MI0802). Our transcription [I]; the total is checked against Sweden's
 *   land area (≈ 407 000 km²) in the tests.
 * - land borders: read from the county map (Lantmäteriet's administrative borders) [I]; water
 *   crossings (Mälaren, the Baltic) do not count.
 */

export interface CountyContext {
	population_k: number;
	land_km2: number;
	neighbours: readonly string[];
}

export const COUNTY_CONTEXT: Readonly<Record<string, CountyContext>> = {
	'01': { population_k: 2454, land_km2: 6519, neighbours: ['03', '04'] },
	'03': { population_k: 400, land_km2: 8189, neighbours: ['01', '19', '20', '21'] },
	'04': { population_k: 301, land_km2: 6103, neighbours: ['01', '05', '18', '19'] },
	'05': { population_k: 470, land_km2: 10559, neighbours: ['04', '06', '08', '18'] },
	'06': { population_k: 369, land_km2: 10436, neighbours: ['05', '07', '08', '13', '14'] },
	'07': { population_k: 203, land_km2: 8424, neighbours: ['06', '08', '10', '12', '13'] },
	'08': { population_k: 247, land_km2: 11165, neighbours: ['05', '06', '07', '10'] },
	'09': { population_k: 61, land_km2: 3134, neighbours: [] },
	'10': { population_k: 157, land_km2: 2931, neighbours: ['07', '08', '12'] },
	'12': { population_k: 1421, land_km2: 10968, neighbours: ['07', '10', '13'] },
	'13': { population_k: 341, land_km2: 5427, neighbours: ['06', '07', '12', '14'] },
	'14': { population_k: 1766, land_km2: 23800, neighbours: ['06', '13', '17', '18'] },
	'17': { population_k: 283, land_km2: 17519, neighbours: ['14', '18', '20'] },
	'18': { population_k: 307, land_km2: 8504, neighbours: ['04', '05', '14', '17', '19', '20'] },
	'19': { population_k: 280, land_km2: 5118, neighbours: ['03', '04', '18', '20'] },
	'20': { population_k: 288, land_km2: 28029, neighbours: ['03', '17', '18', '19', '21', '23'] },
	'21': { population_k: 287, land_km2: 18118, neighbours: ['03', '20', '22', '23'] },
	'22': { population_k: 244, land_km2: 21549, neighbours: ['21', '23', '24'] },
	'23': { population_k: 132, land_km2: 48935, neighbours: ['20', '21', '22', '24'] },
	'24': { population_k: 275, land_km2: 54665, neighbours: ['22', '23', '25'] },
	'25': { population_k: 249, land_km2: 97238, neighbours: ['24'] }
};

/** Counties sharing a land border with `code`, in code order. */
export function neighbours(code: string, context: Readonly<Record<string, CountyContext>> = COUNTY_CONTEXT): string[] {
	return [...(context[code]?.neighbours ?? [])].sort();
}

function sd(xs: readonly number[]): number {
	const m = xs.reduce((s, x) => s + x, 0) / xs.length;
	return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * The `count` counties most like `code` in population size and density (see the module comment),
 * excluding `code` itself and any in `exclude` (e.g. its neighbours, already listed).
 */
export function similarCounties(
	code: string,
	options: { count?: number; exclude?: readonly string[]; context?: Readonly<Record<string, CountyContext>> } = {}
): string[] {
	const context = options.context ?? COUNTY_CONTEXT;
	const me = context[code];
	if (!me) return [];
	const codes = Object.keys(context);
	const logPop = (c: string) => Math.log(context[c].population_k);
	const logDensity = (c: string) => Math.log(context[c].population_k / context[c].land_km2);
	const sPop = sd(codes.map(logPop));
	const sDen = sd(codes.map(logDensity));
	const exclude = new Set([code, ...(options.exclude ?? [])]);
	return codes
		.filter((c) => !exclude.has(c))
		.map((c) => [c, Math.hypot((logPop(c) - logPop(code)) / sPop, (logDensity(c) - logDensity(code)) / sDen)] as const)
		.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
		.slice(0, options.count ?? 3)
		.map(([c]) => c);
}
