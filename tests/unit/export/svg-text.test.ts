import { describe, expect, it } from 'vitest';
import { escapeXml, wrap } from '$lib/export/svg';
import { fileBase } from '$lib/export/payload';
import { isoDate } from '$lib/export/texts';
import type { Observation } from '$lib/data/observation';

const row = (indicator_id: string) => ({ indicator_id }) as Observation;

describe('export text helpers', () => {
	it('escapes XML special characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
	});

	it('wraps on words within the width and cuts overlong words (URLs)', () => {
		const lines = wrap('Källa: Folkhälsomyndigheten, Nationella folkhälsoenkäten (Hälsa på lika villkor) 2024', 200, 13);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(200 / (13 * 0.52)));
		expect(lines.join(' ')).toBe('Källa: Folkhälsomyndigheten, Nationella folkhälsoenkäten (Hälsa på lika villkor) 2024');
		const url = 'https://example.org/' + 'x'.repeat(200);
		expect(wrap(url, 300, 12).join('')).toBe(url);
		expect(wrap('', 300, 12)).toEqual([]);
	});

	it('names files ensamhetsmonitorn-<indicator>-<view>', () => {
		expect(fileBase({ id: 'trend', rows: [row('lonely_often_always')], lang: 'sv' })).toBe('ensamhetsmonitorn-lonely_often_always-trend');
		expect(fileBase({ id: 'Län & karta', rows: [row('a'), row('b')], lang: 'sv' })).toBe('ensamhetsmonitorn-flera_indikatorer-lan-karta');
		expect(fileBase({ id: 'spine', rows: [], lang: 'en' })).toBe('ensamhetsmonitorn-diagram-spine');
	});

	it('dates accesses as YYYY-MM-DD in local time', () => {
		expect(isoDate(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
		expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
	});
});
