/**
 * The subgoal page's gap overview (issue #20 item 6): indicators × breakdowns, each cell the gap
 * between the pair the strategy names for that breakdown (view/group-gap.ts: disability, born
 * abroad, living alone, youngest vs oldest …; a breakdown without a named pair, such as sex,
 * compares its highest and lowest group, Bonferroni-adjusted for the k(k−1)/2 pairs), in
 * percentage points and as a ratio, with CIs at 95 % and the test's outcome.
 *
 * Each cell uses the breakdown's latest period for the nation, both sexes together — the period
 * the indicator page opens on — and links to that view. Example data and real statistics are
 * never paired: the cell takes one kind (real first) and is marked when it is example data.
 */
import type { IndicatorMeta } from '$lib/data/catalog';
import { run, type Engine } from '$lib/data/engine';
import type { Observation } from '$lib/data/observation';
import { nationalGroupsQuery } from '$lib/data/queries';
import { groupBy } from '$lib/data/series';
import { formatNumber, NBSP, type Lang } from '$lib/i18n/format';
import type { Level } from '$lib/stats';
import { dataKindOf } from './data-kind';
import { groupGap, type GroupGap } from './group-gap';
import { periodKey } from './indicator-state';

export interface GapCell {
	indicator: string;
	dim: string;
	/** The period key the indicator page understands ("2024", "2021-2024"). */
	period: string;
	demo: boolean;
	gap: GroupGap;
}

export interface GapGridRow {
	indicator: IndicatorMeta;
	cells: Record<string, GapCell>;
}

export interface GapGrid {
	/** Breakdowns with at least one cell, in the given order: columns empty for every indicator are left out. */
	dims: string[];
	rows: GapGridRow[];
	level: Level;
}

const byPeriod = (a: Observation, b: Observation) => a.period_end - b.period_end || a.period_start - b.period_start;

/** The cell for one indicator and breakdown: the latest period with two groups of one kind (real first). */
export function gapCell(indicator: Pick<IndicatorMeta, 'id' | 'unit'> & { sampling?: unknown }, dim: string, rows: readonly Observation[], level: Level = 0.95): GapCell | null {
	const withValue = rows.filter((r) => r.group_dim === dim && r.value !== null);
	const periods = [...groupBy(withValue, (r) => periodKey(r.period_start, r.period_end)).values()].sort((x, y) => byPeriod(y[0], x[0]));
	for (const inPeriod of periods) {
		const real = inPeriod.filter((r) => !r.is_demo);
		const demo = inPeriod.filter((r) => r.is_demo);
		const kindRows = real.length >= 2 ? real : demo.length >= 2 ? demo : null;
		if (!kindRows) continue;
		const gap = groupGap(kindRows, level, dataKindOf(indicator));
		if (!gap) continue;
		return { indicator: indicator.id, dim, period: periodKey(kindRows[0].period_start, kindRows[0].period_end), demo: kindRows[0].is_demo, gap };
	}
	return null;
}

/** Pure: the grid from the nation's group rows (tests hand-make them). */
export function gapGridFrom(indicators: readonly IndicatorMeta[], rows: readonly Observation[], dimOrder: readonly string[], level: Level = 0.95): GapGrid {
	const byIndicator = groupBy(rows, (r) => r.indicator_id);
	const gridRows = indicators.map((indicator) => {
		const own = byIndicator.get(indicator.id) ?? [];
		const cells: Record<string, GapCell> = {};
		for (const dim of dimOrder) {
			const cell = gapCell(indicator, dim, own, level);
			if (cell) cells[dim] = cell;
		}
		return { indicator, cells };
	});
	const dims = dimOrder.filter((d) => gridRows.some((r) => r.cells[d]));
	return { dims, rows: gridRows, level };
}

/** The grid through any engine (the build's, for the prerendered subgoal page). */
export async function gapGrid(engine: Engine, indicators: readonly IndicatorMeta[], dimOrder: readonly string[]): Promise<GapGrid> {
	const rows = await run(engine, nationalGroupsQuery(indicators.map((i) => i.id)));
	return gapGridFrom(indicators, rows, dimOrder);
}

