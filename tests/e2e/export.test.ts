/**
 * Export for presenters and analysts (#7), end to end in Chromium: every chart's export menu
 * (keyboard operable), SVG / PNG (1×–3×, standard and 16:9) / CSV (two variants) downloads with
 * their framing text and numbers, the PowerPoint deck (one slide per chart), presentation mode,
 * example-data marks in every format, no foreign requests and no console errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDir, startHarness, type Harness } from './helpers/browser.ts';
import { wcag21aaViolations } from './helpers/axe.ts';
import { parseCsv, parseCsvNumber } from '../../src/lib/export/csv.ts';
import { pngSize, readPngText } from '../../src/lib/export/png.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

interface ExportDetail {
	fileName: string;
	format: string;
	demo: boolean;
	svg?: string;
	slides?: number;
}

async function openReady(path: string): Promise<Page> {
	const page = await h.open(path);
	// Hydrated: the registry has told the slide/presentation controls about the charts (or the page has none).
	await page.waitForFunction(() => document.querySelector('[data-chart-frame]') === null || document.querySelector('.present-button') !== null, null, { timeout: 60_000 });
	await page.evaluate(() => {
		const w = window as unknown as { __exports: unknown[] };
		w.__exports = [];
		document.addEventListener('chart-export', (e) => w.__exports.push((e as CustomEvent).detail));
	});
	return page;
}

async function lastExport(page: Page): Promise<ExportDetail> {
	await page.waitForFunction(() => (window as unknown as { __exports: unknown[] }).__exports.length > 0);
	return page.evaluate(() => (window as unknown as { __exports: ExportDetail[] }).__exports.pop()!);
}

/** Open the frame's export menu with the mouse, choose an item, return the downloaded bytes. */
async function exportVia(page: Page, frame: string, key: string): Promise<{ bytes: Buffer; name: string; detail: ExportDetail }> {
	await page.click(`#${frame}-export-button`);
	await page.waitForSelector(`#${frame}-export-menu [data-export="${key}"]`);
	const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`#${frame}-export-menu [data-export="${key}"]`)]);
	const bytes = fs.readFileSync((await dl.path())!);
	const detail = await lastExport(page);
	expect(detail.fileName).toBe(dl.suggestedFilename());
	return { bytes, name: dl.suggestedFilename(), detail };
}

async function frameFacts(page: Page, frame: string) {
	return page.$eval(`[data-chart-frame="${frame}"]`, (el) => ({
		title: el.querySelector('h3')?.textContent?.trim() ?? '',
		demo: el.getAttribute('data-demo') === 'true',
		period: /Period: ([^.]+)\./.exec(el.querySelector('figcaption')?.textContent ?? '')?.[1]?.trim() ?? '',
		tableValues: [...el.querySelectorAll('table tbody tr')].map((tr) => tr.getAttribute('data-value') ?? ''),
		drawn: [...el.querySelectorAll('.plot svg [data-value]')].map((e) => Number(e.getAttribute('data-value')))
	}));
}


const num = (s: string) => (s === '' ? null : Number(s));

