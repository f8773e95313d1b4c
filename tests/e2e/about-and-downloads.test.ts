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
