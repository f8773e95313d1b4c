/**
 * Scales that show the story (issue #20 item 9): the axes the trend and group charts choose, and
 * what the drawn SVG says about them.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { trendFigure, trendYDomain } from '../../src/lib/charts/trend';
import { groupsFigure, groupsXDomain } from '../../src/lib/charts/groups';
import type { Observation } from '../../src/lib/data/observation';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

const row = (year: number, value: number | null, ci: [number, number] | null = null, extra: Partial<Observation> = {}): Observation =>
	({
		indicator_id: 'x', region_code: '00', period_start: year, period_end: year, sex: 'T', group_dim: 'total', group_code: 'total',
		value, ci_low: ci?.[0] ?? null, ci_high: ci?.[1] ?? null, n: null, status: null, source_id: 's', is_demo: false, ...extra
	}) as Observation;

const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('trend y-axis', () => {
	it('starts at 0 by default, with room above the highest interval', () => {
		expect(trendYDomain([66, 72, 74], {})).toEqual([0, 90]);
	});
	it('zooms to the data when asked, on whole units', () => {
		expect(trendYDomain([66, 72], { zoom: true })).toEqual([65, 73]);
	});
	it('a shared maximum lifts every small multiple to one scale', () => {
		expect(trendYDomain([5, 6], { yMax: 31 })).toEqual([0, 35]);
	});
	it('says on the axis when it does not start at 0', () => {
		const svg = trendFigure([row(2020, 66, [65, 67]), row(2022, 72, [71, 73])], { lang: 'sv', zoom: true }, document);
		expect(texts(svg).join(' ')).toMatch(/axeln börjar vid 6\d\b/);
		const en = trendFigure([row(2020, 66, [65, 67]), row(2022, 72, [71, 73])], { lang: 'en', zoom: true }, document);
		expect(texts(en).join(' ')).toMatch(/axis starts at 6\d\b/);
		const plain = trendFigure([row(2020, 66), row(2022, 72)], { lang: 'sv' }, document);
		expect(texts(plain).join(' ')).not.toContain('börjar vid');
	});
});

describe('trend shape', () => {
	it('draws a single value as a labelled value on a short axis', () => {
		const svg = trendFigure([row(2024, 5.5, [5.1, 5.9])], { lang: 'sv' }, document);
		const label = svg.querySelector('.trend-single-value text, g.trend-single-value text');
		expect(label?.textContent?.replace(/\s/g, ' ')).toBe('5,5 % (5,1 %–5,9 %)');
		const years = texts(svg).filter((t) => /^20\d\d$/.test(t)).map(Number);
		expect(Math.min(...years)).toBeGreaterThanOrEqual(2022);
	});
	it('keeps the empty strategy period narrow until it has data, and full once it has', () => {
		const before = trendFigure([row(2004, 10), row(2014, 11), row(2024, 12)], { lang: 'sv', width: 640 }, document);
		const after = trendFigure([row(2004, 10), row(2014, 11), row(2026, 12)], { lang: 'sv', width: 640 }, document);
		const width = (svg: Element) => Number(svg.querySelector('rect')?.getAttribute('width'));
		const share = (svg: Element) => width(svg) / 640;
		expect(share(before)).toBeLessThan(0.1);
		expect(share(after)).toBeGreaterThan(0.15);
	});
});

describe('group x-axis', () => {
	it('starts at 0 when the smallest value is near 0, and otherwise fits the data', () => {
		expect(groupsXDomain([2, 15, 20])).toEqual([0, 25]);
		expect(groupsXDomain([62, 70, 75])).toEqual([60, 80]);
	});
	it('says where the axis starts when it is not 0', () => {
		const rows = [row(2024, 62, [60, 64], { group_dim: 'age', group_code: 'a' }), row(2024, 75, [73, 77], { group_dim: 'age', group_code: 'b' }), row(2024, 70, [69, 71])];
		const svg = groupsFigure(rows, { lang: 'sv', labels: { a: 'A', b: 'B' }, totalLabel: 'Alla' }, document);
		expect(texts(svg).join(' ')).toContain('axeln börjar vid 55');
	});
});