async function checkAllFormats(path: string) {
	const page = await openReady(path);
	const frames = await page.$$eval('[data-chart-frame]', (els) => els.map((e) => e.getAttribute('data-chart-frame')!));
	expect(frames.length, `${path}: no chart in a ChartFrame, so no export menu (bare PlotView charts must be wrapped in <ChartFrame>)`).toBeGreaterThan(0);
	for (const frame of frames) {
		const facts = await frameFacts(page, frame);

		// SVG: standalone, well-formed, with its framing text and explicit fonts.
		const svg = await exportVia(page, frame, 'svg');
		const text = svg.bytes.toString('utf8');
		expect(svg.name).toMatch(/^ensamhetsmonitorn-[a-z0-9_]+-[a-z0-9-]+(-exempeldata)?\.svg$/);
		expect(text).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
		const wellFormed = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null, text);
		expect(wellFormed).toBe(true);
		const plain = text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
		expect(plain).toContain(facts.title);
		expect(plain).toContain('Källa:');
		if (facts.period) expect(plain).toContain(facts.period);
		expect(plain).toMatch(/Hämtad \d{4}-\d{2}-\d{2}/);
		expect(plain).toContain(h.server.url);
		const texts = text.match(/<text\b[^>]*>/g) ?? [];
		expect(texts.length).toBeGreaterThan(5);
		for (const t of texts) expect(t).toContain('font-family="Arial, Helvetica, sans-serif"');
		expect(text).not.toContain('<style>:where'); // Plot's class-scoped CSS is inlined, not carried
		expect(text.includes('Exempeldata')).toBe(facts.demo);
		expect(svg.name.endsWith('-exempeldata.svg')).toBe(facts.demo);

		// PNG: natural size ×1/2/3 and 16:9 1920×1080 ×1/2/3; metadata and source SVG carry the mark.
		const sizeOf = /width="(\d+)" height="(\d+)"/.exec(text)!;
		const natural = { width: Number(sizeOf[1]), height: Number(sizeOf[2]) };
		for (const [format, base] of [['standard', natural], ['slide', { width: 1920, height: 1080 }]] as const) {
			for (const scale of [1, 2, 3]) {
				const png = await exportVia(page, frame, `png-${format}-${scale}`);
				expect(pngSize(new Uint8Array(png.bytes)), `${frame} ${format} ${scale}×`).toEqual({ width: base.width * scale, height: base.height * scale });
				expect(png.detail.demo).toBe(facts.demo);
				expect(png.detail.svg).toContain('Källa:');
				expect(png.detail.svg!.includes('Exempeldata')).toBe(facts.demo);
				const meta = readPngText(new Uint8Array(png.bytes));
				// Titled by what it shows: the indicator's name (one indicator) or the chart's title and place.
				const h1 = (await page.locator('h1').textContent())!.trim();
				expect(meta.Title === h1 || meta.Title.startsWith(`${facts.title}: `), `${frame}: ${meta.Title}`).toBe(true);
				expect(meta.Comment === 'Exempeldata').toBe(facts.demo);
			}
		}

		// CSV: exactly the rows on screen, both variants, BOM, the demo column.
		for (const [key, sep] of [['csv-standard', ','], ['csv-excel-sv', ';']] as const) {
			const csv = await exportVia(page, frame, key);
			expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows = parseCsv(csv.bytes.toString('utf8'), sep);
			expect(rows.map((r) => parseCsvNumber(r.value))).toEqual(facts.tableValues.map(num));
			const csvValues = new Set(rows.map((r) => parseCsvNumber(r.value)));
			for (const d of facts.drawn) expect(csvValues.has(d), `drawn value ${d} of ${frame} in the CSV`).toBe(true);
			for (const r of rows) {
				expect(r.exempeldata).toBe(r.is_demo === 'true' ? 'ja' : 'nej');
				expect(r.data_type).toBe(r.is_demo === 'true' ? 'Exempeldata' : 'Publicerad statistik');
				// Published rows cite their source; example rows say what they are modelled on.
				expect(r.region_name, `region ${r.region_code} named`).not.toBe('');
				expect(r.indicator_name).not.toBe('');
				expect(r.source).toMatch(r.is_demo === 'true' ? /^Exempeldata/ : /^Källa: /);
			}
			expect(rows.some((r) => r.exempeldata === 'ja')).toBe(facts.demo);
			expect(csv.name.endsWith('-exempeldata.csv')).toBe(facts.demo);
			if (sep === ';') expect(csv.bytes.toString('utf8')).toMatch(/;\d+,\d+;/);
		}
	}
	await page.close();
	return frames.length;
}

