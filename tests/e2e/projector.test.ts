/**
 * Projectors (#20 item 12), in Chromium at 1920 × 1080: chart text ≥ 16 px on normal pages and
 * ≥ 24 px in presentation mode (the SVG's own text sizes times the scale it is drawn at), the
 * legend kept, slides titled by the indicator's name, and an end card after the last chart
 * instead of a silent jump back to the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

/**
 * The page is opened at the default size and hydrated first, then the window grows to 1920 × 1080:
 * a presenter moving the browser onto the projector. Charts must follow the new size even when
 * their own box keeps its width (a fixed-width column), so this order is the demanding one.
 */
async function open1080(path: string): Promise<Page> {
	const page = await h.open(path);
	await page.waitForFunction(() => document.querySelector('.present-button') !== null, null, { timeout: 60_000 });
	await page.setViewportSize({ width: 1920, height: 1080 });
	return page;
}

/** Rendered size of every visible chart text: computed font-size × the SVG's on-screen scale. */
function chartTextSizes(page: Page) {
	return page.$$eval('.plot svg text', (texts) =>
		texts
			.filter((t) => (t.textContent ?? '').trim() && (t as SVGTextElement).getBoundingClientRect().width > 0)
			.map((t) => {
				const svg = (t as SVGTextElement).ownerSVGElement!;
				const vb = svg.viewBox.baseVal;
				const box = svg.getBoundingClientRect();
				const scale = vb && vb.width ? Math.min(box.width / vb.width, box.height / vb.height) : 1;
				const plot = svg.closest('.plot');
				return { text: t.textContent!.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale, chart: plot?.id ?? plot?.getAttribute('data-chart'), rendered: plot?.getAttribute('data-rendered'), box: Math.round(box.width), vb: vb?.width };
			})
	);
}

describe('1920 × 1080', () => {
	for (const path of ['/indikator/no_confidant', '/region/21', '/en/delmal/3']) {
		it(`${path}: every chart text is ≥ 16 px`, async () => {
			const page = await open1080(path);
			// Charts narrower than their drawing are redrawn at their box's width: wait for that.
			const smallest = async () => (await chartTextSizes(page)).sort((a, b) => a.px - b.px)[0];
			await expect.poll(async () => (await smallest()).px, { timeout: 30_000 }).toBeGreaterThanOrEqual(15.9).catch(async (e) => {
				throw new Error(`${JSON.stringify(await smallest())}: ${e}`);
			});
			expect((await chartTextSizes(page)).length).toBeGreaterThan(5);
			await page.close();
		});
	}

	it('presentation mode: indicator name as title, text ≥ 24 px, legend kept, end card after the last chart', async () => {
		const page = await open1080('/region/21');
		const name = 'Gävleborgs län';
		await page.getByRole('button', { name: 'Presentationsläge' }).click();
		const dialog = page.getByRole('dialog', { name: 'Presentationsläge' });
		await dialog.waitFor();
		const live = dialog.locator('[aria-live]');
		const count = await page.$$eval('[data-chart-frame]', (e) => e.length);
		expect(count).toBeGreaterThan(0);
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain(`Diagram 1 av ${count}`);
		// The spine shows twelve indicators of one county: its title names the county.
		expect(await dialog.locator('h2').textContent()).toContain(name);
		const textPx = async () =>
			dialog.locator('img').evaluate((img: HTMLImageElement) => {
				const box = img.getBoundingClientRect();
				const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
				return Number(img.dataset.minFont) * scale;
			});
		await expect.poll(textPx, { timeout: 15_000 }).toBeGreaterThanOrEqual(24);
		// The legend: outcomes in words, with their shapes.
		const legend = dialog.locator('.legend li');
		expect(await legend.count()).toBeGreaterThan(0);
		expect(await legend.first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24);
		await page.screenshot({ path: process.env.PRESENT_SCREENSHOT ?? '/tmp/present-1080.png' });
		// Left from the first stays on the first; right past the last shows the end card, not chart 1.
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain(`Diagram 1 av ${count}`);
		await page.keyboard.press('End');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain(`Diagram ${count} av ${count}`);
		await page.keyboard.press('ArrowRight');
		await dialog.locator('[data-end-card]').waitFor();
		expect(await live.textContent()).toMatch(/Det var (alla \d+ diagram|det enda diagrammet)/);
		await page.keyboard.press('ArrowRight');
		expect(await dialog.locator('[data-end-card]').count()).toBe(1);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain(`Diagram ${count} av ${count}`);
		await page.keyboard.press('Escape');
		await page.close();
	});

	it('presentation mode on an indicator page: every slide titled by the indicator, text ≥ 24 px', async () => {
		const page = await open1080('/indikator/no_confidant');
		const h1 = (await page.locator('h1').textContent())!.trim();
		await page.getByRole('button', { name: 'Presentationsläge' }).click();
		const dialog = page.getByRole('dialog', { name: 'Presentationsläge' });
		const live = dialog.locator('[aria-live]');
		const count = await page.$$eval('[data-chart-frame]', (e) => e.length);
		for (let i = 1; i <= count; i++) {
			await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain(`Diagram ${i} av ${count}: ${h1}`);
			expect((await dialog.locator('h2').textContent())!.trim()).toBe(h1);
			await expect
				.poll(() =>
					dialog.locator('img').evaluate((img: HTMLImageElement) => {
						const box = img.getBoundingClientRect();
						return Number(img.dataset.minFont) * Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
					}),
					{ timeout: 15_000 }
				)
				.toBeGreaterThanOrEqual(24);
			await page.keyboard.press('ArrowRight');
		}
		await dialog.locator('[data-end-card]').waitFor();
		await page.close();
	});
});
