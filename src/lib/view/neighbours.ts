/**
 * Views one control change away from the current one: what a user is most likely to ask for
 * next. The indicator page prefetches them in idle time so the next change is a cache hit.
 * Nearest first: the option just after and just before the current one on every control (a
 * select stepped with the arrow keys asks for exactly these, one change event per step), then
 * the other sexes and group dimensions. Bounded (≤ MAX_NEIGHBOURS views).
 */
import type { IndicatorView, ViewOptions } from './indicator-state';

export const MAX_NEIGHBOURS = 16;
const SEXES = ['T', 'K', 'M'] as const;

/** The option `d` steps from `current` in `list`, or undefined at either end (or when `current` is not in it). */
function step<T>(list: readonly T[], current: T, d: number): T | undefined {
	const i = list.indexOf(current);
	return i >= 0 && i + d >= 0 && i + d < list.length ? list[i + d] : undefined;
}

const sameView = (a: IndicatorView, b: IndicatorView) =>
	a.sex === b.sex && a.group === b.group && a.period === b.period && a.countyPeriod === b.countyPeriod && a.region === b.region && a.level === b.level;

export function neighbourViews(v: IndicatorView, o: ViewOptions): IndicatorView[] {
	const out: IndicatorView[] = [];
	const add = (x: IndicatorView) => {
		if (!sameView(x, v) && !out.some((y) => sameView(x, y))) out.push(x);
	};
	// A group dimension keeps the period when it has it, else takes its latest (as the page does).
	const withGroup = (group: string): IndicatorView => {
		const periods = o.groupPeriods[group] ?? [];
		return { ...v, group, period: periods.includes(v.period) ? v.period : (periods.at(-1) ?? '') };
	};
	// The county chooser lists "none" first, then every county (not the nation).
	const regions = ['', ...o.regions.filter((c) => c !== '00')];
	for (const d of [1, -1]) {
		const sex = step(SEXES, v.sex, d);
		if (sex) add({ ...v, sex });
		const group = step(o.groups, v.group, d);
		if (group) add(withGroup(group));
		const period = step(o.groupPeriods[v.group] ?? [], v.period, d);
		if (period) add({ ...v, period });
		const countyPeriod = step(o.countyPeriods, v.countyPeriod, d);
		if (countyPeriod) add({ ...v, countyPeriod });
		const region = step(regions, v.region, d);
		if (region !== undefined) add({ ...v, region });
	}
	for (const sex of SEXES) if (sex !== v.sex) add({ ...v, sex });
	for (const group of o.groups) if (group !== v.group) add(withGroup(group));
	return out.slice(0, MAX_NEIGHBOURS);
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
