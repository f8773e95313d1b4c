/**
 * #20 items 8, 11 and 13 in Chromium at a phone, a laptop and a projector size:
 * - the back button undoes the last filter change (and forward redoes it) without leaving the page;
 * - the filter panel never covers the charts: on a phone it is a one-line summary in the flow, on
 *   wider screens it pins as a one-line summary once scrolled past; either takes ≤ 15 % of the
 *   screen height, and "Ändra" opens the full form;
 * - /region/21 on a phone shows its table as cards (value, Riket and comparison first), with no
 *   sideways overflow;
 * - no text on the English pages is a Swedish source name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDir, JOURNEY_SIZES, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const SIZES = JOURNEY_SIZES;
const phone = (size: { width: number }) => size.width < 768;

async function openAt(pathname: string, size: { width: number; height: number }): Promise<Page> {
	const page = await h.context.newPage();
	await page.setViewportSize(size);
	page.on('pageerror', (err) => h.consoleErrors.push(`${pathname}: ${err.message}`));
	await page.goto(h.server.url + pathname, { waitUntil: 'load' });
	return page;
}

/** The select inside the label that starts with this text (opening the phone's collapsed panel first). */
async function control(page: Page, label: string) {
	const select = page.locator('[data-filter-panel] label', { hasText: label }).locator('select');
	if (!(await select.isVisible())) await page.locator('[data-filter-summary] button').click();
	await select.waitFor({ state: 'visible' });
	return select;
}

const trendSubtitle = (page: Page) => page.locator('[data-chart-frame="trend"] .subtitle').innerText();

describe.each(SIZES)('filters and history at $width×$height', (size) => {
	it('the back button undoes the last filter change, forward redoes it, and the page follows', async () => {
		const page = await openAt('/indikator/no_confidant', size);
		await page.waitForSelector('#trend-plot svg', { timeout: 60_000 });
		const start = page.url();
		const historyAtStart = await page.evaluate(() => history.length);

		await (await control(page, 'Kön')).selectOption('K');
		await page.waitForURL(/kon=K/);
		// The subtitle names what the chart shows: it follows once the engine (started after first paint) has answered.
		await expect.poll(() => trendSubtitle(page), { timeout: 30_000 }).toMatch(/^Riket · Kvinnor/);
		await (await control(page, 'Visa län')).selectOption('21');
		await page.waitForURL(/kon=K.*region=21|region=21.*kon=K/);
		await expect.poll(() => trendSubtitle(page), { timeout: 30_000 }).toMatch(/^Gävleborgs län · Kvinnor/);
		// Two deliberate changes, two history entries.
		expect(await page.evaluate(() => history.length)).toBe(historyAtStart + 2);

		// Back: the county is undone, the sex stays; the controls and the charts follow.
		await page.goBack();
		await page.waitForURL((u) => u.searchParams.get('kon') === 'K' && !u.searchParams.has('region'));
		await expect.poll(() => trendSubtitle(page), { timeout: 30_000 }).toMatch(/^Riket · Kvinnor/);
		expect(await (await control(page, 'Visa län')).inputValue()).toBe('');
		expect(await (await control(page, 'Kön')).inputValue()).toBe('K');

		// Back again: the first view, still on this page.
		await page.goBack();
		await page.waitForURL((u) => u.search === '');
		expect(page.url()).toBe(start);
		await expect.poll(() => trendSubtitle(page), { timeout: 30_000 }).toMatch(/^Riket · Alla/);
		expect(await (await control(page, 'Kön')).inputValue()).toBe('T');
		expect(await page.locator('h1').innerText()).toBe('Andel som inte har någon att anförtro sig åt');

		// Forward redoes the change.
		await page.goForward();
		await page.waitForURL(/kon=K/);
		await expect.poll(() => trendSubtitle(page), { timeout: 30_000 }).toMatch(/^Riket · Kvinnor/);
		await page.close();
	});
});

