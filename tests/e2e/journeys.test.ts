/**
 * The region analyst's journey (issue #20): choose "my county" on the home page, find it
 * remembered on the next visit (this device only), reach the county index from the menu, at a
 * phone, a laptop and a projector size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_SIZES, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const SIZES = JOURNEY_SIZES;

describe.each(SIZES)('county chooser at $width×$height', (size) => {
	it('takes the visitor to the chosen county and remembers it on the next visit', async () => {
		const page = await h.open('/');
		await page.setViewportSize(size);
		await page.evaluate(() => localStorage.clear());
		await page.reload({ waitUntil: 'load' });
		expect(await page.getByTestId('my-county').count()).toBe(0);
		await page.getByRole('combobox', { name: 'Välj ditt län' }).selectOption('21');
		await page.getByRole('button', { name: 'Visa', exact: true }).first().click();
		await page.waitForURL(/\/region\/21$/);
		expect(await page.locator('h1').innerText()).toContain('Gävleborg');

		await page.goto(h.server.url + '/', { waitUntil: 'load' });
		const mine = page.getByTestId('my-county');
		await mine.waitFor();
		expect(await mine.innerText()).toContain('Gävleborgs län');
		expect(await mine.locator('a').getAttribute('href')).toMatch(/\/region\/21$/);
		// Stored on the device only, under one key.
		expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['ensamhetsmonitorn:county']);

		// Forgetting it clears the device.
		await page.getByRole('button', { name: 'Glöm valet' }).click();
		expect(await page.evaluate(() => localStorage.length)).toBe(0);
		await page.close();
	});
});

describe('the menu item for counties', () => {
	it.each([
		['/', 'Län', 'Län'],
		['/en', 'Counties', 'Counties']
	])('on %s opens a county chooser, not the nation', async (start, link, heading) => {
		const page = await h.open(start);
		await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
		await page.waitForURL(/\/region$/);
		expect(await page.locator('h1').innerText()).toBe(heading);
		expect(await page.getByTestId('region-index').locator('a').count()).toBe(22);
		expect(await page.getByTestId('county-chooser').count()).toBe(1);
		await page.close();
	});

	it('the no-JavaScript form address ?lan=21 leads on to the county', async () => {
		const page = await h.open('/region?lan=21');
		await page.waitForURL(/\/region\/21$/);
		expect(await page.evaluate(() => localStorage.getItem('ensamhetsmonitorn:county'))).toBe('21');
		await page.close();
	});
});

describe('tooltips on every chart kind (mouse, keyboard, touch)', () => {
	const tipText = (page: import('playwright-core').Page) => page.locator('.chart-tip:not([hidden])').innerText();

	it('mouse: hovering a county dot shows its value, interval, period and outcome', async () => {
		const page = await h.open('/indikator/no_confidant');
		const dot = page.locator('#regions-plot svg [data-region="21"]');
		const [value, low, high] = await Promise.all(['data-value', 'data-ci-low', 'data-ci-high'].map((a) => dot.getAttribute(a)));
		await dot.hover();
		const text = (await tipText(page)).replace(/[\u00a0\u202f]/g, ' ');
		const pct = (v: string | null) => `${Number(v).toFixed(1).replace('.', ',')} %`;
		expect(text).toContain('Gävleborgs län');
		expect(text).toContain(pct(value));
		expect(text).toContain(`${pct(low)}–${pct(high)}`);
		expect(text).toMatch(/\d{4}–\d{4}/);
		await page.mouse.move(0, 0);
		await page.locator('.chart-tip').first().waitFor({ state: 'hidden' });
		await page.close();
	});

	it('keyboard: the chart is a tab stop, arrows step through the values and the tip is announced', async () => {
		const page = await h.open('/indikator/no_confidant');
		const chart = page.locator('#trend-plot');
		await chart.focus();
		expect(await chart.getAttribute('tabindex')).toBe('0');
		await page.keyboard.press('Home');
		const first = (await tipText(page)).replace(/[\u00a0\u202f]/g, ' ');
		const years = await page.$$eval('#trend-plot svg [data-value]', (els) => els.map((e) => e.getAttribute('data-period')));
		expect(first).toContain(years[0]!);
		await page.keyboard.press('ArrowRight');
		expect(await tipText(page)).toContain(years[1]!);
		await page.keyboard.press('End');
		expect(await tipText(page)).toContain(years.at(-1)!);
		const announced = await page.locator('.tips [aria-live="polite"]').first().innerText();
		expect(announced).toContain(years.at(-1)!);
		await page.keyboard.press('Escape');
		await page.locator('.chart-tip').first().waitFor({ state: 'hidden' });
		await page.close();
	});

	it('touch: tapping a group dot shows its tip', async () => {
		const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'sv-SE' });
		const page = await context.newPage();
		await page.goto(h.server.url + '/indikator/no_confidant', { waitUntil: 'load' });
		// On a phone the chart is redrawn at its box's width; tap the redrawn marks.
		await page.locator('#groups-plot[data-rendered="client"]').waitFor();
		const dot = page.locator('#groups-plot svg [data-value]').first();
		await dot.scrollIntoViewIfNeeded();
		await dot.tap();
		const text = await tipText(page);
		expect(text.replace(/[\u00a0\u202f]/g, ' ')).toContain(`${Number(await dot.getAttribute('data-value')).toFixed(1).replace('.', ',')} %`);
		await context.close();
	});
});

describe('no chart label is clipped (text boxes inside their SVG)', () => {
	const PAGES = ['/', '/indikator/no_confidant', '/region/21', '/delmal/3', '/en/region/21'];
	for (const size of SIZES)
		it(`at ${size.width}×${size.height}`, async () => {
			const context = await h.browser.newContext({ viewport: size, locale: 'sv-SE' });
			const page = await context.newPage();
			for (const path of PAGES) {
				await page.goto(h.server.url + path, { waitUntil: 'load' });
				// Charts whose box differs much from their drawing are redrawn at the box's width.
				await page.waitForFunction(() =>
					[...document.querySelectorAll<HTMLElement>('.plot[data-chart]:not([data-chart="map"]):not([data-chart="sparkline"])')].every((p) => {
						// The chart's own width: its widest svg (legend swatches are small svgs too).
						const drawn = Math.max(0, ...[...p.querySelectorAll('svg')].map((svg) => Number(svg.getAttribute('width') ?? 0)));
						const box = p.getBoundingClientRect().width;
						// PlotView's own rule: a drawing within 0.8–1.5× of its box is kept.
						return p.dataset.rendered === 'client' || (box >= drawn * 0.8 && box <= drawn * 1.5);
					})
				);
				const clipped = await page.$$eval('.plot svg[class^="plot"]', (svgs) =>
					svgs.flatMap((svg) => {
						const box = svg.getBoundingClientRect();
						if (box.width === 0) return [];
						return [...svg.querySelectorAll('text')]
							.filter((t) => (t.textContent ?? '').trim() !== '')
							.filter((t) => {
								const r = t.getBoundingClientRect();
								return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
							})
							.map((t) => `${svg.closest('[data-chart]')?.getAttribute('data-chart')}: "${t.textContent}"`);
					})
				);
				expect(clipped, `${path} at ${size.width}px`).toEqual([]);
			}
			await context.close();
		});
});

describe('periods run from earliest to latest everywhere', () => {
	it.each(['/region/21', '/en/region/21', '/indikator/trust_others', '/delmal/3', '/'])('%s', async (path) => {
		const page = await h.open(path);
		const text = (await page.locator('main').innerText()).replace(/[\u00a0\u202f]/g, ' ');
		// "2023 – 2022" or "2004–2007 – 2021–2024": a range whose ends are out of order or chained windows.
		const reversed = [...text.matchAll(/\b(\d{4})(?:–(\d{4}))? – (\d{4})(?:–(\d{4}))?\b/g)].map((m) => m[0]);
		expect(reversed).toEqual([]);
		const ranges = [...text.matchAll(/\b(19|20)(\d\d)–(19|20)(\d\d)\b/g)].filter((m) => Number(m[1] + m[2]) > Number(m[3] + m[4]));
		expect(ranges.map((m) => m[0])).toEqual([]);
		await page.close();
	});
});
