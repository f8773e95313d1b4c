/**
 * A seeded SYNTHETIC respondent file with a realistic survey design, for tests, the benchmark
 * and the "Prova med en exempelfil" button. Every row says `syntetisk = ja`, and the file name
 * starts with "syntetiska-svar". Nothing here is a real answer.
 *
 * Design (like the national public-health survey, HLV):
 * - strata = the 21 counties; the sample is allocated half equally, half by population, so small
 *   counties are oversampled and weights differ between counties;
 * - PSUs = municipalities within the county (sizes drawn once per seed), respondents drawn by size;
 * - response propensity varies by age (the young answer less), and weights are calibrated
 *   (post-stratified) to the population by county × sex × age band, so Σ weights = population;
 * - items: P(yes) = national level (the example data's calibration, src/lib/example/profiles.ts,
 *   for the survey year) × sex and age gradients × county and municipality effects; the
 *   municipality effect makes answers cluster within PSUs, so the design effect is real;
 * - internal non-response: 3 % answer 9 ("vet ej", a missing code) and 2 % leave it empty.
 * Codes: kon 1 = man, 2 = kvinna; items 1 = ja (the indicator's condition), 2 = nej, 9 = vet ej.
 */
import { PROFILES, WEIGHTS } from '../example/profiles';
import { gaussian, rngFor } from '../example/prng';
import { nationalLevel } from '../example/national-level';
import type { Polarity } from '../data/catalog';

/** Population 16–84 years, thousands, by county (SCB 2023, rounded): the calibration totals. */
export const COUNTY_POPULATION: Record<string, number> = {
	'01': 1930, '03': 315, '04': 232, '05': 363, '06': 282, '07': 157, '08': 191, '09': 48, '10': 122, '12': 1110, '13': 262,
	'14': 1360, '17': 218, '18': 240, '19': 218, '20': 222, '21': 222, '22': 189, '23': 102, '24': 215, '25': 193
};

export const AGE_BANDS = ['16-29', '30-44', '45-64', '65-84', '85+'] as const;
/** Relative response propensity by age band (the young answer least, as in HLV). */
const RESPONSE = { '16-29': 0.55, '30-44': 0.8, '45-64': 1.05, '65-84': 1.35, '85+': 0.9 } as const;

export interface SyntheticItem {
	indicator: string;
	polarity: Polarity;
}

export interface SyntheticOptions {
	seed: number;
	respondents: number;
	year: number;
	/** Municipality code → county code (data/catalog/municipalities.csv). */
	municipalities: readonly { code: string; county: string }[];
	items: readonly SyntheticItem[];
}

export const SYNTHETIC_COLUMNS = ['lopnr', 'syntetisk', 'ar', 'lan', 'kommun', 'kon', 'aldersgrupp', 'vikt'] as const;

export function syntheticFileName(n: number, seed: number): string {
	return `syntetiska-svar-${n}-seed${seed}.csv`;
}

/** Items the generator can calibrate (every indicator with a calibration profile). */
export function calibrated(items: readonly SyntheticItem[]): SyntheticItem[] {
	return items.filter((i) => PROFILES[i.indicator] && PROFILES[i.indicator].anchors.length > 0);
}

function ageShares(): Record<string, number> {
	const w = WEIGHTS.age;
	const total = AGE_BANDS.reduce((s, a) => s + w[a], 0);
	return Object.fromEntries(AGE_BANDS.map((a) => [a, w[a] / total]));
}

/**
 * The file as CSV text chunks (10 000 rows each), so a million rows never sit in one string.
 * Same options → byte-identical output.
 */
