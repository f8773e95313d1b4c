/**
 * Deterministic example data ("Exempeldata (syntetiska)") for what is not published: every
 * catalog indicator, the nation and the counties, sex T/K/M and the group breakdowns the
 * source really has, over the source's own periods (catalog `periods`), calibrated to the
 * real national figures (profiles.ts). n, CI and suppression follow the source's rules.
 * Every row has is_demo = true and source_id 'demo-<indicator>'.
 */
import type { Observation, Sex } from '../../src/lib/data/observation.ts';
import type { Catalog, Indicator, Region } from '../catalog/load.ts';
import type { SourceRecord } from '../write/records.ts';
import { DESIGN_CODES, PROFILES, WEIGHTS, type Profile } from '../../src/lib/example/profiles.ts';
import { gaussian, rngFor } from '../../src/lib/example/prng.ts';
import { nationalLevel } from '../../src/lib/example/national-level.ts';
import { NOT_AVAILABLE } from '../read/missing.ts';

/** The file the example data are calibrated from: every example source names it, with its sha256. */
export const EXAMPLE_CALIBRATION = 'src/lib/example/profiles.ts';

export const DEFAULT_SEED = 20250401;
const Z = 1.96;

export interface Generated {
	observations: Observation[];
	sources: SourceRecord[];
}

export interface Period {
	start: number;
	end: number;
	pooled: boolean;
}

export function parsePeriodText(t: string): Period {
	const [a, b = a] = t.split('-').map(Number);
	return { start: a, end: b, pooled: b > a };
}

/**
 * The example data's 95 % confidence interval: Wilson's score interval for a share p (per cent)
 * from the effective sample size n/deff, one decimal. Unlike the clipped Wald interval
 * (p ± 1.96·√(p(100−p)/n), lower bound cut at 0) it is never zero-width on one side and never
 * reaches 0 for a positive share (except by rounding to one decimal), so a small share near 0
 * cannot look "significantly better" than the nation by construction.
 */
export function wilsonCi(p: number, n: number, deff = 1): [number, number] {
	const m = n / deff;
	const q = p / 100;
	const z2n = (Z * Z) / m;
	const centre = (q + z2n / 2) / (1 + z2n);
	const half = (Z * Math.sqrt((q * (1 - q)) / m + (Z * Z) / (4 * m * m))) / (1 + z2n);
	return [round1(Math.max(0, centre - half) * 100), round1(Math.min(1, centre + half) * 100)];
}

/**
 * Standard error (percentage points) of a share a from n respondents with design effect deff:
 * √(deff·a(100−a)/n). The SAME SE drives the noise added to the example values and the width of
 * the CI they are published with, so "significant" results occur at the nominal rate.
 */
export function shareSe(a: number, n: number, deff = 1): number {
	return Math.sqrt((deff * a * (100 - a)) / Math.max(n, 30));
}

/** One survey estimate of a true share a: a + N(0, 1)·SE with the full SE (see `shareSe`). */
export function noisyShare(a: number, n: number, deff: number, rand: () => number): number {
	return a + gaussian(rand) * shareSe(a, n, deff);
}

/** Design effect by survey design (HLV's published CIs assume simple random sampling). */
export function designEffect(design: Profile['design']): number {
	return design === 'ulf' || design === 'it' ? 1.3 : 1;
}

export function round1(x: number): number {
	return Math.round(x * 10) / 10;
}

function levelFor(p: Profile, period: Period): number {
	let s = 0;
	for (let y = period.start; y <= period.end; y++) s += nationalLevel(p, y);
	return s / (period.end - period.start + 1);
}

/** Group multipliers normalised so the population-weighted mean is 1 (unless the dimension is fixed). */
function normalisedGroups(p: Profile, dim: string, codes: string[]): Map<string, number> {
	const rr = p.groups[dim] ?? {};
	const w = WEIGHTS[dim] ?? {};
	const out = new Map<string, number>();
	if (p.fixed?.includes(dim)) {
		for (const c of codes) out.set(c, rr[c] ?? 1);
		return out;
	}
	let sw = 0;
	let s = 0;
	for (const c of codes) {
		sw += w[c] ?? 1 / codes.length;
		s += (w[c] ?? 1 / codes.length) * (rr[c] ?? 1);
	}
	for (const c of codes) out.set(c, (rr[c] ?? 1) / (s / sw));
	return out;
}

