/**
 * Issue #20 items 2, 5, 6 and 7 in the browser, at 1280×800 (and the rank at 390 and 1920):
 * - the rank is stated (caption and rank columns), and agrees with the values the table shows;
 * - at 99,8 % every interval, caption, header and tooltip on the page says 99,8 %, none 95 %, and
 *   intervals really are wider than at 95 %;
 * - the subgoal page's gap grid, prerendered, with links to the indicator view that shows each cell;
 * - "cannot be assessed" said once per section, not in every cell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { JOURNEY_SIZES, repoRoot, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const LAPTOP = { width: 1280, height: 800 };
/** "95 %" (any space) not preceded by a digit or decimal sign: a level, never a value like 12,95 %. */
const SAYS_95 = /(?<![\d,.])95[\s\u00a0]?%/;

async function open(p: string, size = LAPTOP): Promise<Page> {
	const page = await h.open(p);
	await page.setViewportSize(size);
	return page;
}

/** Every text on the page a reader can meet: visible and hidden text (tables, captions), tooltips and SVG titles — not the level control's own options. */
async function allTexts(page: Page): Promise<string> {
	return page.evaluate(() => {
		const clone = document.body.cloneNode(true) as HTMLElement;
		for (const s of clone.querySelectorAll('select, script')) s.remove();
		const tips = [...document.querySelectorAll('[data-tip]')].map((e) => (e as HTMLElement).dataset.tip ?? '');
		const titles = [...document.querySelectorAll('svg title')].map((e) => e.textContent ?? '');
		return [clone.textContent ?? '', ...tips, ...titles].join('\n');
	});
}

/** The county table's rows: region name, value, interval text and rank text. */
async function countyTable(page: Page) {
	return page.$$eval('#regions-table tbody tr', (trs) =>
		trs.map((tr) => {
			const td = [...tr.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '');
			return { name: td[1], value: Number((tr as HTMLElement).dataset.value), ci: td[3], rank: tr.querySelector('[data-extra]')?.textContent?.trim() ?? '' };
		})
	);
}

const parseRange = (s: string) => s.split('–').map((x) => Number(x.replace(/[\s\u00a0%]/g, '').replace(',', '.').replace('−', '-')));

