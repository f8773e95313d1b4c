/**
 * The dashboard's pages in a real browser: every page type draws its charts as SVG marks, in
 * Swedish and English, for several indicators and regions; the region page's outcomes agree with
 * the numbers it carries; axe-core finds no WCAG 2.1 AA violations; keyboard-only use works; no
 * request leaves the origin; nothing is logged as an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { repoRoot, startHarness, type Harness } from './helpers/browser.ts';
import { wcag21aaViolations } from './helpers/axe.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const INDICATORS = ['no_confidant', 'lonely_often_always', 'association_active'];
const REGIONS = ['21', '01', '25'];

async function svgMarks(page: Page, selector: string): Promise<number> {
	return page.$$eval(`${selector} svg :is(circle, path, rect, line)`, (els) => els.length);
}

describe.each(['', '/en'])('page types (%s)', (prefix) => {
	it('overview: tiles for all twelve indicators and a drawn chart', async () => {
		const page = await h.open(prefix || '/');
		expect(await page.$$eval('[data-indicator]', (els) => els.length)).toBe(12);
		expect(await svgMarks(page, '#featured-plot')).toBeGreaterThan(3);
		expect(await page.getAttribute('html', 'lang')).toBe(prefix ? 'en' : 'sv');
		await page.close();
	});

	it.each([1, 2, 3])('subgoal %i lists its indicators', async (n) => {
		const page = await h.open(`${prefix}/delmal/${n}`);
		expect(await page.$$eval('[data-indicator]', (els) => els.length)).toBeGreaterThanOrEqual(3);
		expect(await page.$$eval('.spark svg path', (els) => els.length)).toBeGreaterThan(0);
		await page.close();
	});

	it.each(INDICATORS)('indicator %s: trend, groups, counties and map are drawn', async (id) => {
		const page = await h.open(`${prefix}/indikator/${id}`);
		for (const chart of ['#trend-plot', '#groups-plot', '#regions-plot', '#map-plot']) expect(await svgMarks(page, chart), chart).toBeGreaterThan(2);
		expect(await page.$$eval('#map-plot path[data-region]', (els) => els.length)).toBe(21);
		await page.close();
	});

	it.each(REGIONS)('region %s: spine chart and one row per indicator', async (code) => {
		const page = await h.open(`${prefix}/region/${code}`);
		expect(await svgMarks(page, '#spine-plot')).toBeGreaterThan(10);
		expect(await page.$$eval('tr[data-indicator]', (els) => els.length)).toBe(12);
		await page.close();
	});
});

describe('indicator page gaps', () => {
	it('states the gap between a pair of groups with its CI, consistent with the drawn dots, and says how the pair was chosen', async () => {
		const page = await h.open('/indikator/no_confidant');
		const dots = await page.$$eval('#groups-plot svg circle[data-value]', (els) => els.map((e) => Number(e.getAttribute('data-value'))));
		const caption = (await page.locator('[data-chart-frame="groups"] figcaption').textContent()) ?? '';
		// Issue 13 item 5: a pair named in advance (youngest vs oldest, with vs without disability …) or
		// highest vs lowest adjusted for k(k−1)/2 pairs; the sentence says which.
		const m = /Skillnaden mellan (.+?) \((\d+,\d)\s%\) och (.+?) \((\d+,\d)\s%\) är (−?\d+,\d) procentenheter \(95\s% KI(?:, justerat)? (−?\d+,\d)(?:–| till )(−?\d+,\d)\)/.exec(caption);
		expect(m, caption).not.toBeNull();
		const num = (x: string) => Number(x.replace('−', '-').replace(',', '.'));
		const [a, b, diff, lo, hi] = [num(m![2]), num(m![4]), num(m![5]), num(m![6]), num(m![7])];
		// Both groups are drawn; the stated gap is their difference and lies inside its own CI.
		for (const v of [a, b]) expect(dots.some((d) => Math.abs(d - v) < 0.051), `${v} among ${dots}`).toBe(true);
		expect(diff).toBeCloseTo(a - b, 1);
		expect(lo).toBeLessThanOrEqual(diff);
		expect(hi).toBeGreaterThanOrEqual(diff);
		expect(caption).toMatch(/Paret är ett av dem som strategin pekar ut\.|justerade för \d+ parvisa jämförelser \(Bonferroni\)/);
		expect(caption).toMatch(/Skillnaden är (inte )?statistiskt säkerställd på 95\s%-nivån\./);
		await page.close();
	});
});

describe('region page outcomes', () => {
	it.each(REGIONS)('region %s: each row’s outcome follows from its own numbers (Fingertips rule)', async (code) => {
		const page = await h.open(`/region/${code}`);
		const rows = await page.$$eval('tr[data-indicator]', (els) =>
			els.map((el) => Object.fromEntries(['indicator', 'outcome', 'value', 'ciLow', 'ciHigh', 'benchmark', 'n', 'method', 'demo', 'benchmarkDemo'].map((k) => [k, (el as HTMLElement).dataset[k] ?? ''])))
		);
		const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, 'static/data/indicators.json'), 'utf8')) as { id: string; polarity: string; sampling?: string }[];
		// Written out independently of src/lib/stats (issue 13 items 4 and 14).
		const direction = (higher: boolean, polarity: string) => (polarity === 'no-judgement' ? (higher ? 'higher' : 'lower') : higher === (polarity === 'higher-is-better') ? 'better' : 'worse');
		const wilson95 = (p: number, n: number): [number, number] => {
			const z = 1.959964, q = p / 100, d = 1 + (z * z) / n, c = (q + (z * z) / (2 * n)) / d, h = (z / d) * Math.sqrt((q * (1 - q)) / n + (z * z) / (4 * n * n));
			return [(c - h) * 100, (c + h) * 100];
		};
		let compared = 0;
		for (const r of rows) {
			const ind = catalog.find((c) => c.id === r.indicator)!;
			const polarity = ind.polarity;
			if (r.value === '' || r.benchmark === '' || (r.demo !== '' && r.benchmarkDemo !== '' && r.demo !== r.benchmarkDemo)) {
				// no value, no benchmark for the same window, or example data against real statistics
				expect(r.outcome, r.indicator).toBe('not-compared');
				continue;
			}
			const [v, b] = [Number(r.value), Number(r.benchmark)];
			if (ind.sampling === 'register') {
				// register data: no sampling error, compared directly
				expect(r.method, r.indicator).toBe('register-direct');
				expect(r.outcome, r.indicator).toBe(v === b ? 'similar' : direction(v > b, polarity));
				compared++;
				continue;
			}
			const ci: [number, number] | null = r.ciLow !== '' ? [Number(r.ciLow), Number(r.ciHigh)] : r.n !== '' ? wilson95(v, Number(r.n)) : null;
			if (!ci) {
				expect(r.outcome, r.indicator).toBe('not-compared');
				continue;
			}
			// similar iff the benchmark lies inside the CI (published, or Wilson from n)
			const [lo, hi] = ci;
			const expected = b >= lo && b <= hi ? 'similar' : direction(lo > b, polarity);
			expect(r.outcome, r.indicator).toBe(expected);
			compared++;
		}
		expect(compared).toBeGreaterThan(3);
		await page.close();
	});

	it('Gävleborg is worse than the nation on having no one to confide in, and the sentence says so', async () => {
		const page = await h.open('/region/21');
		const row = page.locator('tr[data-indicator="no_confidant"]');
		const outcome = await row.getAttribute('data-outcome');
		expect(['worse', 'similar']).toContain(outcome);
		const text = await page.locator('.sentences').textContent();
		if (outcome === 'worse') expect(text).toMatch(/anförtro sig åt är högre i Gävleborgs län än i riket \(.*\); skillnaden är statistiskt säkerställd på 95\u00a0%-nivån/);
		else expect(text).toMatch(/anförtro sig åt i Gävleborgs län skiljer sig inte statistiskt säkerställt från riket på 95\u00a0%-nivån/);
		await page.close();
	});

	it('the nation’s own trends use its single years, and every trend and change cell says what its test found', async () => {
		// Issue 13 item 2 / issue 19 item 4: /region/00 mixed single years with pooled windows, so
		// every trend read "sammanslagna perioder".
		const page = await h.open('/region/00');
		const cells = await page.$$eval('tr[data-indicator]', (els) =>
			els.map((el) => ({ trend: el.querySelector('td[data-trend]')?.getAttribute('data-trend') ?? '', trendText: el.querySelector('td[data-trend] > span:not(.spark)')?.textContent ?? '', change: el.querySelector('td[data-change]')?.getAttribute('data-change') ?? '', changeText: el.querySelector('td[data-change]')?.textContent ?? '' }))
		);
		expect(cells.length).toBe(12);
		expect(cells.filter((c) => /sammanslagna perioder/.test(c.trendText)).length).toBeLessThan(cells.length);
		expect(cells.some((c) => c.trend !== 'not-assessable')).toBe(true);
		for (const c of cells) {
			// Issue 20 item 7: the cell says "Ej testad" and its reason to screen readers; the reasons are counted once under the table.
			if (c.trend === 'not-assessable') expect(c.trendText).toMatch(/^Ej testad \(.+\)$/);
			if (c.trend === 'no-significant-trend') expect(c.trendText).toMatch(/^(Ingen statistiskt säkerställd trend|Ingen entydig trend \(registeruppgift\))$/);
			if (c.change === 'not-assessable') expect(c.changeText).not.toMatch(/tidsseriebrott.*än|än.*tidsseriebrott/);
		}
		await page.close();
	});

	it('at 99.8 % the outcomes are never stronger than at 95 %', async () => {
		const page = await h.open('/region/21?niva=99.8');
		await page.waitForSelector('tr[data-level="99.8"]');
		const strict = await page.$$eval('tr[data-indicator]', (els) => els.map((e) => (e as HTMLElement).dataset.outcome));
		const loose = await (await h.open('/region/21')).$$eval('tr[data-indicator]', (els) => els.map((e) => (e as HTMLElement).dataset.outcome));
		strict.forEach((o, i) => {
			if (o === 'worse' || o === 'better') expect(loose[i]).toBe(o);
		});
		// The sentences follow the level and name it (issue 13 item 3).
		const sentences = (await page.locator('.sentences').textContent()) ?? '';
		expect(sentences).toContain('99,8\u00a0%-nivån');
		expect(sentences).not.toMatch(/skillnaden är statistiskt säkerställd på 95|från riket på 95/);
		await page.close();
	});
});

describe('accessibility', () => {
	it.each(['/', '/en', '/delmal/3', '/en/delmal/1', '/indikator/no_confidant', '/en/indikator/school_unsafe', '/region/21', '/en/region/01', '/om', '/en/om'])(
		'axe-core finds no WCAG 2.1 AA violations on %s',
		async (p) => {
			const page = await h.open(p);
			await page.waitForTimeout(300);
			// WCAG 2.1 AA here; every rule in a11y.test.ts.
			expect(await wcag21aaViolations(page)).toEqual([]);
			await page.close();
		}
	);

	it('keyboard only: change indicator, group, region and period, then reach the table', async () => {
		const page = await h.open('/indikator/no_confidant');
		await page.waitForSelector('[data-engine="ready"]', { state: 'attached', timeout: 60_000 });
		const focusSelect = async (label: string) => {
			for (let i = 0; i < 40; i++) {
				await page.keyboard.press('Tab');
				const name = await page.evaluate(() => (document.activeElement?.closest('label')?.textContent ?? '').trim());
				if (name.startsWith(label)) return;
			}
			throw new Error(`no control labelled ${label} reachable by Tab`);
		};
		// Group: Ålder → next option; Period (län): previous window; highlight a county.
		await focusSelect('Grupp');
		await page.keyboard.press('ArrowDown');
		await page.waitForFunction(() => location.search.includes('grupp='));
		await focusSelect('Period (län)');
		await page.keyboard.press('ArrowUp');
		await page.waitForFunction(() => location.search.includes('lanperiod='));
		await focusSelect('Visa län');
		await page.keyboard.press('ArrowDown');
		await page.waitForFunction(() => location.search.includes('region='));
		await page.waitForSelector('#regions-plot[data-rendered="client"]');
		// Reach a table toggle and open it with the keyboard.
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate(() => document.activeElement?.getAttribute('aria-controls') === 'trend-table')) break;
		}
		await page.keyboard.press('Enter');
		await page.waitForSelector('#trend-table:not([hidden]) tbody tr');
		// Indicator last: it navigates to another page.
		await page.keyboard.press('Shift+Tab');
		await focusSelect('Indikator');
		await page.keyboard.press('ArrowDown');
		await page.waitForURL((u) => !u.pathname.endsWith('/no_confidant'));
		await page.close();
	});
});

describe('stale and unknown URLs', () => {
	it('unknown parameters give a message and the default view', async () => {
		const page = await h.open('/indikator/no_confidant?grupp=nonsense&lanperiod=1999-2000&region=99&kon=X');
		await page.waitForSelector('.notice');
		expect(await page.locator('.notice p').count()).toBe(4);
		expect(await svgMarks(page, '#trend-plot')).toBeGreaterThan(2);
		await page.close();
	});

	it('an unknown indicator or region is a 404 page that says so and offers ways on', async () => {
		for (const [p, text] of [['/indikator/finns_inte', /Indikatorn på adressen \/indikator\/finns_inte finns inte/], ['/en/region/99', /The region at \/en\/region\/99 does not exist/]] as const) {
			const res = await h.context.request.get(h.server.url + p);
			expect(res.status()).toBe(404);
			// Its own context: the browser rightly logs the 404 response, which the tour's no-error check must not see.
			const ctx = await h.browser.newContext();
			const page = await ctx.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(h.server.url + p);
			await page.waitForSelector('main h1');
			expect(await page.locator('main').textContent()).toMatch(text);
			expect(await page.locator('main a').count()).toBeGreaterThanOrEqual(3);
			// The whole page speaks the URL's language, navigation included.
			if (p.startsWith('/en')) expect(await page.locator('header nav').textContent()).toContain('Overview');
			expect(errors).toEqual([]);
			await ctx.close();
		}
	});
});

describe('the whole tour', () => {
	it('made no request to another origin and logged no console error', () => {
		expect(h.foreignRequests).toEqual([]);
		expect(h.consoleErrors).toEqual([]);
	});
});
