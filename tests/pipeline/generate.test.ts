/**
 * The example-data generator: deterministic, calibrated to the real national figures,
 * with the documented gradients, regional spread, HLV confidence intervals and suppression.
 */
import { sharedPath } from '../helpers/shared.ts';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../../pipelines/catalog/load.ts';
import { DEFAULT_SEED, generate, noisyShare, wilsonCi } from '../../pipelines/generate/generate.ts';
import { rngFor } from '../../src/lib/example/prng.ts';
import { mulberry32 } from '../../src/lib/example/prng.ts';
import type { Observation } from '../../src/lib/data/observation.ts';

const catalog = loadCatalog(path.resolve(__dirname, '../../data/catalog'));
const { observations: rows, sources } = generate(catalog);

function find(ind: string, o: Partial<Observation> & { period: string }): Observation {
	const [a, b = a] = o.period.split('-').map(Number);
	const r = rows.find(
		(x) =>
			x.indicator_id === ind &&
			x.region_code === (o.region_code ?? '00') &&
			x.period_start === a &&
			x.period_end === b &&
			x.sex === (o.sex ?? 'T') &&
			x.group_dim === (o.group_dim ?? 'total') &&
			x.group_code === (o.group_code ?? 'total')
	);
	if (!r) throw new Error(`no generated row for ${ind} ${JSON.stringify(o)}`);
	return r;
}

/** Real national totals (published_values.csv), read from the file. */
function published(key: string, period: string, group = ''): number {
	const line = fs
		.readFileSync(sharedPath('reference/published_values.csv'), 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`${key},`) && l.includes(`,00,Riket,`) && l.includes(`,total,${period},`) && (group === '' || l.includes(`,${group},total,`)));
	if (!line) throw new Error(`no published figure ${key} ${period}`);
	const m = new RegExp(`,total,${period},([\\d.]+),`).exec(line);
	return Number(m![1]);
}

