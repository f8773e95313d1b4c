/**
 * Property: for any table shape, selection and cell limit, planQuery's calls each stay
 * under the limit, cover every cell exactly once, and merging the parts' cubes along the
 * plan gives back the cube of the single call. Nothing inside the property is caught; the
 * test counts that the generator produced single calls, splits, splits along time and
 * nested splits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cube, Dimension } from '../../pipelines/cube/model.ts';
import { strides } from '../../pipelines/cube/model.ts';
import { cellsOf, planLeaves, planQuery, resolveSelection, type Plan, type ResolvedVariable, type TableShape } from '../../pipelines/fetch/query.ts';
import { mergeCubes } from '../../pipelines/fetch/merge.ts';

/** The sub-cube of `full` for a leaf's selection (what the server would answer). */
function slice(full: Cube, vars: ResolvedVariable[]): Cube {
	const dims: Dimension[] = full.dimensions.map((d) => {
		const v = vars.find((x) => x.code === d.code)!;
		return { ...d, categories: d.categories.filter((c) => v.values.includes(c.code)) };
	});
	const st = strides(full.dimensions);
	const out: (number | null)[] = [];
	const status = new Map<number, string>();
	const rec = (k: number, base: number) => {
		if (k === dims.length) {
			if (full.status.has(base)) status.set(out.length, full.status.get(base)!);
			out.push(full.values[base]);
			return;
		}
		for (const c of dims[k].categories) rec(k + 1, base + full.dimensions[k].categories.findIndex((x) => x.code === c.code) * st[k]);
	};
	rec(0, 0);
	return { ...full, origin: JSON.stringify(vars.map((v) => v.values)), dimensions: dims, values: out, status };
}

function run(p: Plan, full: Cube): Cube {
	if (p.kind === 'leaf') return slice(full, p.vars);
	return mergeCubes(p.parts.map((x) => run(x, full)), p.dimension, p.order);
}

const arbTable = fc
	.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 })
	.chain((sizes) =>
		fc.record({
			sizes: fc.constant(sizes),
			timeAt: fc.integer({ min: -1, max: sizes.length - 1 }),
			picks: fc.tuple(...sizes.map((n) => fc.subarray(Array.from({ length: n }, (_, i) => i), { minLength: 1 }))),
			// The limit as a share of the query's cells (1–150 %), so that most queries need a split.
			limitPct: fc.integer({ min: 1, max: 150 }),
			seed: fc.integer()
		})
	);

describe('planQuery + mergeCubes (property)', () => {
	it('parts stay under the limit, cover each cell once, and merge back to the single call', () => {
		const seen = { single: 0, split: 0, alongTime: 0, nested: 0 };
		fc.assert(
			fc.property(arbTable, ({ sizes, timeAt, picks, limitPct, seed }) => {
				const shape: TableShape = {
					variables: sizes.map((n, i) => ({ code: `V${i}`, values: Array.from({ length: n }, (_, k) => `c${k}`), elimination: false, time: i === timeAt }))
				};
				const selection = Object.fromEntries(picks.map((idx, i) => [`V${i}`, idx.map((k) => `c${k}`)]));
				const vars = resolveSelection(selection, shape, 'T');
				const total = cellsOf(vars);
				const limit = Math.max(1, Math.ceil((total * limitPct) / 100));
				// the single-call answer
				const dims: Dimension[] = vars.map((v) => ({ id: v.code, code: v.code, label: {}, role: 'other', notes: [], categories: v.values.map((c) => ({ code: c, label: {}, notes: [] })) }));
				const values = Array.from({ length: total }, (_, i) => ((i * 7919 + seed) % 13 === 0 ? null : i * 3 + (seed % 5)));
				const status = new Map<number, string>(values.flatMap((v, i) => (v === null ? [[i, '..'] as [number, string]] : [])));
				const full: Cube = { origin: 'full', format: 'pxweb-json', languages: ['sv'], defaultLanguage: 'sv', title: {}, dimensions: dims, values, status, notes: [], cellNotes: [], extra: {} };
				// limit ≥ 1 ≥ one cell, so every query can be planned: an exception fails the property.
				const plan = planQuery(vars, shape, limit, 'T');
				const leaves = planLeaves(plan);
				if (plan.kind === 'leaf') seen.single++;
				else {
					seen.split++;
					if (plan.parts.some((p) => p.kind === 'split')) seen.nested++;
					if (timeAt >= 0 && plan.dimension === `V${timeAt}`) seen.alongTime++;
				}
				for (const l of leaves) expect(cellsOf(l)).toBeLessThanOrEqual(limit);
				expect(leaves.reduce((n, l) => n + cellsOf(l), 0)).toBe(total);
				if (total > limit && timeAt >= 0 && vars[timeAt].values.length > 1) expect(plan.kind === 'split' && plan.dimension).toBe(`V${timeAt}`);
				const merged = run(plan, full);
				expect(merged.dimensions.map((d) => d.categories.map((c) => c.code))).toEqual(dims.map((d) => d.categories.map((c) => c.code)));
				expect(merged.values).toEqual(values);
				expect(merged.status).toEqual(status);
			}),
			{ numRuns: 300 }
		);
		// The generator must reach the interesting cases, or the property proves little: plans
		// that fit in one call, plans that needed a split, splits along time, and splits whose
		// parts had to be split again along a second variable.
		expect(seen.single + seen.split).toBe(300);
		expect(seen.single).toBeGreaterThanOrEqual(30);
		expect(seen.split).toBeGreaterThanOrEqual(60);
		expect(seen.alongTime).toBeGreaterThanOrEqual(20);
		expect(seen.nested).toBeGreaterThanOrEqual(10);
	});
});