describe.each(SIZES)('the filter panel at $width×$height', (size) => {
	it('never covers the charts, and its summary takes ≤ 15 % of the screen height', async () => {
		const page = await openAt('/indikator/no_confidant', size);
		await page.waitForSelector('#trend-plot svg', { timeout: 60_000 });
		const panel = page.locator('[data-filter-panel]');
		const summary = page.locator('[data-filter-summary]');
		const maxHeight = 0.15 * size.height;

		if (phone(size)) {
			// The phone: a summary line in the flow from the start, never pinned.
			await summary.waitFor({ state: 'visible' });
			expect((await panel.boundingBox())!.height).toBeLessThanOrEqual(maxHeight);
			expect(await summary.innerText()).toMatch(/Alla · .+ · 95 %/);
			expect(await panel.evaluate((e) => getComputedStyle(e).position)).toBe('static');
		} else {
			// Wide: the full form at the top, no summary until it scrolls away.
			expect(await summary.isVisible()).toBe(false);
			expect(await page.locator('[data-filter-panel] select').first().isVisible()).toBe(true);
		}

		// Scrolled to the county chart: nothing of the panel lies over the chart's top.
		const chart = page.locator('[data-chart-frame="regions"]');
		await chart.evaluate((e) => e.scrollIntoView({ block: 'start' }));
		await page.waitForTimeout(100); // one intersection-observer turn
		const box = (await chart.boundingBox())!;
		if (phone(size)) {
			const p = (await panel.boundingBox())!;
			expect(p.y + p.height, 'the panel scrolled away with the page').toBeLessThanOrEqual(0);
		} else {
			await expect.poll(() => summary.isVisible(), { timeout: 10_000 }).toBe(true);
			const p = (await panel.boundingBox())!;
			expect(await panel.evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
			expect(p.height, 'pinned summary height').toBeLessThanOrEqual(maxHeight);
			await chart.evaluate((e, top) => window.scrollBy(0, e.getBoundingClientRect().top - top - 8), p.height);
		}
		const panelBottom = ((await panel.boundingBox())!.y + (await panel.boundingBox())!.height);
		const chartTop = (await chart.boundingBox())!.y;
		expect(chartTop, 'the chart starts below the panel').toBeGreaterThanOrEqual(Math.max(0, panelBottom) - 1);
		// The chart's own top edge is what is on screen there, not the panel.
		const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-chart-frame], [data-filter-panel]')?.getAttribute('data-chart-frame') ?? 'not the chart', { x: box.x + box.width / 2, y: chartTop + 4 });
		expect(hit, 'the top of the county chart is visible').toBe('regions');

		// "Ändra" opens the whole form; choosing there works; "Klar" folds it again.
		const button = summary.locator('button');
		if (await button.isVisible()) {
			expect(await button.getAttribute('aria-expanded')).toBe('false');
			await button.click();
			expect(await button.getAttribute('aria-expanded')).toBe('true');
			const sex = page.locator('[data-filter-panel] label', { hasText: 'Kön' }).locator('select');
			await sex.waitFor({ state: 'visible' });
			await sex.selectOption('M');
			await page.waitForURL(/kon=M/);
			await expect.poll(() => summary.innerText(), { timeout: 10_000 }).toContain('Män · ');
			await button.click();
			await sex.waitFor({ state: 'hidden' });
		}
		await page.close();
	});
});