describe('the rank is stated (item 2)', () => {
	it.each(JOURNEY_SIZES)('indicator page caption at $width×$height: Gävleborg’s place agrees with the county values', async (size) => {
		const page = await open('/indikator/no_confidant?region=21', size);
		const caption = page.locator('[data-chart-frame="regions"] figcaption [data-notes]', { hasText: /^(Gävleborgs län: plats|Gävleborg County: rank)/ });
		await caption.waitFor();
		const text = (await caption.textContent()) ?? '';
		const m = /^Gävleborgs län: plats (\d+) av (\d+) \(1 = bäst\)\./.exec(text);
		expect(m, text).not.toBeNull();
		// Independently: higher is worse for no_confidant, so the place is 1 + the counties with a lower value.
		const rows = (await countyTable(page)).filter((r) => r.name !== 'Riket');
		const own = rows.find((r) => r.name === 'Gävleborgs län')!;
		expect(Number(m![1])).toBe(1 + rows.filter((r) => r.value < own.value).length);
		expect(Number(m![2])).toBe(rows.length);
		// Its uncertainty: a range from the intervals, with Folkhälsomyndigheten's wording, or a plain statement why not.
		expect(text).toMatch(/kan platsen vara \d+–\d+\. Möjliga platser enligt 95\u00a0% konfidensintervall; platser inom överlappande konfidensintervall är inte statistiskt säkerställda\.|platsen är statistiskt säkerställd\.|kan inte anges\./);
		// The rank column in the county table says the same place.
		expect(own.rank).toMatch(new RegExp(`^${m![1]} av ${m![2]}( \\(\\d+–\\d+\\))?$`));
		expect(await page.locator('#regions-table th', { hasText: 'Plats (1 = bäst' }).count()).toBe(1);
		await page.close();
	});

	it('English caption, and a source without CIs is never called exact', async () => {
		const page = await open('/en/indikator/trust_others?region=21');
		const caption = page.locator('[data-chart-frame="regions"] figcaption [data-notes]', { hasText: /^(Gävleborgs län: plats|Gävleborg County: rank)/ });
		await caption.waitFor();
		const text = (await caption.textContent()) ?? '';
		expect(text).toMatch(/^Gävleborg County: rank \d+ of 21 \(1 = best\)\./);
		// trust_others: the county values are published without CI or n.
		expect(text).toContain('how certain the rank is cannot be stated');
		expect(text).not.toMatch(/exact/);
		await page.close();
	});

	it('register data are ranked exactly', async () => {
		const page = await open('/indikator/transit_access?region=21');
		const caption = page.locator('[data-chart-frame="regions"] figcaption [data-notes]', { hasText: /^(Gävleborgs län: plats|Gävleborg County: rank)/ });
		await caption.waitFor();
		expect(await caption.textContent()).toMatch(/^Gävleborgs län: plats \d+ av 21 \(1 = bäst\)\. Registeruppgift utan urvalsfel: platsen är exakt\./);
		await page.close();
	});

	it('region page: a rank column, each place consistent with its possible range', async () => {
		const page = await open('/region/21');
		expect(await page.locator('table.profile th', { hasText: 'Plats bland länen' }).count()).toBe(1);
		const cells = await page.$$eval('table.profile td[data-rank]', (tds) => tds.map((td) => ({ rank: Number((td as HTMLElement).dataset.rank), best: Number((td as HTMLElement).dataset.rankBest), worst: Number((td as HTMLElement).dataset.rankWorst), text: td.textContent?.trim() ?? '' })));
		expect(cells.length).toBe(12);
		for (const c of cells) {
			expect(c.text).toMatch(/^\d+ av 21/);
			expect(c.best).toBeLessThanOrEqual(c.rank);
			expect(c.worst).toBeGreaterThanOrEqual(c.rank);
		}
		await page.close();
	});
});

