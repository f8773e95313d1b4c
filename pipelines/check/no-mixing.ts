/**
 * Real first, never mixed. Within one indicator × level (nation, county, municipality) ×
 * period, the values are all real or all example: where any real value exists there, the
 * example generator's cells are withheld (counted, not kept). A cell the real source does not
 * publish then shows as missing, as the source has it, instead of being filled with a
 * synthetic value that a comparison could pair with a real one.
 */
import type { Observation } from '../../src/lib/data/observation.ts';
import { levelOf } from './levels.ts';

export function mixKey(o: Pick<Observation, 'indicator_id' | 'region_code' | 'period_start' | 'period_end'>): string {
	return `${o.indicator_id}|${levelOf(o.region_code)}|${o.period_start}|${o.period_end}`;
}

export function withholdExampleWhereReal(real: readonly Observation[], examples: readonly Observation[]): { kept: Observation[]; withheld: Observation[] } {
	const realAt = new Set(real.filter((o) => !o.is_demo).map(mixKey));
	const kept: Observation[] = [];
	const withheld: Observation[] = [];
	for (const o of examples) (realAt.has(mixKey(o)) ? withheld : kept).push(o);
	return { kept, withheld };
}
