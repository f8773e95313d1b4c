/**
 * Faults survived, in Chromium with the fault injected by request routing (or the DevTools
 * protocol): an indicator partition answering 404, 500, truncated or corrupt; DuckDB's wasm,
 * parquet-wasm or the worker failing to load; the worker dying mid-query; going offline after
 * load; a 400 kbit/s network. Each time the prerendered charts stay, the page says in one
 * sentence why interactive views are unavailable and offers a retry that works, and no error
 * is left uncaught. Each test has its own browser context (routes, offline, throttling).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildDir, startHarness, type Harness } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const PAGE = '/indikator/no_confidant';
const PARTITION = '**/data/indicators/no_confidant.parquet';
const DUCK_WASM = '**/_app/immutable/assets/duckdb-eh.*.wasm';
const PARQUET_WASM = '**/_app/immutable/assets/parquet_wasm_bg.*.wasm';
const WORKER = '**/_app/immutable/assets/duckdb-browser-eh.worker.*.js';

const SENTENCE = {
	data: 'Interaktiva vyer är inte tillgängliga eftersom en datafil inte kunde hämtas eller läsas; diagrammen visar förberäknade värden.',
	engine: 'Interaktiva vyer är inte tillgängliga eftersom databasmotorn i webbläsaren inte kunde starta eller slutade svara; diagrammen visar förberäknade värden.',
	offline: 'Du är offline, så interaktiva vyer som inte redan har laddats är inte tillgängliga; diagrammen visar förberäknade värden.'
} as const;

interface Opened {
	ctx: BrowserContext;
	page: Page;
	uncaught: string[];
}

async function openWith(setup: (page: Page, ctx: BrowserContext) => Promise<unknown>, pathname = PAGE): Promise<Opened> {
	const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
	const page = await ctx.newPage();
	const uncaught: string[] = [];
	page.on('pageerror', (e) => uncaught.push(e.message));
	await setup(page, ctx);
	await page.goto(h.server.url + pathname, { waitUntil: 'load' });
	return { ctx, page, uncaught };
}

/** The prerendered charts are still drawn. */
async function chartsStay(page: Page): Promise<void> {
	for (const chart of ['#trend-plot', '#groups-plot', '#regions-plot', '#map-plot'])
		expect(await page.$$eval(`${chart} svg :is(circle, path, rect, line)`, (els) => els.length), chart).toBeGreaterThan(2);
}

/** The fault banner: exactly one sentence, the expected one, and a retry button. */
async function expectFault(page: Page, kind: keyof typeof SENTENCE): Promise<void> {
	const banner = page.locator(`[data-fault="${kind}"]`);
	await banner.waitFor({ timeout: 60_000 });
	const text = ((await banner.locator('p').textContent()) ?? '').trim();
	expect(text).toBe(SENTENCE[kind]);
	expect(text.match(/[.!?](\s|$)/g)).toHaveLength(1);
	expect(await banner.getByRole('button', { name: 'Försök igen' }).count()).toBe(1);
}

/** Retry, then prove the views work: no banner, the engine ready, a control change redrawn in the browser. */
async function retryWorks(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Försök igen' }).click();
	await page.waitForSelector('[data-engine="ready"]', { state: 'attached', timeout: 60_000 });
	await page.locator('label', { hasText: 'Kön' }).locator('select').selectOption('K');
	await page.waitForSelector('#trend-plot[data-rendered="client"]', { timeout: 60_000 });
	expect(await page.locator('[data-fault]').count()).toBe(0);
}

describe('an indicator partition fails', () => {
	const corrupt = (bytes: Buffer) => {
		// Magic and footer length kept, everything between overwritten: the metadata is garbage.
		const out = Buffer.from(bytes);
		for (let i = 4; i < out.length - 8; i++) out[i] = (i * 131 + 7) & 0xff;
		return out;
	};
	const cases: [string, (route: import('playwright-core').Route) => Promise<void>][] = [
		['404', (r) => r.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' })],
		['500', (r) => r.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })],
		['truncated', async (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: (await (await r.fetch()).body()).subarray(0, 700) })],
		['corrupt', async (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: corrupt(await (await r.fetch()).body()) })]
	];
	it.each(cases)('answering %s: charts stay, one sentence says why, retry loads it', async (_name, fault) => {
		const { ctx, page, uncaught } = await openWith((p) => p.route(PARTITION, fault, { times: 1 }));
		await expectFault(page, 'data');
		await chartsStay(page);
		// The message and its button pass axe (all rules), and the retry is reachable by keyboard.
		if (_name === '404') {
			expect(await axeViolations(page)).toEqual([]);
			let reached = false;
			for (let i = 0; i < 40 && !reached; i++) {
				await page.keyboard.press('Tab');
				reached = await page.evaluate(() => document.activeElement?.textContent === 'Försök igen');
			}
			expect(reached, 'retry reachable with Tab').toBe(true);
		}
		await retryWorks(page);
		expect(uncaught).toEqual([]);
		await ctx.close();
	});
});

