/**
 * How an indicator's values are to be tested, from its catalog entry: register data (no
 * sampling error, compared directly) or survey data (compared with CIs), and its unit (the
 * scale a 99.8 % interval is rebuilt on). Defined once here so every page treats an indicator
 * the same way.
 */
import type { IndicatorMeta } from '$lib/data/catalog';
import type { DataKind } from '$lib/stats';

export function dataKindOf(ind: Pick<IndicatorMeta, 'unit'> & { sampling?: unknown }): DataKind {
	return { sampling: ind.sampling === 'register' ? 'register' : 'survey', unit: ind.unit === 'percent' ? 'percent' : 'number' };
}
