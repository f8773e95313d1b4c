/**
 * Every query in the query module against an oracle: a small hand-made table (tests/helpers/
 * obs-fixture.ts) written to Parquet, queried through the real Node engine, and compared with the
 * rows the same question selects in plain JS from the hand-made rows — never the module's own SQL
 * or mapper. The engine layer (run, cached) is tested here too.
 */
import { describe, expect, it } from 'vitest';
import { cached, run, type Engine } from '../../src/lib/data/engine';
import type { Observation } from '../../src/lib/data/observation';
import { availabilityQuery, indicatorViewQuery, nationalGroupsQuery, nationalSeriesQuery, partOf, regionProfileQuery, sourceIdsQuery, tableOf, type ViewKey } from '../../src/lib/data/queries';
import { fixtureRows, fixtureEngine } from '../helpers/obs-fixture';

const rows = fixtureRows();
const engine = fixtureEngine(rows);

type Key = (r: Observation) => (string | number | boolean)[];
function sortBy(list: Observation[], key: Key): Observation[] {
	const cmp = (a: (string | number | boolean)[], b: (string | number | boolean)[]) => {
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
		return 0;
	};
	return [...list].sort((a, b) => cmp(key(a), key(b)));
}
const byPeriod: Key = (r) => [r.period_end, r.period_start];

describe('the fixture is what the tests think it is', () => {
	it('has asymmetric CIs, suppressed cells, municipalities and both kinds of period', () => {
		expect(rows.every((r) => r.value === null || r.value - r.ci_low! !== r.ci_high! - r.value)).toBe(true);
		expect(rows.some((r) => r.value === null && r.status === '..')).toBe(true);
		expect(rows.some((r) => r.region_code.length === 4)).toBe(true);
		expect(rows.some((r) => r.period_start !== r.period_end)).toBe(true);
	});
});

describe('nationalSeriesQuery', () => {
	it("returns each indicator's national total series, by indicator and period", async () => {
		const expected = sortBy(
			rows.filter((r) => r.region_code === '00' && r.sex === 'T' && r.group_dim === 'total'),
			(r) => [r.indicator_id, r.period_end, r.period_start]
		);
		const got = await run(engine, nationalSeriesQuery(['alpha', 'beta']));
		expect(got).toEqual(expected);
		expect(got.length).toBe(7); // alpha 4 periods, beta 3
	});
});