describe('generator', () => {
	it('mulberry32: same seed same stream, values in [0, 1), about uniform', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 10_000 }, () => a());
		expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
		for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
	});

	it('is deterministic: the same seed gives identical rows, another seed other values', () => {
		const again = generate(catalog);
		expect(again.observations).toEqual(rows);
		const other = generate(catalog, DEFAULT_SEED + 1);
		expect(other.observations.length).toBe(rows.length);
		expect(other.observations.map((o) => o.value)).not.toEqual(rows.map((o) => o.value));
	});

	it('marks every row is_demo = true with a demo-<indicator> source saying "Exempeldata (syntetiska)"', () => {
		for (const o of rows) {
			expect(o.is_demo).toBe(true);
			expect(o.source_id).toBe(`demo-${o.indicator_id}`);
		}
		expect(sources.map((s) => s.source_id).sort()).toEqual(catalog.indicators.map((i) => `demo-${i.id}`).sort());
		for (const s of sources) expect(s.publisher).toBe('Exempeldata (syntetiska)');
	});

	it('is calibrated: national levels within 1.5 points of the real figures', () => {
		const checks: [string, string, number][] = [
			['trust_others', '2021', 100 - published('low_trust_others', '2021')],
			['refrained_going_out', '2021', published('refrained_going_out_alone_fear', '2021')],
			['school_unsafe', '2022', published('school_not_safe', '2022')],
			['school_unsafe', '2024', published('school_not_safe', '2024')],
			['no_close_friend', '2021', published('no_close_friend', '2021')],
			['association_active', '2018-2019', published('association_active', '2018-2019')],
			['lonely_often_always', '2024', 6]
		];
		for (const [ind, period, real] of checks) expect(Math.abs(find(ind, { period }).value! - real), `${ind} ${period}`).toBeLessThan(1.5);
	});

	it('has the gradients: loneliness higher among the young, the oldest, living alone, disabled, unemployed, foreign-born', () => {
		const g = (ind: string, dim: string, code: string, period = '2024') => find(ind, { period, group_dim: dim, group_code: code }).value!;
		for (const ind of ['lonely_often_always', 'no_confidant']) {
			expect(g(ind, 'age', '16-29')).toBeGreaterThan(g(ind, 'age', '45-64'));
			expect(g(ind, 'age', '85+')).toBeGreaterThan(g(ind, 'age', '45-64'));
			expect(g(ind, 'household', 'living_alone')).toBeGreaterThan(g(ind, 'household', 'not_living_alone'));
			expect(g(ind, 'disability', 'disabled')).toBeGreaterThan(g(ind, 'disability', 'not_disabled'));
			expect(g(ind, 'employment', 'unemployed')).toBeGreaterThan(g(ind, 'employment', 'employed'));
			expect(g(ind, 'country_of_birth', 'outside_europe')).toBeGreaterThan(g(ind, 'country_of_birth', 'sweden'));
		}
		expect(g('no_close_friend', 'country_of_birth', 'foreign_born', '2023')).toBeGreaterThan(g('no_close_friend', 'country_of_birth', 'sweden', '2023'));
		// Trust (higher is better) is lower among the unemployed.
		expect(g('trust_others', 'employment', 'unemployed')).toBeLessThan(g('trust_others', 'employment', 'employed'));
	});

	it('publishes Wilson intervals (issue 13 item 7; worked examples), never clipped Wald', () => {
		// 6 % of 1 000: centre (0.06 + 1.959964²/2000)/(1 + 1.959964²/1000) = 0.061684,
		// half-width 1.959964·√(0.06·0.94/1000 + 1.959964²/4e6)/(1.003841) = 0.014787 → 4.7–7.6
		expect(wilsonCi(6, 1000)).toEqual([4.7, 7.6]);
		expect(wilsonCi(28, 17000)).toEqual([27.3, 28.7]);
		// 0.5 % of 100: Wald would give 0–1.9 (lower bound clipped at 0); Wilson 0.1–4.6.
		expect(wilsonCi(0.5, 100)).toEqual([0.1, 4.6]);
		const hlv = new Set(catalog.indicators.filter((i) => i.suppression?.min_n === 100).map((i) => i.id));
		let checked = 0;
		for (const o of rows)
			if (hlv.has(o.indicator_id) && o.value !== null) {
				expect([o.ci_low, o.ci_high]).toEqual(wilsonCi(o.value, o.n!));
				checked++;
			}
		expect(checked).toBeGreaterThan(10_000);
		// A positive share reaches 0 only where a Wilson bound below 0.05 rounds to 0.0: small
		// shares in tiny ULF/IT cells, never in HLV (n ≥ 100). Clipped Wald gave 1 739 such rows.
		const atZero = rows.filter((o) => o.ci_low === 0 && o.value !== null && o.value > 0);
		for (const o of atZero) {
			expect(hlv.has(o.indicator_id)).toBe(false);
			expect(o.value!).toBeLessThan(5);
		}
		expect(atZero.length).toBeLessThan(400);
	});

	it('adds noise with the same SE the published CI is built from: 95 % of CIs cover the true share', () => {
		// Simulate the generator's own steps: true share a, noisy estimate, Wilson CI around it.
		const rand = rngFor(DEFAULT_SEED, 'coverage');
		for (const [a, n, deff] of [[10, 1000, 1], [3, 400, 1], [40, 2500, 1.3]] as const) {
			let covered = 0;
			const draws = 4000;
			for (let i = 0; i < draws; i++) {
				const v = Math.round(noisyShare(a, n, deff, rand) * 10) / 10;
				const [lo, hi] = wilsonCi(v, n, deff);
				if (lo <= a && a <= hi) covered++;
			}
			// Binomial SE of the coverage at 4 000 draws ≈ 0.0034; 0.7·SE noise would give ≈ 0.995.
			expect(covered / draws).toBeGreaterThan(0.935);
			expect(covered / draws).toBeLessThan(0.965);
		}
	});

	it('suppresses cells with fewer than 100 respondents: no number, status "..", n kept', () => {
		const hlv = new Set(catalog.indicators.filter((i) => i.suppression?.min_n === 100).map((i) => i.id));
		const small = rows.filter((o) => hlv.has(o.indicator_id) && o.n !== null && o.n < 100);
		expect(small.length).toBeGreaterThan(0);
		for (const o of small) expect(o).toMatchObject({ value: null, ci_low: null, ci_high: null, status: '..' });
		const gotland85 = find('no_confidant', { period: '2021-2024', region_code: '09', group_dim: 'age', group_code: '85+' });
		expect(gotland85).toMatchObject({ value: null, status: '..' });
		expect(gotland85.n).toBeLessThan(100);
		// Gotland is not reported for 2018–2021 (no supplementary sample in 2021).
		expect(find('trust_others', { period: '2018-2021', region_code: '09' })).toMatchObject({ value: null, status: '..' });
		// Large cells are not suppressed.
		expect(find('no_confidant', { period: '2021-2024', region_code: '01' }).value).not.toBeNull();
	});

	it('uses the sources\' own periods; the nation has both the single years and the pooled windows', () => {
		const periods = (ind: string, region: string) =>
			[...new Set(rows.filter((o) => o.indicator_id === ind && o.region_code === region && o.group_dim === 'total' && o.sex === 'T').map((o) => (o.period_start === o.period_end ? `${o.period_start}` : `${o.period_start}-${o.period_end}`)))].sort();
		const t = catalog.indicators.find((i) => i.id === 'trust_others')!;
		expect(periods('trust_others', '21')).toEqual([...t.periods.regional.list].sort());
		expect(periods('trust_others', '00')).toEqual([...t.periods.national.list, ...t.periods.regional.list].sort());
		expect(periods('school_lonely', '00')).toEqual(['2002', '2006', '2010', '2014', '2018', '2022']);
		expect(periods('association_active', '14')).toContain('2018-2019');
		// 85+ only from 2021 (HLV).
		expect(rows.some((o) => o.indicator_id === 'trust_others' && o.group_code === '85+' && o.period_start < 2021)).toBe(false);
	});

	it('has plausible n: HLV national years 12 000–21 000, county windows about 1 000–10 000', () => {
		for (const y of ['2004', '2016', '2022', '2024']) {
			const n = find('no_confidant', { period: y }).n!;
			expect(n).toBeGreaterThanOrEqual(12_000);
			expect(n).toBeLessThanOrEqual(21_000);
		}
		for (const r of catalog.regions.filter((x) => x.level === 'county')) {
			const n = find('no_confidant', { period: '2021-2024', region_code: r.code }).n!;
			expect(n).toBeGreaterThanOrEqual(700);
			expect(n).toBeLessThanOrEqual(11_000);
		}
	});

	it('spreads the counties: some significantly worse (Gävleborg on no_confidant), some better, some not different', () => {
		const nation = find('no_confidant', { period: '2021-2024' }).value!;
		const outcome = catalog.regions
			.filter((r) => r.level === 'county')
			.map((r) => {
				const o = find('no_confidant', { period: '2021-2024', region_code: r.code });
				return o.ci_low! > nation ? 'worse' : o.ci_high! < nation ? 'better' : 'same';
			});
		expect(new Set(outcome)).toEqual(new Set(['worse', 'better', 'same']));
		const gavle = find('no_confidant', { period: '2021-2024', region_code: '21' });
		expect(gavle.ci_low!).toBeGreaterThan(nation);
	});
});
