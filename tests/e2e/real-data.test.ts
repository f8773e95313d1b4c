/**
 * Real data on screen, in Chromium against the built site: trust_others' county chart is drawn
 * from real values only; county pages list their municipalities; Falun shows real HLV values with
 * CIs against Dalarna and Sweden; and no chart frame on any indicator page, in either language, is
 * an empty drawing: it has marks, or one sentence saying why it has none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDir, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const COUNTIES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];
const ids = (JSON.parse(fs.readFileSync(path.join(buildDir, 'data/indicators.json'), 'utf8')) as { id: string }[]).map((i) => i.id);

describe('real values on the indicator page', () => {
	it('/indikator/trust_others draws the 21 counties for 2021–2024 from real values, with no Exempeldata mark on that chart', async () => {
		const page = await h.open('/indikator/trust_others');
		const frame = page.locator('[data-chart-frame="regions"]');
		expect(await frame.getAttribute('data-demo')).toBe('false');
		expect(await frame.locator('.demo-badge').count()).toBe(0);
		expect(await frame.locator('figcaption').textContent()).toContain('2021–2024');
		const dots = await page.$$eval('#regions-plot svg [data-region]', (els) => els.map((e) => ({ region: e.getAttribute('data-region'), demo: e.getAttribute('data-demo'), value: Number(e.getAttribute('data-value')) })));
		expect(dots.map((d) => d.region).sort()).toEqual(COUNTIES);
		expect(dots.every((d) => d.demo === 'false')).toBe(true);
		// Dalarna 2021–2024: 100 − the published "Svårt att lita på andra" share (fohm-hlv-county-windows.csv).
		expect(dots.find((d) => d.region === '20')!.value).toBeGreaterThan(60);
		const map = await page.$$eval('#map-plot path[data-region][data-value]', (els) => els.length);
		expect(map).toBe(21);
		await page.close();
	});
});

describe('municipalities', () => {
	it('/region/20 lists its municipalities, each linking to its page', async () => {
		const page = await h.open('/region/20');
		const links = await page.$$eval('[data-municipalities] a', (els) => els.map((a) => a.getAttribute('href') ?? ''));
		expect(links).toHaveLength(15);
		expect(links.some((l) => l.endsWith('/region/2080'))).toBe(true);
		await page.close();
	});

	it('/region/2080 (Falun) shows real HLV values with CIs, compared with Dalarna and Sweden, with the caution', async () => {
		const page = await h.open('/region/2080');
		expect(await page.locator('h1').textContent()).toBe('Falun');
		const rows: Record<string, string | undefined>[] = await page.$$eval('tr[data-indicator]', (els) => els.map((el) => ({ ...(el as HTMLElement).dataset, text: el.textContent ?? '' })));
		for (const id of ['trust_others', 'no_confidant', 'refrained_going_out']) {
			const r = rows.find((x) => x.indicator === id);
			expect(r, id).toBeDefined();
			expect(r!.demo).toBe('false');
			expect(Number(r!.ciLow)).toBeLessThan(Number(r!.value));
			expect(Number(r!.ciHigh)).toBeGreaterThan(Number(r!.value));
			expect(r!.text).toContain('2021');
			expect(r!.outcomeCounty).toMatch(/better|worse|similar|higher|lower/);
		}
		expect(rows.find((x) => x.indicator === 'transit_access')?.demo).toBe('false');
		expect(await page.locator('[data-caution]').textContent()).toContain('Vi rekommenderar inte att jämföra olika kommuner');
		expect(await page.locator('.demo-badge').count()).toBe(0);
		await page.close();
	});
});

async function frames(page: Page) {
	return page.$$eval('[data-chart-frame]', (els) =>
		els.map((el) => {
			const drawing = el.querySelector('.drawing');
			const marks = drawing && !drawing.hasAttribute('hidden') ? drawing.querySelectorAll('svg [data-value], svg [data-region]').length : 0;
			return { id: el.getAttribute('data-chart-frame'), marks, reason: el.querySelector('[data-empty-reason]')?.textContent?.trim() ?? '', caption: el.querySelector('figcaption')?.textContent ?? '' };
		})
	);
}

describe.each(['', '/en'])('no empty chart (%s)', (prefix) => {
	it('every indicator page: each chart frame has marks or says why in one sentence', async () => {
		expect(ids).toHaveLength(12);
		let reasons = 0;
		for (const id of ids) {
			const page = await h.open(`${prefix}/indikator/${id}`);
			const list = await frames(page);
			expect(list.length, id).toBeGreaterThanOrEqual(3);
			for (const f of list) {
				if (f.marks > 0) continue;
				reasons++;
				expect(f.reason, `${id} ${f.id}: no marks and no reason`).toMatch(/^[A-ZÅÄÖ].{20,}\.$/);
				expect(f.reason.split(/\.\s/).length, 'one sentence').toBe(1);
				expect(f.caption).not.toMatch(/(Källa|Source): \./);
			}
			await page.close();
		}
		// transit_access has no group breakdown: that frame says so instead of drawing nothing.
		expect(reasons).toBeGreaterThan(0);
	});
});