/** County effects: seeded random log-normal plus explicit ones, normalised by population. */
function countyEffects(p: Profile, id: string, counties: Region[], seed: number): Map<string, number> {
	const raw = new Map<string, number>();
	for (const r of counties) {
		const rand = rngFor(seed, `county|${id}|${r.code}`);
		raw.set(r.code, Math.exp(gaussian(rand) * p.countySd) * (p.counties?.[r.code] ?? 1));
	}
	const pop = counties.reduce((s, r) => s + r.population_k, 0);
	const mean = counties.reduce((s, r) => s + r.population_k * raw.get(r.code)!, 0) / pop;
	return new Map([...raw].map(([k, v]) => [k, v / mean]));
}

interface CellPlan {
	region: string;
	period: Period;
	sex: Sex;
	dim: string;
	code: string;
	/** Expected adverse share. */
	adverse: number;
	/** Respondents (internal, for the sampling error; published only where the source does). */
	n: number;
}

export function generate(catalog: Pick<Catalog, 'indicators' | 'regions'>, seed = DEFAULT_SEED): Generated {
	const observations: Observation[] = [];
	const sources: SourceRecord[] = [];
	const counties = catalog.regions.filter((r) => r.level === 'county');
	const nationPop = counties.reduce((s, r) => s + r.population_k, 0);
	for (const ind of catalog.indicators) {
		const p = PROFILES[ind.id];
		if (!p) continue; // an indicator without a profile (e.g. a test catalog) gets no example data
		const source_id = `demo-${ind.id}`;
		sources.push({
			source_id,
			publisher: 'Exempeldata (syntetiska)',
			title: `Exempeldata (syntetiska): ${ind.name.sv}`,
			url: '',
			licence: 'CC0 1.0',
			citation: `Exempeldata (syntetiska) – inte verklig statistik. Modellerad efter ${ind.source.producer.sv}.`,
			publisher_en: 'Example data (synthetic)',
			title_en: `Example data (synthetic): ${ind.name.en}`,
			citation_en: `Example data (synthetic) – not real statistics. Modelled on ${ind.source.producer.en}.`,
			input_file: EXAMPLE_CALIBRATION,
			input_sha256: '',
			fetched_at: null
		});
		const effects = countyEffects(p, ind.id, counties, seed);
		const sexRr = { T: 1, K: (2 * p.sex.K) / (p.sex.K + p.sex.M), M: (2 * p.sex.M) / (p.sex.K + p.sex.M) };
		const dims = ind.breakdowns.filter((b) => b !== 'sex' && DESIGN_CODES[p.design][b]);
		const national = ind.periods.national.list.map(parsePeriodText);
		const regional = ind.periods.regional.list.map(parsePeriodText);
		const nationPeriods = dedupePeriods([...national, ...regional]);
		const plans: CellPlan[] = [];

		const nFor = (region: Region | null, period: Period): number => {
			if (p.design === 'register') return 0;
			const years = period.end - period.start + 1;
			const rand = rngFor(seed, `n|${ind.id}|${period.start}`);
			const perYear = p.nYear * (0.8 + 0.35 * rand());
			if (!region) {
				// The nation: single years as the national table; windows pool the regional samples.
				if (!period.pooled) return Math.round(perYear);
				return counties.reduce((s, r) => s + nFor(r, period), 0);
			}
			if (p.design === 'hlv') {
				// Regional supplements: about 1 000–10 000 per 4-year window by county size.
				const window = 800 + 9200 * Math.sqrt(region.population_k / 2454);
				return Math.round((window * years) / 4 * (0.9 + 0.2 * rngFor(seed, `nr|${ind.id}|${region.code}|${period.start}`)()));
			}
			return Math.round(perYear * years * (region.population_k / nationPop));
		};

		const addCells = (region: Region | null, period: Period, withGroupSex: boolean) => {
			const code = region ? region.code : '00';
			const base = levelFor(p, period) * (region ? effects.get(region.code)! : 1);
			const n = nFor(region, period);
			for (const sex of ['T', 'K', 'M'] as Sex[]) {
				const share = sex === 'T' ? 1 : 0.5;
				plans.push({ region: code, period, sex, dim: 'total', code: 'total', adverse: base * sexRr[sex], n: Math.round(n * share) });
			}
			for (const dim of dims) {
				const codes = DESIGN_CODES[p.design][dim].filter((c) => !(c === '85+' && p.design === 'hlv' && period.start < 2021));
				const rr = normalisedGroups(p, dim, codes);
				for (const c of codes) {
					const w = WEIGHTS[dim]?.[c] ?? 1 / codes.length;
					for (const sex of (withGroupSex ? ['T', 'K', 'M'] : ['T']) as Sex[]) {
						const share = sex === 'T' ? 1 : 0.5;
						plans.push({ region: code, period, sex, dim, code: c, adverse: base * rr.get(c)! * sexRr[sex], n: Math.round(n * w * share) });
					}
				}
			}
		};

		for (const period of nationPeriods) addCells(null, period, true);
		for (const r of counties) for (const period of regional) addCells(r, period, false);

		for (const plan of plans) observations.push(...realise(ind, p, plan, seed, source_id));
		applyBothSexesRule(ind, observations, source_id);
	}
	return { observations, sources };
}

