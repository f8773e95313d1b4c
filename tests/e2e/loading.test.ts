/**
 * Loading (#20 item 10, #16): which pages start the engine, how it starts, and what the page
 * says while it does. Real Chromium against the built site; each case uses its own browser
 * context (fresh cache), and the engine's wasm is held back with a route where a case needs to
 * see the page before the engine is ready.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const ENGINE_FILE = /duckdb-eh\.[^/]+\.wasm$|parquet_wasm_bg\.[^/]+\.wasm$|duckdb-browser-eh\.worker|duckdb-boot\.worker|\.parquet$/;

async function freshPage(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
	const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
	const requests: string[] = [];
	context.on('request', (r: Request) => requests.push(r.url()));
	return { context, page: await context.newPage(), requests };
}

/** Holds every request for DuckDB's wasm until `release()` (or fails it with `fail()`). */
async function holdWasm(context: BrowserContext): Promise<{ release(): void; fail(): void }> {
	let settle: (ok: boolean) => void = () => {};
	const gate = new Promise<boolean>((r) => (settle = r));
	await context.route(/duckdb-eh\.[^/]+\.wasm$/, async (route) => ((await gate) ? route.continue() : route.fulfill({ status: 404, body: 'gone' })));
	return { release: () => settle(true), fail: () => settle(false) };
}

describe('engine start policy', () => {
	it.each(['/', '/en', '/delmal/1', '/region/21', '/om'])('%s (no controls) fetches nothing of the engine', async (path) => {
		const { context, page, requests } = await freshPage();
		await page.goto(h.server.url + path, { waitUntil: 'networkidle' });
		expect(requests.filter((u) => ENGINE_FILE.test(u))).toEqual([]);
		expect(await page.getAttribute('[data-engine]', 'data-engine')).toBe('idle');
		await context.close();
	});

	it('an indicator page downloads DuckDB once, from its preload, and the boot worker starts it', async () => {
		const { context, page, requests } = await freshPage();
		await page.goto(h.server.url + '/indikator/no_confidant', { waitUntil: 'commit' });
		await page.waitForSelector('[data-engine="ready"]', { state: 'attached', timeout: 60_000 });
		expect(await page.$$eval('link[rel="preload"][as="fetch"]', (ls) => ls.map((l) => l.getAttribute('href')))).toEqual([expect.stringMatching(/duckdb-eh\..+\.wasm$/)]);
		expect(requests.filter((u) => /duckdb-eh\.[^/]+\.wasm$/.test(u))).toHaveLength(1);
		expect(requests.some((u) => /duckdb-boot\.worker\.[^/]+\.js$/.test(u))).toBe(true);
		// The marks say the module was compiled on the page before DuckDB was instantiated with it.
		const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
		expect(marks['loader:wasm-compiled']).toBeGreaterThan(0);
		expect(marks['loader:instantiated']).toBeGreaterThan(marks['loader:wasm-compiled']);
		await context.close();
	});
});

describe('a shared link while the engine loads', () => {
	it('dims the charts and says "Uppdaterar för Gävleborgs län…" until they show that view, without moving the page', async () => {
		const { context, page } = await freshPage();
		const wasm = await holdWasm(context);
		await page.goto(h.server.url + '/indikator/no_confidant?region=21&kon=K', { waitUntil: 'load' });
		await page.waitForSelector('.charts.stale');
		await page.waitForFunction(() => getComputedStyle(document.querySelector('.updating')!).visibility === 'visible');
		expect(await page.textContent('.updating')).toBe('Uppdaterar för Gävleborgs län, kvinnor…');
		expect(await page.getAttribute('.charts', 'aria-busy')).toBe('true');
		// Prerendered default until the engine answers: the trend chart is still Riket's.
		expect(await page.textContent('[data-chart-frame="trend"] .subtitle')).toContain('Riket');
		// Status overlays are out of the flow: the charts do not move when they come and go.
		expect(await page.$eval('[data-engine]', (e) => getComputedStyle(e).position)).toBe('fixed');
		expect(await page.$eval('.updating', (e) => getComputedStyle(e).position)).toBe('fixed');
		const top = () => page.$eval('[data-chart-frame="trend"]', (e) => e.getBoundingClientRect().top + window.scrollY);
		const before = await top();
		expect(await page.getAttribute('[data-engine]', 'data-engine')).toBe('loading');
		wasm.release();
		await page.waitForSelector('.charts:not(.stale)', { timeout: 60_000 });
		expect(await page.$('.updating')).toBeNull();
		expect(await page.getAttribute('[data-engine]', 'data-engine')).toBe('ready');
		expect(await page.textContent('[data-chart-frame="trend"] .subtitle')).toContain('Gävleborgs län');
		expect(await top()).toBe(before);
		await context.close();
	});

	it('when the engine cannot load, the page says so, stops dimming and keeps the prerendered charts', async () => {
		const { context, page } = await freshPage();
		const wasm = await holdWasm(context);
		await page.goto(h.server.url + '/indikator/no_confidant?region=21', { waitUntil: 'load' });
		await page.waitForSelector('.charts.stale');
		wasm.fail();
		await page.waitForSelector('[data-engine="error"]', { state: 'attached', timeout: 30_000 });
		// The page-wide fault notice (EngineFault) says so in one sentence, with a retry.
		await page.waitForSelector('[data-fault="engine"]');
		expect(await page.textContent('[data-fault="engine"]')).toContain('databasmotorn i webbläsaren inte kunde starta');
		expect(await page.$('.charts.stale')).toBeNull();
		expect(await page.$$eval('#trend-plot svg path', (els) => els.length)).toBeGreaterThan(0);
		h.consoleErrors.length = 0; // the failed load is logged on purpose
		await context.close();
	});
});
