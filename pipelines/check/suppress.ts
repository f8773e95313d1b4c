/**
 * Suppression applied by the build to every source (not only to example data): an estimate
 * from fewer than the indicator's `suppression.min_n` respondents is not shown (value, CI → null,
 * status ".."), and when women or men are below it, both sexes are hidden (Folkhälsomyndigheten's
 * rule, data/catalog/indicators.yaml). n is kept so the reason stays visible.
 */
import type { Observation } from '../../src/lib/data/observation.ts';
import type { Indicator } from '../catalog/schema.ts';
import { NOT_AVAILABLE } from '../read/missing.ts';

export interface Suppressed {
	obs: Observation;
	reason: string;
}

export function suppress(indicators: readonly Pick<Indicator, 'id' | 'suppression'>[], rows: Observation[]): { suppressed: Suppressed[] } {
	const minN = new Map(indicators.filter((i) => i.suppression).map((i) => [i.id, i.suppression!.min_n]));
	const suppressed: Suppressed[] = [];
	const hide = (o: Observation, reason: string) => {
		if (o.value === null) return;
		Object.assign(o, { value: null, ci_low: null, ci_high: null, status: NOT_AVAILABLE });
		suppressed.push({ obs: o, reason });
	};
	const pairs = new Map<string, Observation[]>();
	for (const o of rows) {
		const min = minN.get(o.indicator_id);
		if (min === undefined) continue;
		if (o.n !== null && o.n < min) hide(o, `suppressed: n = ${o.n} is below ${min} respondents`);
		if (o.sex !== 'T') {
			const k = `${o.indicator_id}|${o.region_code}|${o.period_start}|${o.period_end}|${o.group_dim}|${o.group_code}|${o.source_id}`;
			(pairs.get(k) ?? pairs.set(k, []).get(k)!).push(o);
		}
	}
	for (const pair of pairs.values()) {
		const min = minN.get(pair[0].indicator_id)!;
		const small = pair.find((o) => o.n !== null && o.n < min);
		if (!small) continue;
		for (const o of pair) if (o !== small) hide(o, `suppressed: ${small.sex === 'K' ? 'women' : 'men'} number ${small.n}, below ${min} respondents, so both sexes are hidden`);
	}
	return { suppressed };
}