/** The indicator page's URL parameters for the cell's view (indicator-state.ts PARAM names). */
export function cellParams(cell: Pick<GapCell, 'dim' | 'period'>): string {
	return new URLSearchParams({ grupp: cell.dim, period: cell.period }).toString();
}

export interface GapCellText {
	/** "Utrikes födda − födda i Sverige" */
	pair: string;
	/** "+6,1 procentenheter (3,2–9,0)" */
	diff: string;
	/** "kvot 1,45 (1,21–1,74)" */
	ratio: string;
	/** "Utrikes födda högre, statistiskt säkerställt" / "Ingen statistiskt säkerställd skillnad" / "Kan inte bedömas (…)" */
	outcome: string;
	/** "högst mot lägst, justerat för 3 jämförelser" for pairs picked after seeing the data, else "". */
	basis: string;
}

/** What a cell says, in the page's language. `label` maps a group code to its name. */
export function gapCellText(cell: GapCell, label: (code: string) => string, lang: Lang): GapCellText {
	const sv = lang === 'sv';
	const g = cell.gap.result;
	const a = label(cell.gap.a.group_code);
	const b = label(cell.gap.b.group_code);
	const num = (x: number | null, d = 1) => formatNumber(x, lang, d);
	const signed = (x: number) => (x > 0 ? `+${num(x)}` : num(x));
	const range = (lo: number | null, hi: number | null, d = 1) =>
		(lo ?? 0) < 0 || (hi ?? 0) < 0 ? `${num(lo, d)} ${sv ? 'till' : 'to'} ${num(hi, d)}` : `${num(lo, d)}–${num(hi, d)}`;
	const pp = sv ? 'procentenheter' : 'percentage points';
	const diff = g.diff === null ? '–' : g.diffCiLow !== null && g.diffCiHigh !== null ? `${signed(g.diff)}${NBSP}${pp} (${range(g.diffCiLow, g.diffCiHigh)})` : `${signed(g.diff)}${NBSP}${pp}`;
	let ratio = '–';
	if (g.ratio !== null) {
		const head = `${sv ? 'kvot' : 'ratio'} ${num(g.ratio, 2)}`;
		if (g.ratioCiLow === null || g.ratioCiHigh === null) ratio = head;
		else if (Number.isFinite(g.ratioCiHigh)) ratio = `${head} (${range(g.ratioCiLow, g.ratioCiHigh, 2)})`;
		else ratio = `${head} (${sv ? 'minst' : 'at least'} ${num(g.ratioCiLow, 2)})`;
	}
	const why = g.reason === 'no-ci' ? (sv ? 'varken konfidensintervall eller antal svarande' : 'neither confidence interval nor number of respondents') : g.reason === 'periods-not-aligned' ? (sv ? 'perioderna skiljer sig' : 'the periods differ') : sv ? 'uppgift saknas' : 'a value is missing';
	const outcome =
		g.outcome === 'a-higher'
			? sv ? `${a} högre, statistiskt säkerställt` : `${a} higher, statistically significant`
			: g.outcome === 'b-higher'
				? sv ? `${b} högre, statistiskt säkerställt` : `${b} higher, statistically significant`
				: g.outcome === 'no-significant-gap'
					? sv ? 'Ingen statistiskt säkerställd skillnad' : 'No statistically significant difference'
					: sv ? `Kan inte bedömas (${why})` : `Cannot be assessed (${why})`;
	// Two groups make one possible pair: nothing to adjust for, so nothing is said about it.
	const basis = cell.gap.basis === 'strategy-pair' ? '' : g.comparisons === 1 ? (sv ? 'högst mot lägst' : 'highest against lowest') : sv ? `högst mot lägst, justerat för ${g.comparisons} jämförelser` : `highest against lowest, adjusted for ${g.comparisons} comparisons`;
	return { pair: `${a} − ${lowerFirst(b, lang)}`, diff, ratio, outcome, basis };
}

/** "Födda i Sverige" → "födda i Sverige" in Swedish running text; English keeps its capitals. */
function lowerFirst(s: string, lang: Lang): string {
	return lang === 'sv' ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