describe('the engine fails', () => {
	const notFound = (r: import('playwright-core').Route) => r.fulfill({ status: 404, body: 'Not found' });
	// A damaged download: the first kilobyte of the real wasm, served as a complete response.
	const truncated = async (r: import('playwright-core').Route) => r.fulfill({ status: 200, contentType: 'application/wasm', body: (await (await r.fetch()).body()).subarray(0, 1024) });
	it.each([
		['DuckDB’s wasm answers 404', DUCK_WASM, notFound],
		['DuckDB’s wasm arrives truncated', DUCK_WASM, truncated],
		['parquet-wasm answers 404', PARQUET_WASM, notFound],
		['the worker script answers 404', WORKER, notFound]
	] as const)('%s: charts stay, one sentence says why, retry starts a fresh worker', async (_name, url, fault) => {
		const { ctx, page, uncaught } = await openWith((p) => p.route(url, fault, { times: 1 }));
		await expectFault(page, 'engine');
		await chartsStay(page);
		await retryWorks(page);
		expect(uncaught).toEqual([]);
		await ctx.close();
	});

	it('the worker dies mid-query: one sentence says why, retry starts a fresh worker that answers', async () => {
		let served = 0;
		const { ctx, page, uncaught } = await openWith((p) =>
			p.route(WORKER, async (route) => {
				served++;
				const original = await (await route.fetch()).text();
				// First worker only: it throws and closes itself on the first view query, like a crash.
				const crash = `self.addEventListener('message', (e) => {
	const sql = e.data && e.data.type === 'RUN_QUERY' ? String(e.data.data && e.data.data[1]) : '';
	if (/\\bSELECT\\b/i.test(sql)) { e.stopImmediatePropagation(); queueMicrotask(() => self.close()); throw new Error('injected: DuckDB worker crashed mid-query'); }
});\n`;
				await route.fulfill({ status: 200, contentType: 'text/javascript', body: served === 1 ? crash + original : original });
			})
		);
		await expectFault(page, 'engine');
		await chartsStay(page);
		await retryWorks(page);
		expect(served, 'retry loaded the worker script again: a fresh worker').toBe(2);
		expect(uncaught).toEqual([]);
		await ctx.close();
	});
});

describe('offline after load', () => {
	it('views already loaded still work offline; no banner for them', async () => {
		const { ctx, page, uncaught } = await openWith(async () => {});
		await page.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 60_000 });
		// The neighbouring views (e.g. women) are prefetched in idle time; wait for one to be cached.
		await ctx.setOffline(true);
		expect(await page.evaluate(() => navigator.onLine)).toBe(false);
		await page.locator('label', { hasText: 'Konfidensnivå' }).locator('select').selectOption('99.8');
		await page.locator('label', { hasText: 'Kön' }).locator('select').selectOption('M');
		await page.waitForSelector('#trend-plot[data-rendered="client"]', { timeout: 30_000 });
		expect(await page.locator('[data-fault]').count()).toBe(0);
		expect(uncaught).toEqual([]);
		await ctx.close();
	});

	it('a view whose data were not loaded yet says it cannot load because the browser is offline; online again, retry loads it', async () => {
		const { ctx, page, uncaught } = await openWith((p, c) =>
			p.route(
				PARTITION,
				async (route) => {
					// The network goes away while the page waits for this partition.
					await c.setOffline(true);
					await route.abort('internetdisconnected');
				},
				{ times: 1 }
			)
		);
		await expectFault(page, 'offline');
		await chartsStay(page);
		await ctx.setOffline(false);
		await retryWorks(page);
		expect(uncaught).toEqual([]);
		await ctx.close();
	});
});

describe('slow network (400 kbit/s)', () => {
	it('the progress bar never claims more than can have arrived, keeps moving, and the controls answer at once', async () => {
		const assets = path.join(buildDir, '_app/immutable/assets');
		const brSize = fs.statSync(path.join(assets, fs.readdirSync(assets).find((f) => /^duckdb-eh\..+\.wasm\.br$/.test(f))!)).size;
		const BYTES_PER_S = 400_000 / 8;
		let wasmRequestedAt = 0;
		const { ctx, page, uncaught } = await openWith(async (p) => {
			const cdp = await p.context().newCDPSession(p);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: BYTES_PER_S, uploadThroughput: BYTES_PER_S });
			await p.route(DUCK_WASM, (route) => {
				wasmRequestedAt = Date.now();
				return route.continue();
			});
		});
		await page.waitForSelector('[data-engine="loading"] progress', { timeout: 60_000 });
		// Controls answer while the engine downloads: the view (and the address) change at once.
		const sex = page.locator('label', { hasText: 'Kön' }).locator('select');
		await sex.focus();
		await page.keyboard.press('ArrowDown');
		await page.waitForFunction(() => location.search.includes('kon=K'), null, { timeout: 5_000 });
		expect(await sex.inputValue()).toBe('K');
		// The wasm request starts once the worker script has arrived (parquet-wasm shares the line).
		await expect.poll(() => wasmRequestedAt, { timeout: 60_000 }).toBeGreaterThan(0);
		// Sample the bar for about 8 s against the most that can have arrived at 400 kbit/s.
		const samples: { shown: number; possible: number }[] = [];
		for (let i = 0; i < 16; i++) {
			await page.waitForTimeout(500);
			const shown = await page.$eval('[data-engine] progress', (e) => (e as HTMLProgressElement).value).catch(() => NaN);
			if (!Number.isNaN(shown)) samples.push({ shown, possible: ((Date.now() - wasmRequestedAt) / 1000) * BYTES_PER_S / brSize });
		}
		expect(samples.length, 'the wasm download started and the bar was shown').toBeGreaterThan(8);
		for (let i = 1; i < samples.length; i++) expect(samples[i].shown).toBeGreaterThanOrEqual(samples[i - 1].shown);
		// Decoded and compressed fractions differ a little (brotli is uneven over the file), never by a factor.
		for (const x of samples) expect(x.shown, JSON.stringify(samples)).toBeLessThanOrEqual(x.possible * 1.5 + 0.01);
		expect(samples.at(-1)!.shown, 'the bar moves').toBeGreaterThan(0);
		expect(await page.locator('[data-fault]').count()).toBe(0);
		expect(uncaught).toEqual([]);
		await ctx.close();
	}, 120_000);
});