function dedupePeriods(list: Period[]): Period[] {
	const seen = new Map<string, Period>();
	for (const p of list) seen.set(`${p.start}-${p.end}`, p);
	return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function realise(ind: Indicator, p: Profile, plan: CellPlan, seed: number, source_id: string): Observation[] {
	const key = `${ind.id}|${plan.region}|${plan.period.start}|${plan.period.end}|${plan.sex}|${plan.dim}|${plan.code}`;
	const rand = rngFor(seed, key);
	const base: Omit<Observation, 'value' | 'ci_low' | 'ci_high' | 'n' | 'status'> = {
		indicator_id: ind.id,
		region_code: plan.region,
		period_start: plan.period.start,
		period_end: plan.period.end,
		sex: plan.sex,
		group_dim: plan.dim,
		group_code: plan.code,
		source_id,
		is_demo: true
	};
	// Gotland had no supplementary sample in 2021: FoHM does not report 2018–2021 for region 09.
	if (p.design === 'hlv' && plan.region === '09' && plan.period.start === 2018 && plan.period.end === 2021)
		return [{ ...base, value: null, ci_low: null, ci_high: null, n: null, status: NOT_AVAILABLE }];
	const minN = ind.suppression?.min_n;
	if (minN && plan.n < minN) return [{ ...base, value: null, ci_low: null, ci_high: null, n: plan.n, status: NOT_AVAILABLE }];

	let a = Math.min(97, Math.max(0.3, plan.adverse));
	const deff = designEffect(p.design);
	// Sampling noise with the full SE (the one the published CI is built from); register data
	// have no sampling error, only small real year-to-year variation.
	if (p.design !== 'register') a = noisyShare(a, plan.n, deff, rand);
	else a = a + gaussian(rand) * 0.15;
	a = Math.min(99, Math.max(0.2, a));
	const value = round1(ind.polarity === 'higher-is-better' ? 100 - a : a);
	let ci: [number, number] | [null, null] = [null, null];
	let n: number | null = null;
	if (p.design === 'hlv') {
		ci = wilsonCi(value, plan.n, deff);
		n = plan.n;
	} else if (p.design === 'ulf' || p.design === 'it') {
		ci = wilsonCi(value, plan.n, deff);
	} else if (p.design === 'skol') n = plan.n;
	return [{ ...base, value, ci_low: ci[0], ci_high: ci[1], n, status: null }];
}

/** FoHM: if women or men are fewer than min_n, both sexes are hidden. */
function applyBothSexesRule(ind: Indicator, rows: Observation[], source_id: string): void {
	const minN = ind.suppression?.min_n;
	if (!minN) return;
	const bySex = new Map<string, Observation[]>();
	for (const o of rows) {
		if (o.source_id !== source_id || o.sex === 'T') continue;
		const k = `${o.region_code}|${o.period_start}|${o.period_end}|${o.group_dim}|${o.group_code}`;
		(bySex.get(k) ?? bySex.set(k, []).get(k)!).push(o);
	}
	for (const pair of bySex.values()) {
		if (!pair.some((o) => o.n !== null && o.n < minN)) continue;
		for (const o of pair) Object.assign(o, { value: null, ci_low: null, ci_high: null, status: NOT_AVAILABLE });
	}
}
