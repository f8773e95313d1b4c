/**
 * Views one control change away from the current one: what a user is most likely to ask for
 * next. The indicator page prefetches them in idle time so the next change is a cache hit.
 * Bounded: other sexes, other group dimensions, adjacent county windows (≤ 10 views).
 */
import type { IndicatorView, ViewOptions } from './indicator-state';

export function neighbourViews(v: IndicatorView, o: ViewOptions): IndicatorView[] {
	const out: IndicatorView[] = [];
	for (const sex of ['T', 'K', 'M'] as const) if (sex !== v.sex) out.push({ ...v, sex });
	for (const group of o.groups)
		if (group !== v.group) {
			const periods = o.groupPeriods[group] ?? [];
			out.push({ ...v, group, period: periods.includes(v.period) ? v.period : (periods.at(-1) ?? '') });
		}
	const i = o.countyPeriods.indexOf(v.countyPeriod);
	for (const j of [i - 1, i + 1]) if (i >= 0 && j >= 0 && j < o.countyPeriods.length) out.push({ ...v, countyPeriod: o.countyPeriods[j] });
	return out.slice(0, 10);
}
