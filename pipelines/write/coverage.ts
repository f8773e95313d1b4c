/**
 * coverage.json: per indicator × level × breakdown, how many cells are real and how many are
 * example data, and for which periods. The About page and the README show it as a table.
 */
import type { Observation } from '../../src/lib/data/observation.ts';
import { periodLabel } from '../../src/lib/data/observation.ts';
import type { CoverageRow } from '../../src/lib/view/coverage.ts';
import type { Catalog } from '../catalog/load.ts';
import { levelOf, type Level } from '../check/levels.ts';

export type { CoverageRow };

const LEVELS: Level[] = ['nation', 'county', 'municipality'];

export function coverage(catalog: Pick<Catalog, 'indicators'>, observations: readonly Observation[]): CoverageRow[] {
	const rows = new Map<string, CoverageRow & { rp: Map<string, number>; ep: Map<string, number> }>();
	for (const o of observations) {
		const breakdown = o.group_dim !== 'total' ? o.group_dim : o.sex === 'T' ? 'total' : 'sex';
		const level = levelOf(o.region_code);
		const k = `${o.indicator_id}|${level}|${breakdown}`;
		let r = rows.get(k);
		if (!r) rows.set(k, (r = { indicator_id: o.indicator_id, level, breakdown, real_cells: 0, example_cells: 0, missing_cells: 0, real_periods: [], example_periods: [], rp: new Map(), ep: new Map() }));
		if (o.value === null) r.missing_cells++;
		else if (o.is_demo) {
			r.example_cells++;
			r.ep.set(periodLabel(o), o.period_start * 10000 + o.period_end);
		} else {
			r.real_cells++;
			r.rp.set(periodLabel(o), o.period_start * 10000 + o.period_end);
		}
	}
	const order = new Map(catalog.indicators.map((i, n) => [i.id, n]));
	const sorted = (m: Map<string, number>) => [...m].sort((a, b) => a[1] - b[1]).map(([p]) => p);
	return [...rows.values()]
		.map(({ rp, ep, ...r }) => ({ ...r, real_periods: sorted(rp), example_periods: sorted(ep) }))
		.sort((a, b) => (order.get(a.indicator_id) ?? 99) - (order.get(b.indicator_id) ?? 99) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || (a.breakdown === 'total' ? -1 : b.breakdown === 'total' ? 1 : a.breakdown.localeCompare(b.breakdown)));
}
