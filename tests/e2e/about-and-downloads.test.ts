/**
 * Behaviours no other browser test covered (issue #19): the About page's content against the
 * data it describes and its downloads as served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, parseCsv, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const dataJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(buildDir, 'data', name), 'utf8')) as T;

describe.each([
	['/om', 'sv'],
	['/en/om', 'en']
] as const)('About page %s', (pathname, lang) => {
	it('links every indicator, states the number of observations in the download, and every download is served', async () => {
		const page = await h.open(pathname);
		const indicators = dataJson<{ id: string; name: Record<string, string> }[]>('indicators.json');
		const links = await page.$$eval('a[href*="/indikator/"]', (as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '' })));
		for (const ind of indicators) expect(links, ind.id).toContainEqual({ href: expect.stringMatching(new RegExp(`/indikator/${ind.id}$`)), text: ind.name[lang] });

		// The stated counts are those of the CSV the page offers, counted here independently:
		// rows with a value are observations, rows without one are cells the source left empty.
		const csv = parseCsv(fs.readFileSync(path.join(buildDir, 'data', 'observations.csv'), 'utf8').replace(/^\ufeff/, ''));
		const withValue = csv.filter((r) => r.value !== '').length;
		const body = (await page.locator('main').innerText()).replace(/[\u00a0\u202f]/g, ' ');
		const num = (s: string) => Number(s.replace(/[^\d]/g, ''));
		const stated = body.match(lang === 'sv' ? /(\d[\d ]*) observationer och (\d[\d ]*) celler.*?(\d[\d ]*) rader i nedladdningen/ : /(\d[\d,]*) observations and (\d[\d,]*) cells.*?(\d[\d,]*) rows in the download/);
		expect(stated, 'the page states the counts').not.toBeNull();
		expect([num(stated![1]), num(stated![2]), num(stated![3])]).toEqual([withValue, csv.length - withValue, csv.length]);

		const downloads = await page.$$eval('a[href*="/data/"]', (as) => as.map((a) => a.getAttribute('href')!));
		expect(downloads.length).toBeGreaterThanOrEqual(5);
		for (const href of downloads) {
			const res = await fetch(h.server.url + href);
			expect(res.status, href).toBe(200);
			expect((await res.arrayBuffer()).byteLength, href).toBeGreaterThan(100);
		}
		await page.close();
	});
});

interface SourceJson {
	source_id: string;
	publisher: string;
	publisher_en?: string;
	title: string;
	citation: string;
	citation_en?: string;
	cited_in?: string;
	kind?: string;
	url: string;
}

describe('English CSV download (#20 item 13)', () => {
	it('names the indicator, the region and the source in English, with the values drawn', async () => {
		const page = await h.open('/en/indikator/no_confidant');
		await page.waitForSelector('#trend-plot[data-rendered="client"]', { timeout: 60_000 });
		const frame = 'trend';
		await page.click(`#${frame}-export-button`);
		const item = `#${frame}-export-menu [data-export="csv-standard"]`;
		await page.waitForSelector(item);
		const [dl] = await Promise.all([page.waitForEvent('download'), page.click(item)]);
		const text = fs.readFileSync((await dl.path())!, 'utf8').replace(/^\ufeff/, '');
		const rows = parseCsv(text);
		const indicators = dataJson<{ id: string; name: Record<string, string> }[]>('indicators.json');
		const en = indicators.find((i) => i.id === 'no_confidant')!.name.en;
		const sources = new Map(dataJson<SourceJson[]>('sources.json').map((s) => [s.source_id, s]));
		expect(rows.length).toBeGreaterThan(3);
		// Real and example rows both: each source line is its English citation, never the Swedish one.
		expect(new Set(rows.map((r) => r.is_demo))).toEqual(new Set(['true', 'false']));
		for (const r of rows) {
			expect(r.indicator_name).toBe(en);
			expect(r.region_name).toBe('Sweden');
			const s = sources.get(r.source_id)!;
			expect(s.citation_en, r.source_id).toBeTruthy();
			expect(r.source).toBe(s.citation_en);
			expect(r.source).toMatch(r.is_demo === 'true' ? /^Example data \(synthetic\)/ : /^Source: /);
			expect(r.source).not.toContain(s.publisher === s.publisher_en ? '\u0000' : s.publisher);
			expect(r.source).not.toMatch(/Källa|Exempeldata|citerad/);
		}
		const drawn = await page.$$eval('[data-chart-frame="trend"] svg [data-value]', (els) => els.map((e) => Number(e.getAttribute('data-value'))));
		expect(drawn.length).toBeGreaterThan(0);
		const values = new Set(rows.map((r) => Number(r.value)));
		for (const v of drawn) expect(values.has(v), `drawn ${v} in the CSV`).toBe(true);
		await page.close();
	});
});

describe.each([
	['/om', 'citerad i'],
	['/en/om', 'cited in']
] as const)('About page %s: the publisher is the source, a secondary page only where it is cited', (pathname, citedIn) => {
	it('every figure read from a secondary page names the producer as publisher and the page only as cited', async () => {
		const sources = dataJson<SourceJson[]>('sources.json').filter((s) => s.kind === 'published');
		const secondary = sources.filter((s) => s.cited_in);
		expect(secondary.length, 'the data have figures read from secondary pages').toBeGreaterThan(0);
		const page = await h.open(pathname);
		for (const s of sources) {
			const row = page.locator(`tr[data-source="${s.source_id}"]`);
			const publisher = (await row.locator('td').nth(0).innerText()).trim();
			expect(publisher, s.source_id).toBe(pathname.startsWith('/en') ? s.publisher_en : s.publisher);
			expect(publisher).not.toMatch(/ via /);
			const publication = row.locator('td').nth(1);
			if (s.cited_in) {
				const cited = publication.locator('[data-cited-in]');
				expect((await cited.innerText()).trim()).toBe(`${citedIn} ${s.cited_in}`);
				// The link goes to the page that cites the figure, and is named for that page, not for the source.
				expect(await cited.locator('a').getAttribute('href')).toBe(s.url);
				expect(await publication.locator('a').count()).toBe(1);
			} else expect(await publication.locator('[data-cited-in]').count()).toBe(0);
		}
		await page.close();
	});
});