export function* syntheticCsv(o: SyntheticOptions): Generator<string> {
	const items = calibrated(o.items);
	const rand = rngFor(o.seed, 'respondents');
	const counties = Object.keys(COUNTY_POPULATION).sort();
	const popTotal = counties.reduce((s, c) => s + COUNTY_POPULATION[c], 0);
	const ages = ageShares();

	// Municipality sizes (PSU selection) and effects, once per seed.
	const byCounty = new Map<string, { code: string; size: number; effect: number }[]>();
	for (const m of o.municipalities) {
		if (!(m.county in COUNTY_POPULATION)) continue;
		const r = rngFor(o.seed, `m${m.code}`);
		const list = byCounty.get(m.county) ?? [];
		list.push({ code: m.code, size: Math.exp(gaussian(r) * 0.9), effect: Math.exp(gaussian(r) * 0.15) });
		byCounty.set(m.county, list);
	}
	const countyEffect: Record<string, Record<string, number>> = {};
	for (const it of items) {
		const p = PROFILES[it.indicator];
		const r = rngFor(o.seed, `c${it.indicator}`);
		countyEffect[it.indicator] = Object.fromEntries(counties.map((c) => [c, (p.counties?.[c] ?? 1) * Math.exp(gaussian(r) * Math.min(p.countySd, 0.15))]));
	}

	// Allocation: half equal, half proportional; then respondents' sex and age by population × propensity.
	const alloc = counties.map((c) => Math.round(o.respondents * (0.5 / counties.length + (0.5 * COUNTY_POPULATION[c]) / popTotal)));
	alloc[0] += o.respondents - alloc.reduce((s, x) => s + x, 0);
	const propTotal = AGE_BANDS.reduce((s, a) => s + ages[a] * RESPONSE[a], 0);
	type Resp = { county: string; muni: string; effect: number; sex: 1 | 2; age: (typeof AGE_BANDS)[number] };
	const people: Resp[] = [];
	const cellN = new Map<string, number>();
	counties.forEach((c, ci) => {
		const munis = byCounty.get(c) ?? [{ code: `${c}00`, size: 1, effect: 1 }];
		const sizeTotal = munis.reduce((s, m) => s + m.size, 0);
		for (let i = 0; i < alloc[ci]; i++) {
			let u = rand() * sizeTotal;
			let m = munis[0];
			for (const x of munis) {
				m = x;
				if ((u -= x.size) <= 0) break;
			}
			let v = rand() * propTotal;
			let age: (typeof AGE_BANDS)[number] = AGE_BANDS[0];
			for (const a of AGE_BANDS) {
				age = a;
				if ((v -= ages[a] * RESPONSE[a]) <= 0) break;
			}
			const sex = rand() < 0.52 ? 2 : 1;
			people.push({ county: c, muni: m.code, effect: m.effect, sex, age });
			const key = `${c}|${sex}|${age}`;
			cellN.set(key, (cellN.get(key) ?? 0) + 1);
		}
	});

	// Gradients normalised so the population mean multiplier is 1 (the national level stays put).
	const sexMult = (p: (typeof PROFILES)[string], s: 1 | 2) => (s === 2 ? p.sex.K : p.sex.M) / ((p.sex.K + p.sex.M) / 2);
	const ageMult = (p: (typeof PROFILES)[string], a: string) => {
		const g = p.groups.age;
		if (!g || !(a in g)) return 1;
		const mean = AGE_BANDS.reduce((s, b) => s + ages[b] * (g[b] ?? 1), 0);
		return g[a] / mean;
	};

	const header = [...SYNTHETIC_COLUMNS, ...items.map((i) => i.indicator)].join(',');
	let chunk: string[] = [header];
	for (let i = 0; i < people.length; i++) {
		const r = people[i];
		const n = cellN.get(`${r.county}|${r.sex}|${r.age}`)!;
		const population = COUNTY_POPULATION[r.county] * 1000 * (r.sex === 2 ? 0.5 : 0.5) * ages[r.age];
		const w = population / n;
		const answers = items.map((it) => {
			const p = PROFILES[it.indicator];
			const u = rand();
			if (u < 0.02) return '';
			if (u < 0.05) return '9';
			const adverse = Math.min(0.97, Math.max(0.01, (nationalLevel(p, o.year) / 100) * sexMult(p, r.sex) * ageMult(p, r.age) * countyEffect[it.indicator][r.county] * r.effect));
			const isAdverse = rand() < adverse;
			const yes = it.polarity === 'higher-is-better' ? !isAdverse : isAdverse;
			return yes ? '1' : '2';
		});
		chunk.push(`${i + 1},ja,${o.year},${r.county},${r.muni},${r.sex},${r.age},${w.toFixed(4)},${answers.join(',')}`);
		if (chunk.length >= 10_000) {
			yield chunk.join('\n') + '\n';
			chunk = [];
		}
	}
	if (chunk.length) yield chunk.join('\n') + '\n';
}

/** The design that reads a synthetic file (the same YAML the CLI takes). */
export function syntheticDesignYaml(items: readonly SyntheticItem[], year: number): string {
	const lines = [
		'weight: vikt',
		'strata: lan',
		'psu: kommun',
		'region: lan',
		'sex: kon',
		'by: [aldersgrupp]',
		'group_dims: { aldersgrupp: age }',
		`period: "${year}"`,
		'items:'
	];
	for (const it of calibrated(items)) lines.push(`  - { column: ${it.indicator}, yes: ["1"], missing: ["9"], indicator: ${it.indicator} }`);
	return lines.join('\n') + '\n';
}
