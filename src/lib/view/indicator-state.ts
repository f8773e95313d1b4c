/**
 * The indicator page's view state and its URL form. Every view can be shared and reloaded:
 * ?kon=K&grupp=age&period=2024&lanperiod=2021-2024&region=21&niva=99.8
 * Unknown or stale values never break the page: they are replaced by the default and reported,
 * so the page can say what it did.
 */
import type { Availability } from '$lib/data/queries';
import type { Sex } from '$lib/data/observation';
import type { LevelKey } from './ci-level';

/** The level control's URL value: the one definition is ci-level's. */
export type LevelParam = LevelKey;

export interface IndicatorView {
	sex: Sex;
	/** Group dimension of the breakdown chart. */
	group: string;
	/** Period of the breakdown chart ("2024" or "2021-2024"). */
	period: string;
	/** Period of the county comparison. */
	countyPeriod: string;
	/** The chosen county ('' = none): highlighted on the county chart and map, and the trend's region (the nation drawn behind it). */
	region: string;
	level: LevelParam;
}

export interface ViewOptions {
	groups: string[];
	/** group dimension → periods that have it (latest last). */
	groupPeriods: Record<string, string[]>;
	countyPeriods: string[];
	regions: string[];
}

export interface ParamProblem {
	param: string;
	value: string;
}

export const PARAM = { sex: 'kon', group: 'grupp', period: 'period', countyPeriod: 'lanperiod', region: 'region', level: 'niva' } as const;

export function periodKey(start: number, end: number): string {
	return start === end ? String(start) : `${start}-${end}`;
}

export function parsePeriodKey(key: string): { start: number; end: number } {
	const [a, b] = key.split('-').map(Number);
	return { start: a, end: b ?? a };
}

/** What the controls can offer, from what the indicator's data actually has. */
export function viewOptions(av: readonly Availability[], regionCodes: readonly string[], groupOrder: readonly string[]): ViewOptions {
	const groupPeriods: Record<string, string[]> = {};
	const countyPeriods = new Set<string>();
	for (const a of av) {
		const key = periodKey(a.period_start, a.period_end);
		if (a.group_dim === 'total' && a.has_regions) countyPeriods.add(key);
		if (a.group_dim !== 'total') (groupPeriods[a.group_dim] ??= []).includes(key) || groupPeriods[a.group_dim].push(key);
	}
	const byEnd = (x: string, y: string) => parsePeriodKey(x).end - parsePeriodKey(y).end || parsePeriodKey(x).start - parsePeriodKey(y).start;
	for (const k of Object.keys(groupPeriods)) groupPeriods[k].sort(byEnd);
	const groups = Object.keys(groupPeriods).sort((a, b) => rank(groupOrder, a) - rank(groupOrder, b));
	return { groups, groupPeriods, countyPeriods: [...countyPeriods].sort(byEnd), regions: [...regionCodes] };
}

function rank(order: readonly string[], x: string): number {
	const i = order.indexOf(x);
	return i === -1 ? order.length : i;
}

export function defaultView(o: ViewOptions): IndicatorView {
	const group = o.groups[0] ?? 'total';
	return { sex: 'T', group, period: o.groupPeriods[group]?.at(-1) ?? '', countyPeriod: o.countyPeriods.at(-1) ?? '', region: '', level: '95' };
}

/** Reads the URL's parameters; anything unknown falls back to the default and is reported. */
export function parseView(params: URLSearchParams, o: ViewOptions): { view: IndicatorView; problems: ParamProblem[] } {
	const view = defaultView(o);
	const problems: ParamProblem[] = [];
	const take = <K extends keyof IndicatorView>(key: K, valid: (v: string) => boolean) => {
		const raw = params.get(PARAM[key]);
		if (raw === null || raw === '') return;
		if (valid(raw)) view[key] = raw as IndicatorView[K];
		else problems.push({ param: PARAM[key], value: raw });
	};
	take('sex', (v) => v === 'T' || v === 'K' || v === 'M');
	take('group', (v) => o.groups.includes(v));
	view.period = o.groupPeriods[view.group]?.at(-1) ?? '';
	take('period', (v) => (o.groupPeriods[view.group] ?? []).includes(v));
	take('countyPeriod', (v) => o.countyPeriods.includes(v));
	take('region', (v) => o.regions.includes(v) && v !== '00');
	take('level', (v) => v === '95' || v === '99.8');
	return { view, problems };
}

/** Only what differs from the default goes into the URL, so default views have clean links. */
export function viewToParams(view: IndicatorView, o: ViewOptions): URLSearchParams {
	const d = defaultView(o);
	const p = new URLSearchParams();
	for (const key of Object.keys(PARAM) as (keyof IndicatorView)[]) {
		if (view[key] !== d[key] && view[key] !== '') p.set(PARAM[key], view[key]);
	}
	return p;
}

/**
 * A period list split by length, so single years and pooled windows are never mixed in one
 * list: [{ years: 1, keys: ['2018', '2024'] }, { years: 4, keys: ['2017-2020', '2021-2024'] }].
 * Groups follow the shortest length first; keys keep their order within a group.
 */
export function periodOptionGroups(keys: readonly string[]): { years: number; keys: string[] }[] {
	const by = new Map<number, string[]>();
	for (const k of keys) {
		const { start, end } = parsePeriodKey(k);
		const years = end - start + 1;
		(by.get(years) ?? by.set(years, []).get(years)!).push(k);
	}
	return [...by].sort((a, b) => a[0] - b[0]).map(([years, ks]) => ({ years, keys: ks }));
}

/**
 * One period control can serve both charts when the group breakdown and the county comparison
 * offer the very same periods; otherwise each chart keeps its own control (a county window
 * cannot stand in for a single national year).
 */
export function onePeriodServes(o: ViewOptions, group: string): boolean {
	const g = o.groupPeriods[group] ?? [];
	return g.length > 0 && g.length === o.countyPeriods.length && g.every((k, i) => k === o.countyPeriods[i]);
}

export function sameView(a: IndicatorView, b: IndicatorView): boolean {
	return (Object.keys(PARAM) as (keyof IndicatorView)[]).every((k) => a[k] === b[k]);
}
