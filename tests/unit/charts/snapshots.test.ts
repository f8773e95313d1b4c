/**
 * Chart snapshots, as Observable Plot tests its own marks: every chart kind drawn into a linkedom
 * document (as at build time) and compared with a checked-in SVG, in Swedish and English, with
 * published and example rows. Rows are frozen in fixture-rows.json (taken from the pipeline's
 * output: published national figures where the sources have them, example data elsewhere; no
 * county has published figures yet, so the county charts are snapshotted with example rows).
 * A changed drawing fails here and is reviewed in the diff; `vitest -u` accepts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { drawChart, type ChartKind, type ChartKinds } from '../../../src/lib/charts/render';
import type { Observation } from '../../../src/lib/data/observation';
import type { Lang } from '../../../src/lib/i18n/format';
import { countyOutcomes, outcomeLabels } from '../../../src/lib/view/outcomes';

const here = import.meta.dirname;
const fixture = JSON.parse(fs.readFileSync(path.join(here, 'fixture-rows.json'), 'utf8')) as {
	example: Record<'trend' | 'countyTrend' | 'nationWindows' | 'groups' | 'counties', Observation[]>;
	real: Record<'trend' | 'groups', Observation[]>;
};
const names: Record<string, string> = Object.fromEntries(fixture.example.counties.map((r) => [r.region_code, r.region_code === '00' ? 'Riket' : `Län ${r.region_code}`]));
const map = JSON.parse(fs.readFileSync(path.join(here, '../../../static/data/map/counties.json'), 'utf8'));
const shapes = { viewBox: map.viewBox, attribution: map.attribution, counties: Object.fromEntries(Object.entries(map.counties as Record<string, { path: string }>).map(([k, v]) => [k, { path: v.path }])) };

function draw<K extends ChartKind>(kind: K, rows: readonly Observation[], opts: ChartKinds[K]): string {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const svg = drawChart(kind, rows, opts, document as unknown as Document).outerHTML;
	// Pretty enough to diff: one element per line.
	return svg.replace(/></g, '>\n<') + '\n';
}

const file = (name: string) => path.join(here, '__snapshots__', `${name}.svg`);

describe.each(['sv', 'en'] as Lang[])('charts (%s)', (lang) => {
	const labels = outcomeLabels(lang);
	const outcomes = countyOutcomes(fixture.example.counties, 'higher-is-worse', 0.95);
	const cases: [string, () => string][] = [
		['trend-real', () => draw('trend', fixture.real.trend, { lang, seriesBreaks: [] })],
		['trend-example', () => draw('trend', fixture.example.trend, { lang, seriesBreaks: [2016] })],
		['trend-county-with-benchmark-example', () => draw('trend', fixture.example.countyTrend, { lang, benchmark: fixture.example.nationWindows })],
		['sparkline-real', () => draw('sparkline', fixture.real.trend, {})],
		['sparkline-example', () => draw('sparkline', fixture.example.trend, {})],
		['groups-real', () => draw('groups', fixture.real.groups, { lang, labels: { '16-29': '16–29 år', '30-44': '30–44 år', '45-64': '45–64 år', '65-84': '65–84 år' }, totalLabel: 'Alla' })],
		['groups-example', () => draw('groups', fixture.example.groups, { lang, labels: { '16-29': '16–29 år', '30-44': '30–44 år', '45-64': '45–64 år', '65-84': '65–84 år' }, totalLabel: 'Alla' })],
		['regions-example', () => draw('regions', fixture.example.counties, { lang, names, outcomes, outcomeLabels: labels, benchmarkLabel: names['00'], highlight: '21', polarity: 'higher-is-worse' })],
		['map-example', () => draw('map', fixture.example.counties, { lang, names, outcomes, outcomeLabels: labels, shapes, highlight: '21' })],
		[
			'spine-example',
			() =>
				draw('spine', [], {
					lang,
					outcomeLabels: labels,
					spine: [
						{ id: 'a', label: 'Indikator A', nation: 10, value: 12.5, min: 7, q1: 9, q3: 11.5, max: 14, orientation: -1, outcome: 'worse' },
						{ id: 'b', label: 'Indikator B', nation: 50, value: 48, min: 40, q1: 46, q3: 53, max: 60, orientation: 1, outcome: 'similar' },
						{ id: 'c', label: 'Indikator C', nation: 30, value: null, min: 20, q1: 27, q3: 33, max: 41, orientation: 1, outcome: 'not-compared' }
					]
				})
		]
	];
	it.each(cases)('%s', async (name, render) => {
		const svg = render();
		expect(svg).toMatch(/<svg/);
		await expect(svg).toMatchFileSnapshot(file(`${name}.${lang}`));
	});
});

describe('snapshots are deterministic', () => {
	it('drawing the same chart twice gives the same SVG text', () => {
		const opts = { lang: 'sv' as Lang, seriesBreaks: [] };
		expect(draw('trend', fixture.example.trend, opts)).toBe(draw('trend', fixture.example.trend, opts));
	});
});