describe('one confidence level everywhere (item 5)', () => {
	it.each(JOURNEY_SIZES)('indicator page at 99,8 %, $width×$height: no text says 95 %, captions and headers say 99,8 %, and the intervals are wider', async (size) => {
		const at95 = await open('/indikator/no_confidant?region=21', size);
		await at95.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 60_000 });
		const rows95 = await countyTable(at95);
		await at95.close();

		const page = await open('/indikator/no_confidant?region=21&niva=99.8', size);
		await page.waitForSelector('#regions-plot[data-rendered="client"]', { timeout: 60_000 });
		await page.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 60_000 });
		const texts = await allTexts(page);
		expect(texts).not.toMatch(SAYS_95);
		expect(await page.locator('[data-ci-caption]').allTextContents()).toContain('Band och linjer kring punkterna: 99,8\u00a0% konfidensintervall.');
		expect(await page.locator('#regions-table th', { hasText: '99,8\u00a0% konfidensintervall' }).count()).toBe(1);
		expect(await page.locator('[data-chart-frame="regions"] figcaption [data-notes]').textContent()).toMatch(/^Gävleborgs län: plats \d+ av 21 \(1 = bäst\)\..*99,8\u00a0% konfidensintervall/);

		// A value whose interval differs: Gävleborg's, wider at 99.8 % and containing the 95 % one.
		const rows998 = await countyTable(page);
		const g95 = parseRange(rows95.find((r) => r.name === 'Gävleborgs län')!.ci);
		const g998 = parseRange(rows998.find((r) => r.name === 'Gävleborgs län')!.ci);
		expect(g998[0]).toBeLessThan(g95[0]);
		expect(g998[1]).toBeGreaterThan(g95[1]);
		// The drawn interval and the tooltip carry the same 99.8 % bounds as the table.
		const dot = page.locator('#regions-plot svg [data-region="21"]');
		expect(Number(await dot.getAttribute('data-ci-low'))).toBeCloseTo(g998[0], 1);
		expect(Number(await dot.getAttribute('data-ci-high'))).toBeCloseTo(g998[1], 1);
		await page.close();
	});

	it('switching the control redraws intervals and captions at the new level', async () => {
		const page = await open('/indikator/no_confidant');
		await page.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 60_000 });
		const before = await page.locator('[data-chart-frame="trend"] [data-ci-caption]').textContent();
		expect(before).toContain('95\u00a0%');
		await page.locator('select:has(option[value="99.8"])').selectOption('99.8');
		await page.waitForFunction(() => document.querySelector('[data-chart-frame="trend"] [data-ci-caption]')?.textContent?.includes('99,8'));
		expect(await allTexts(page)).not.toMatch(SAYS_95);
		await page.close();
	});

	it('region page at 99,8 %: header, intervals and sentences follow; no text says 95 %', async () => {
		// Each row's interval as printed (the cell's first text) and as numbers (its data attributes).
		const read = (page: Page) =>
			page.$$eval('table.profile tr[data-indicator]', (trs) =>
				trs.map((tr) => ({ text: tr.querySelector('[data-ci]')?.firstChild?.textContent ?? '', lo: Number((tr as HTMLElement).dataset.ciLow || NaN), hi: Number((tr as HTMLElement).dataset.ciHigh || NaN) }))
			);
		const at95 = await open('/region/21');
		const ci95 = await read(at95);
		await at95.close();
		const page = await open('/region/21?niva=99.8');
		await page.waitForSelector('tr[data-level="99.8"]');
		expect(await allTexts(page)).not.toMatch(SAYS_95);
		expect(await page.locator('table.profile th', { hasText: /^99,8\u00a0% konfidensintervall$/ }).count()).toBe(1);
		expect(await page.locator('table.profile th', { hasText: /^Plats bland länen .*99,8\u00a0% konfidensintervall\)$/ }).count()).toBe(1);
		const ci998 = await read(page);
		expect(ci998.filter((c, i) => c.text !== '–' && c.text !== ci95[i].text).length).toBeGreaterThan(0);
		for (let i = 0; i < ci998.length; i++) {
			if (Number.isNaN(ci998[i].lo)) continue;
			// Wider (or equal for register data) and containing the 95 % interval; the text shows these numbers.
			expect(ci998[i].lo).toBeLessThanOrEqual(ci95[i].lo);
			expect(ci998[i].hi).toBeGreaterThanOrEqual(ci95[i].hi);
			expect(parseRange(ci998[i].text)[0]).toBeCloseTo(ci998[i].lo, 1);
		}
		await page.close();
	});
});

describe('the gap grid on subgoal pages (item 6)', () => {
	it('is a prerendered table of pairs with CIs and outcomes, each linking to the view that shows it', async () => {
		const page = await open('/delmal/3');
		const grid = page.locator('[data-gap-grid] table');
		expect(await grid.locator('caption').textContent()).toMatch(/Skillnader mellan grupper i riket, senaste period, 95\u00a0% konfidensintervall/);
		const cells = await grid.locator('td[data-outcome]').evaluateAll((tds) =>
			tds.map((td) => {
				const d = (td as HTMLElement).dataset;
				return { dim: d.dim ?? '', period: d.period ?? '', outcome: d.outcome ?? '', demo: d.demo ?? '', diff: d.diff ?? '', text: td.textContent ?? '', href: td.querySelector('a')?.getAttribute('href') ?? '' };
			})
		);
		expect(cells.length).toBeGreaterThan(5);
		for (const c of cells) {
			expect(c.href).toMatch(/\/indikator\/\w+\?grupp=\w+&period=\d{4}(-\d{4})?$/);
			if (c.outcome !== 'not-assessable') expect(c.text).toMatch(/procentenheter \(.+\)/);
			expect(c.text).toMatch(/statistiskt säkerställ|Kan inte bedömas/);
			if (c.demo === 'true') expect(c.text).toContain('Exempeldata');
		}
		// No engine on a subgoal page: the grid is in the HTML as served.
		const html = await (await fetch(h.server.url + '/delmal/3')).text();
		expect(html).toContain('data-gap-grid');

		// Follow the disability cell of no_confidant: the indicator page shows that breakdown and period,
		// and its two groups' values give the cell's gap.
		const cell = cells.find((c) => c.dim === 'disability') ?? cells[0];
		await page.locator(`td[data-dim="${cell.dim}"][data-period="${cell.period}"] a`).first().click();
		await page.waitForURL(/\/indikator\//);
		await page.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 60_000 });
		expect(await page.locator('select:has(option[value="' + cell.dim + '"])').first().inputValue()).toBe(cell.dim);
		const values = await page.$$eval('#groups-table tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.value)));
		const diffs = values.flatMap((a) => values.map((b) => a - b));
		expect(diffs.some((d) => Math.abs(d - Number(cell.diff)) < 1e-9)).toBe(true);
		await page.close();
	});

	it('in English, with example data marked', async () => {
		const page = await open('/en/delmal/1');
		const grid = page.locator('[data-gap-grid]');
		expect(await grid.locator('h2').textContent()).toBe('Gaps between groups');
		const text = (await grid.textContent()) ?? '';
		expect(text).toMatch(/percentage points/);
		expect(text).not.toMatch(/procentenheter|statistiskt/);
		if (await grid.locator('td[data-demo="true"]').count()) expect(text).toContain('Example data');
		await page.close();
	});
});