describe('nationalGroupsQuery', () => {
	it("returns each indicator's national groups (both sexes together, no total), by indicator, breakdown, period and group", async () => {
		const expected = sortBy(
			rows.filter((r) => r.region_code === '00' && r.sex === 'T' && r.group_dim !== 'total'),
			(r) => [r.indicator_id, r.group_dim, r.period_end, r.period_start, r.group_code]
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(await run(engine, nationalGroupsQuery(['alpha', 'beta']))).toEqual(expected);
	});
});

describe('regionProfileQuery', () => {
	it("returns every county's and the nation's totals (no municipality), by indicator, region and period", async () => {
		const expected = sortBy(
			rows.filter((r) => r.region_code.length === 2 && r.sex === 'K' && r.group_dim === 'total'),
			(r) => [r.indicator_id, r.region_code, r.period_end, r.period_start]
		);
		const got = await run(engine, regionProfileQuery({ indicators: ['alpha', 'beta'], sex: 'K' }));
		expect(got).toEqual(expected);
		expect(new Set(got.map((r) => r.region_code))).toEqual(new Set(['00', '01', '03']));
	});
	it('with a municipality, adds that municipality and no other (the municipality page)', async () => {
		const muni = rows.find((r) => r.region_code.length === 4)!.region_code;
		const expected = sortBy(
			rows.filter((r) => (r.region_code.length === 2 || r.region_code === muni) && r.sex === 'T' && r.group_dim === 'total'),
			(r) => [r.indicator_id, r.region_code, r.period_end, r.period_start]
		);
		const got = await run(engine, regionProfileQuery({ indicators: ['alpha', 'beta'], sex: 'T', municipality: muni }));
		expect(got).toEqual(expected);
		expect(got.some((r) => r.region_code === muni)).toBe(true);
		expect(got.every((r) => r.region_code.length === 2 || r.region_code === muni)).toBe(true);
	});
	it('with allMunicipalities, holds every municipality beside the counties and the nation (one query for all municipal pages)', async () => {
		const munis = new Set(rows.filter((r) => r.region_code.length === 4).map((r) => r.region_code));
		expect(munis.size).toBeGreaterThan(0);
		const expected = sortBy(
			rows.filter((r) => (r.region_code.length === 2 || r.region_code.length === 4) && r.sex === 'T' && r.group_dim === 'total'),
			(r) => [r.indicator_id, r.region_code, r.period_end, r.period_start]
		);
		const got = await run(engine, regionProfileQuery({ indicators: ['alpha', 'beta'], sex: 'T', allMunicipalities: true }));
		expect(got).toEqual(expected);
		expect(new Set(got.filter((r) => r.region_code.length === 4).map((r) => r.region_code))).toEqual(munis);
	});
	it('keeps a suppressed cell as a row with value null and its status', async () => {
		const got = await run(engine, regionProfileQuery({ indicators: ['alpha'], sex: 'M' }));
		const cell = got.find((r) => r.region_code === '03')!;
		expect(cell).toMatchObject({ value: null, ci_low: null, ci_high: null, n: null, status: '..' });
	});
});

describe('availabilityQuery', () => {
	it('lists each group code and period with a row count and whether any region below the nation has it', async () => {
		const alpha = rows.filter((r) => r.indicator_id === 'alpha');
		const groups = new Map<string, Observation[]>();
		for (const r of alpha) {
			const k = `${r.group_dim}|${r.group_code}|${r.period_start}|${r.period_end}`;
			groups.set(k, [...(groups.get(k) ?? []), r]);
		}
		const expected = [...groups.values()]
			.map((g) => ({
				group_dim: g[0].group_dim,
				group_code: g[0].group_code,
				period_start: g[0].period_start,
				period_end: g[0].period_end,
				has_regions: g.some((r) => r.region_code !== '00'),
				rows: g.length
			}))
			.sort((a, b) => (a.group_dim + a.group_code).localeCompare(b.group_dim + b.group_code) || a.period_end - b.period_end || a.period_start - b.period_start);
		const got = await run(engine, availabilityQuery('alpha'));
		expect(got).toEqual(expected);
		expect(got.find((a) => a.group_dim === 'total' && a.period_start === 2021)).toMatchObject({ has_regions: true, rows: 12 });
		expect(got.find((a) => a.group_dim === 'age' && a.period_start === 2024)).toMatchObject({ has_regions: false, rows: 3 });
	});
});

describe('sourceIdsQuery', () => {
	it('lists every source the indicator cites, once each, in order', async () => {
		for (const id of ['alpha', 'beta']) {
			const expected = [...new Set(rows.filter((r) => r.indicator_id === id).map((r) => r.source_id))].sort();
			expect(expected.length).toBeGreaterThan(1);
			expect(await run(engine, sourceIdsQuery(id))).toEqual(expected);
		}
	});
});

describe('indicatorViewQuery', () => {
	const key = (k: Partial<ViewKey>): ViewKey => ({ indicator: 'alpha', region: '00', sex: 'T', groupDim: 'age', groupPeriod: { start: 2024, end: 2024 }, countyPeriod: { start: 2021, end: 2024 }, ...k });

	it.each([
		['the nation, everyone', key({})],
		['a county, women', key({ region: '01', sex: 'K' })],
		['a county with a suppressed cell, men, another indicator', key({ indicator: 'beta', region: '03', sex: 'M', groupPeriod: { start: 2023, end: 2023 } })]
	])('%s: each chart gets exactly its rows, in its order', async (_label, k) => {
		const result = await run(engine, indicatorViewQuery(k));
		const mine = rows.filter((r) => r.indicator_id === k.indicator && r.sex === k.sex);
		const inPeriod = (r: Observation, p: { start: number; end: number } | null) => p !== null && r.period_start === p.start && r.period_end === p.end;
		expect(partOf(result, 'trend')).toEqual(sortBy(mine.filter((r) => r.region_code === k.region && r.group_dim === 'total'), byPeriod));
		expect(partOf(result, 'nation')).toEqual(k.region === '00' ? [] : sortBy(mine.filter((r) => r.region_code === '00' && r.group_dim === 'total'), byPeriod));
		expect(partOf(result, 'groups')).toEqual(
			sortBy(
				mine.filter((r) => r.region_code === '00' && (r.group_dim === k.groupDim || r.group_dim === 'total') && inPeriod(r, k.groupPeriod)),
				(r) => [r.group_dim === 'total' ? 0 : 1, r.group_code]
			)
		);
		expect(partOf(result, 'counties')).toEqual(sortBy(mine.filter((r) => r.region_code.length === 2 && r.group_dim === 'total' && inPeriod(r, k.countyPeriod)), (r) => [r.region_code]));
		// every returned row belongs to some chart
		expect(result.every((x) => x.parts.length > 0)).toBe(true);
	});

	it('a chart without a period gets no rows', async () => {
		const result = await run(engine, indicatorViewQuery(key({ groupPeriod: null, countyPeriod: null })));
		expect(partOf(result, 'groups')).toEqual([]);
		expect(partOf(result, 'counties')).toEqual([]);
		expect(partOf(result, 'trend').length).toBe(4);
	});

	it('refuses an indicator id or a period that could inject SQL', () => {
		expect(() => tableOf('x; DROP TABLE y')).toThrow(/invalid indicator id/);
		expect(() => indicatorViewQuery(key({ groupPeriod: { start: 2024.5, end: 2024 } }))).toThrow(/integer/);
		// a quote in a string value is escaped, not executed
		expect(indicatorViewQuery(key({ region: "0' OR '1'='1" })).sql).toContain("'0'' OR ''1''=''1'");
	});
});

describe('engines', () => {
	it('an indicator without a partition reads as an empty table of the same schema', async () => {
		expect(await run(engine, nationalSeriesQuery(['gamma']))).toEqual([]);
	});

	it('cached(): each partition loaded once, each SQL text answered once, failures retried', async () => {
		const calls = { load: 0, query: 0 };
		let failNext = true;
		const counting: Engine = {
			load: async (id) => {
				calls.load++;
				return engine.load(id);
			},
			query: async (sql) => {
				calls.query++;
				if (failNext) {
					failNext = false;
					throw new Error('network hiccup');
				}
				return engine.query(sql);
			}
		};
		const c = cached(counting);
		const q = nationalSeriesQuery(['alpha']);
		await expect(run(c, q)).rejects.toThrow(/hiccup/);
		const first = await run(c, q);
		const again = await run(c, q);
		expect(again).toEqual(first);
		expect(calls).toEqual({ load: 1, query: 2 });
	});
});
