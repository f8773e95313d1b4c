/**
 * Slide deck build time (#14, goal ≤ 3 s for the region deck): click "Ladda ner bildspel" on
 * /region/21 and read the page's own measure (click → finished .pptx blob: deck data fetch,
 * pptxgenjs, the spine picture, 28 slides). The first click includes loading pptxgenjs; the
 * median of the later clicks is the warm figure. Floor measured in the same run: fetching the
 * deck's data file alone.
 */
import type { Browser } from 'playwright-core';

export interface DeckBench {
	first_ms: number;
	median_ms: number;
	slides: number;
	data_fetch_ms: number;
	ratio_to_floor: number;
	runs_ms: number[];
}

export async function deckBench(browser: Browser, url: string, runs = 5): Promise<DeckBench> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
	const page = await context.newPage();
	try {
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForFunction(() => document.querySelector('.present-button') !== null, null, { timeout: 60_000 });
		await page.evaluate(() => {
			const w = window as unknown as { __decks: { ms: number; slides: number }[] };
			w.__decks = [];
			document.addEventListener('chart-export', (e) => w.__decks.push((e as CustomEvent).detail));
		});
		const times: number[] = [];
		let slides = 0;
		for (let i = 0; i < runs; i++) {
			await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('.deck button.slides')]);
			await page.waitForFunction((n) => (window as unknown as { __decks: unknown[] }).__decks.length > n, i);
			const d = await page.evaluate((n) => (window as unknown as { __decks: { ms: number; slides: number }[] }).__decks[n], i);
			times.push(d.ms);
			slides = d.slides;
		}
		const key = await page.getAttribute('.deck button.slides', 'data-deck');
		const fetchMs = await page.evaluate(async (k) => {
			const t = performance.now();
			await (await fetch(`/bildspel/${k}.json`, { cache: 'no-store' })).json();
			return performance.now() - t;
		}, key);
		const warm = times.slice(1).sort((a, b) => a - b);
		const median = warm.length ? warm[Math.floor(warm.length / 2)] : times[0];
		return { first_ms: times[0], median_ms: median, slides, data_fetch_ms: Math.round(fetchMs), ratio_to_floor: Math.round((median / Math.max(1, fetchMs)) * 10) / 10, runs_ms: times };
	} finally {
		await context.close();
	}
}
