/**
 * The check step: every observation against the schema and the catalog's code lists.
 * A failing row becomes a reject with the reason (never silently dropped).
 */
import { observationKey, type Observation } from '../../src/lib/data/observation.ts';
import type { Catalog } from '../catalog/load.ts';

export type Checker = (o: Observation) => string | null;

export function makeChecker(catalog: Catalog): Checker {
	const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
	const regions = new Set([...catalog.regions.map((r) => r.code), ...catalog.municipalities.map((m) => m.municipality_code)]);
	const groups = new Map(catalog.groups.filter((g) => g.kind !== 'column').map((g) => [g.id, new Set(g.codes.map((c) => c.code))]));
	return (o) => {
		const ind = indicators.get(o.indicator_id);
		if (!ind) return `indicator "${o.indicator_id}" is not in the catalog`;
		if (!regions.has(o.region_code)) return `region "${o.region_code}" is not in the region catalog`;
		if (!['T', 'K', 'M'].includes(o.sex)) return `sex "${o.sex}" is not T, K or M`;
		const codes = groups.get(o.group_dim);
		if (!codes) return `group dimension "${o.group_dim}" is not in the group catalog`;
		if (!codes.has(o.group_code)) return `group code "${o.group_code}" is not a code of ${o.group_dim}`;
		if (!Number.isInteger(o.period_start) || !Number.isInteger(o.period_end) || o.period_start > o.period_end || o.period_start < 1900 || o.period_end > 2100)
			return `period ${o.period_start}–${o.period_end} is not a valid year or window`;
		if (o.value === null) {
			if (!o.status) return 'no value and no status marker saying why';
			if (o.ci_low !== null || o.ci_high !== null) return 'a confidence interval without an estimate';
		} else {
			if (!Number.isFinite(o.value)) return `value ${o.value} is not a number`;
			if (ind.unit === 'percent' && (o.value < 0 || o.value > 100)) return `share ${o.value} is outside 0–100`;
			if ((o.ci_low === null) !== (o.ci_high === null)) return 'only one bound of the confidence interval';
			if (o.ci_low !== null && o.ci_high !== null && !(o.ci_low <= o.value && o.value <= o.ci_high))
				return `confidence interval ${o.ci_low}–${o.ci_high} does not contain the estimate ${o.value}`;
		}
		if (o.n !== null && (!Number.isInteger(o.n) || o.n < 0)) return `n ${o.n} is not a count`;
		if (typeof o.is_demo !== 'boolean') return 'is_demo is not a boolean';
		if (!o.source_id) return 'no source_id';
		return null;
	};
}

/** An observation's key (the schema's OBSERVATION_KEY) as one string. */
export const cellKey = observationKey;