describe('the region table on a phone', () => {
	it('/region/21 at 390 × 844: rows are cards with the value, Riket and the comparison first; nothing overflows sideways', async () => {
		const page = await openAt('/region/21', { width: 390, height: 844 });
		const overflow = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
		expect(overflow.doc, 'page width').toBeLessThanOrEqual(overflow.view);
		const wrap = page.locator('.table-wrap').filter({ has: page.locator('table.profile') });
		expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);

		const rows = page.locator('table.profile tbody tr');
		expect(await rows.count()).toBe(12);
		for (const i of [0, 5, 11]) {
			const row = rows.nth(i);
			const top = async (sel: string) => (await row.locator(sel).boundingBox())!.y;
			const heading = await top('th');
			const value = await top('td[data-first="value"]');
			const nation = await top('td[data-first="nation"]');
			const comparison = await top('td[data-first="comparison"]');
			const rest = await Promise.all((await row.locator('td:not([data-first])').all()).map(async (c) => (await c.boundingBox())!.y));
			expect(heading).toBeLessThan(value);
			expect(Math.abs(value - nation), 'value and Riket side by side').toBeLessThan(2);
			expect(comparison).toBeGreaterThan(value);
			for (const y of rest) expect(y, 'period, CI, trend and change come after').toBeGreaterThan(comparison);
			// Each cell names its column (the header row is only for screen readers here).
			expect(await row.locator('td[data-first="nation"]').evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"Riket"');
			const card = (await row.boundingBox())!;
			expect(card.x + card.width).toBeLessThanOrEqual(390);
		}
		// The value shown is the one the row carries.
		const first = rows.first();
		const v = Number(await first.getAttribute('data-value'));
		if (Number.isFinite(v) && (await first.getAttribute('data-value')) !== '') expect((await first.locator('td[data-first="value"]').innerText()).replace(/\s/g, '')).toContain(String(v).replace('.', ','));
		await page.close();
	});

	it('/region/21 at 1280 × 800 stays a table', async () => {
		const page = await openAt('/region/21', { width: 1280, height: 800 });
		expect(await page.locator('table.profile tbody tr').first().evaluate((e) => getComputedStyle(e).display)).toBe('table-row');
		expect(await page.locator('table.profile thead').isVisible()).toBe(true);
		await page.close();
	});
});

interface SourceJson {
	source_id: string;
	publisher: string;
	publisher_en?: string;
	citation: string;
	citation_en?: string;
}

/** Every Swedish source name the data carry that has a different English form. */
function swedishSourceNames(): string[] {
	const sources = JSON.parse(fs.readFileSync(path.join(buildDir, 'data', 'sources.json'), 'utf8')) as SourceJson[];
	const names = new Set<string>();
	for (const s of sources) {
		if (s.publisher_en && s.publisher !== s.publisher_en) names.add(s.publisher);
		if (s.citation_en && s.citation !== s.citation_en) names.add(s.citation);
	}
	return [...names];
}

/** All text a visitor can meet: text nodes (shown or in closed tables), SVG text, and title/aria-label/alt. */
function visibleTexts(page: Page): Promise<string> {
	return page.evaluate(() => {
		const out: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const parent = n.parentElement;
			if (parent && !parent.closest('script, style, template, noscript')) out.push(n.textContent ?? '');
		}
		for (const el of document.querySelectorAll('[title], [aria-label], [alt]')) for (const a of ['title', 'aria-label', 'alt']) out.push(el.getAttribute(a) ?? '');
		return out.join('\n');
	});
}

describe.each(SIZES)('English pages at $width×$height', (size) => {
	const names = swedishSourceNames();
	it('the data have Swedish source names to look for (the check can fail)', () => {
		expect(names).toContain('Exempeldata (syntetiska)');
		expect(names.some((n) => n.startsWith('Källa: '))).toBe(true);
	});
	it.each(['/en', '/en/indikator/no_confidant', '/en/indikator/no_close_friend', '/en/region/21', '/en/delmal/3', '/en/om'])('%s shows no Swedish source name', async (pathname) => {
		const page = await openAt(pathname, size);
		// Indicator pages redraw from the engine: read them once it has answered.
		if (pathname.includes('/indikator/')) await page.waitForSelector('#trend-plot svg', { timeout: 60_000 });
		const text = await visibleTexts(page);
		expect(text).toMatch(/Source|Publisher/);
		for (const n of names) expect(text.includes(n), `"${n}" on ${pathname}`).toBe(false);
		expect(text).not.toMatch(/Källa:/);
		await page.close();
	});
});