describe('"cannot be assessed" once per section (item 7)', () => {
	it('subgoal page: one sentence on change, none on the tiles', async () => {
		const page = await open('/delmal/3');
		expect(await page.locator('[data-rollup]').textContent()).toBe('Förändring sedan 2024 bedöms när värden efter 2024 finns.');
		expect(await page.locator('.tiles').textContent()).not.toMatch(/baslinjen än|kan inte bedömas/i);
		await page.close();
	});

	it('region page: no column that says the same in every row; reasons counted once; curves kept as context', async () => {
		const page = await open('/region/21');
		const headers = await page.locator('table.profile thead th').allTextContents();
		expect(headers).not.toContain('Förändring sedan 2024');
		expect(headers.some((t) => /^Utveckling före 2025, som sammanhang/.test(t))).toBe(true);
		expect(await page.locator('[data-wait-note]').textContent()).toBe('Förändring sedan 2024 bedöms när värden efter 2024 finns.');
		const visible = await page.locator('table.profile').innerText();
		expect(visible).not.toMatch(/Kan inte bedömas|Inget nytt värde/);
		expect(await page.locator('[data-trend-note]').textContent()).toMatch(/^Trenden \(Fingertips test på 99,8\u00a0%-nivån\) kan inte bedömas för \d+ av 12 indikatorer \(.+\)\. Kurvorna visar ändå utvecklingen, som sammanhang\.$/);
		expect(await page.locator('table.profile .spark svg').count()).toBeGreaterThan(5);
		await page.close();
	});
});

describe('screenshots', () => {
	it('the gap grid and the indicator caption, as PNGs', async () => {
		// Into docs/ only when asked (SCREENSHOT_DIR=docs): a test run leaves the checkout as it was.
		const dir = process.env.SCREENSHOT_DIR ? path.resolve(repoRoot, process.env.SCREENSHOT_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'rank-shots-'));
		const grid = await open('/delmal/3');
		const gridPng = path.join(dir, 'gap-grid-delmal-3.png');
		await grid.locator('[data-gap-grid]').screenshot({ path: gridPng });
		await grid.close();
		const ind = await open('/indikator/no_confidant?region=21&niva=99.8');
		await ind.waitForFunction(() => performance.getEntriesByName('view-query:end').length > 0, null, { timeout: 60_000 });
		await ind.waitForSelector('#regions-plot[data-rendered="client"] svg [data-region="21"]', { timeout: 60_000 });
		// The pinned control panel would cover the top of the frame in an element screenshot.
		await ind.addStyleTag({ content: 'form.controls { position: static !important; } .updating { display: none !important; }' });
		const capPng = path.join(dir, 'indicator-rank-caption-998.png');
		await ind.locator('[data-chart-frame="regions"]').screenshot({ path: capPng });
		await ind.close();
		for (const f of [gridPng, capPng]) expect(fs.statSync(f).size).toBeGreaterThan(10_000);
	});
});
