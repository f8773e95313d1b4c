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

/**
 * Fetches `views` one at a time in idle time, while `current()` stays true (the user has not
 * moved on), so the next control change is a cache hit. A failed prefetch just stops: the view
 * itself will ask again and report.
 */
export function prefetchInIdle<V>(views: readonly V[], fetch: (v: V) => Promise<unknown>, current: () => boolean): void {
	const queue = [...views];
	const idle = (fn: () => void) => ('requestIdleCallback' in globalThis ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));
	const next = () => {
		const v = queue.shift();
		if (v === undefined || !current()) return;
		fetch(v).then(() => idle(next), () => {});
	};
	idle(next);
}