describe('chart export', () => {
	it('every chart on an indicator page downloads as SVG, PNG (6 sizes) and CSV (2 variants)', async () => {
		const n = await checkAllFormats('/indikator/lonely_often_always');
		expect(n).toBeGreaterThanOrEqual(3);
	});

	it('every chart on a region page downloads in every format', async () => {
		await checkAllFormats('/region/21');
	});

	it('the export menu works from the keyboard: Enter opens, arrows move, Escape closes and focus returns', async () => {
		const page = await openReady('/en/indikator/lonely_often_always');
		const name = await page.$eval('#trend-export-button', (b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
		expect(name).toMatch(/^Export/);
		const sv = await openReady('/indikator/lonely_often_always');
		expect(await sv.$eval('#trend-export-button', (b) => b.getAttribute('aria-label'))).toMatch(/^Exportera/);
		await sv.close();
		await page.focus('#trend-export-button');
		await page.keyboard.press('Enter');
		await page.waitForSelector('#trend-export-menu');
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-export') ?? document.activeElement?.id ?? '');
		expect(await focused()).toBe('svg');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('png-standard-1');
		await page.keyboard.press('End');
		expect(await focused()).toBe('csv-excel-sv');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('svg');
		expect(await page.$$eval('#trend-export-menu [role="menuitem"]', (els) => els.map((e) => e.textContent))).toHaveLength(9);
		await page.keyboard.press('Escape');
		expect(await page.$('#trend-export-menu')).toBeNull();
		expect(await focused()).toBe('trend-export-button');
		expect(await page.$eval('#trend-export-button', (b) => b.getAttribute('aria-expanded'))).toBe('false');
		// Keyboard download: Enter on a menu item.
		await page.keyboard.press('ArrowDown');
		await page.waitForSelector('#trend-export-menu');
		const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		expect(dl.suggestedFilename()).toMatch(/\.svg$/);
		const text = fs.readFileSync((await dl.path())!, 'utf8');
		expect(text).toContain('Source:');
		expect(text).toMatch(/Accessed \d{4}-\d{2}-\d{2}/);
		await page.close();
	});

	it('example data carries the mark in SVG, PNG, CSV and slides', async () => {
		// lonely_often_always has synthetic county values: the county chart is demo.
		const page = await openReady('/indikator/lonely_often_always');
		const demoFrames = await page.$$eval('[data-chart-frame][data-demo="true"]', (els) => els.map((e) => e.getAttribute('data-chart-frame')!));
		expect(demoFrames.length).toBeGreaterThan(0);
		const frame = demoFrames[0];
		const svg = await exportVia(page, frame, 'svg');
		expect(svg.bytes.toString('utf8')).toContain('>Exempeldata</text>');
		const png = await exportVia(page, frame, 'png-slide-1');
		expect(png.detail.demo).toBe(true);
		expect(png.detail.svg).toContain('>Exempeldata</text>');
		expect(readPngText(new Uint8Array(png.bytes)).Comment).toBe('Exempeldata');
		const csv = await exportVia(page, frame, 'csv-standard');
		expect(parseCsv(csv.bytes.toString('utf8')).some((r) => r.exempeldata === 'ja')).toBe(true);
		await page.close();
	});
});

describe('exports name what they show', () => {
	it('/indikator/no_confidant?region=21: every chart\'s PNG carries the indicator\'s name and the geography in its pixels', async () => {
		const page = await openReady('/indikator/no_confidant?region=21');
		const name = (await page.locator('h1').textContent())!.trim();
		const frames = await page.$$eval('[data-chart-frame]', (els) => els.map((e) => e.getAttribute('data-chart-frame')!));
		expect(frames.length).toBeGreaterThan(2);
		for (const frame of frames) {
			const png = await exportVia(page, frame, 'png-standard-1');
			// The SVG the PNG was drawn from: title = the indicator, subtitle = place, sex, group, period.
			const svg = png.detail.svg!;
			const title = [...svg.matchAll(/<text[^>]*class="export-title"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
			const subtitle = [...svg.matchAll(/<text[^>]*class="export-subtitle"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
			expect(title.replace(/\s+/g, ' '), frame).toBe(name);
			expect(subtitle, frame).toMatch(/Gävleborgs län|Riket|\d+ län/);
			expect(subtitle, frame).toMatch(/kvinnor|män|Kvinnor|Män/);
			expect(subtitle, frame).toMatch(/Period: \d{4}/);
			for (const m of subtitle.matchAll(/\b(\d{4})–(\d{4})\b/g)) expect(Number(m[2])).toBeGreaterThanOrEqual(Number(m[1]));
			expect(readPngText(new Uint8Array(png.bytes)).Title).toBe(name);
			if (frame === 'trend') fs.writeFileSync(path.join(process.env.PRESENT_PNG_DIR ?? '/tmp', 'present-export-trend.png'), png.bytes);
		}
		await page.close();
	});
});

describe('presentation mode', () => {
	it('shows the charts one at a time, steps with arrow keys and PageDown, Escape exits and focus returns', async () => {
		const page = await openReady('/indikator/lonely_often_always');
		const titles = await page.$$eval('[data-chart-frame] h3', (els) => els.map((e) => e.textContent?.trim() ?? ''));
		// Slides are titled by the indicator's name (the page's h1), not the chart's generic title.
		const name = (await page.locator('h1').textContent())!.trim();
		const button = page.getByRole('button', { name: 'Presentationsläge' });
		await button.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Presentationsläge' });
		await dialog.waitFor();
		const live = dialog.locator('[aria-live]');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toBe(`Diagram 1 av ${titles.length}: ${name}`);
		const size = await dialog.locator('h2').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(size).toBeGreaterThanOrEqual(28);
		const source = await dialog.locator('.source').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(source).toBeGreaterThanOrEqual(28);
		const img = await dialog.locator('img').boundingBox();
		expect(img!.width).toBeGreaterThan(600);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toBe(`Diagram 2 av ${titles.length}: ${name}`);
		await page.keyboard.press('PageDown');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toBe(`Diagram 3 av ${titles.length}: ${name}`);
		await page.keyboard.press('PageUp');
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toBe(`Diagram 2 av ${titles.length}: ${name}`);
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		// No wrapping: left from the first stays on the first (the end card is tested in projector.test.ts).
		await expect.poll(() => live.textContent(), { timeout: 15_000 }).toBe(`Diagram 1 av ${titles.length}: ${name}`);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.count()).toBe(0);
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Presentationsläge');
		await page.close();
	});
});

describe('accessibility of the export controls', () => {
	const axe = (page: Page, context: string) => wcag21aaViolations(page, context);

	it('axe-core finds no WCAG 2.1 AA violation with an export menu open (en) or in presentation mode', async () => {
		const page = await openReady('/en/indikator/lonely_often_always');
		await page.click('#groups-export-button');
		await page.waitForSelector('#groups-export-menu');
		expect(await axe(page, '[data-chart-frame="groups"]')).toEqual([]);
		await page.keyboard.press('Escape');
		await page.getByRole('button', { name: 'Presentation mode' }).click();
		const dialog = page.getByRole('dialog', { name: 'Presentation mode' });
		await dialog.waitFor();
		await expect.poll(() => dialog.locator('[aria-live]').textContent()).toMatch(/^Chart 1 of \d+: /);
		expect(await axe(page, '[role="dialog"]')).toEqual([]);
		await page.keyboard.press('Escape');
		await page.close();
	});
});

describe('the build', () => {
	it('pptxgenjs is a lazy chunk: not in any page’s initial scripts', () => {
		const chunks = fs.readdirSync(path.join(buildDir, '_app/immutable'), { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
		const pptx = chunks.filter((f) => fs.readFileSync(path.join(buildDir, '_app/immutable', f), 'utf8').includes('PptxGenJS'));
		expect(pptx.length).toBeGreaterThan(0);
		for (const html of ['index.html', 'region/21.html', 'delmal/3.html', 'indikator/lonely_often_always.html']) {
			const text = fs.readFileSync(path.join(buildDir, html), 'utf8');
			const initial = [...text.matchAll(/\/_app\/immutable\/([^"']+\.js)/g)].map((m) => m[1]);
			expect(initial.length, html).toBeGreaterThan(0);
			for (const p of pptx) expect(initial, `${html} loads ${p} up front`).not.toContain(p);
		}
	});
});

describe('hygiene', () => {
	it('no request left the origin and no console error during the exports', () => {
		expect(h.foreignRequests).toEqual([]);
		expect(h.consoleErrors).toEqual([]);
	});
});
