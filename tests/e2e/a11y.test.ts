/**
 * Accessibility beyond the WCAG minimum: axe-core with all its rules (best practices included)
 * on every page type in both languages, after hydration; every chart has a text alternative that
 * states its finding; the slide deck downloads with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { NOT_FOUND, PAGE_TYPES } from './helpers/page-types.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

describe('axe-core, all rules, and text alternatives', () => {
	it.each([...PAGE_TYPES, ...NOT_FOUND])('%s: no axe violation; every chart states its finding (a figure) or that there are no data', async (p) => {
		const page = await h.open(p);
		// Hydrated: the presentation button appears only once the page's script runs.
		await page.waitForSelector('main h1');
		await page.waitForFunction(() => document.querySelector('.present-button') !== null || document.querySelector('[data-chart-frame]') === null, null, { timeout: 30_000 });
		expect(await axeViolations(page)).toEqual([]);
		const charts = await page.$$eval('.plot[data-chart]', (els) =>
			els.map((e) => ({ id: e.id || e.getAttribute('data-chart'), role: e.getAttribute('role'), label: e.getAttribute('aria-label') ?? '', marks: e.querySelectorAll('[data-value]').length }))
		);
		for (const c of charts) {
			expect(c.role, `${c.id}`).toBe('img');
			if (/^(Inga data ännu|No data yet)$/.test(c.label)) {
				// Said only of a chart that really has nothing to show.
				expect(c.marks, `${c.id} on ${p} says "no data" but draws values`).toBe(0);
				continue;
			}
			// A finding, not a title: it carries a figure (a share, a count) from the data.
			expect(c.label, `${c.id} on ${p}`).toMatch(/\d/);
			expect(c.label.length, `${c.id} on ${p}`).toBeGreaterThan(20);
		}
		await page.close();
	});
});

describe('keyboard only', () => {
	it.each(['/region/21', '/en/delmal/2'])('%s: Tab reaches the slide-deck button and Enter downloads the deck', async (p) => {
		const page = await h.open(p);
		await page.waitForSelector('.present-button', { timeout: 60_000 });
		const name = p.startsWith('/en') ? 'Download slides (PowerPoint)' : 'Ladda ner bildspel (PowerPoint)';
		let reached = false;
		for (let i = 0; i < 60 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate((n) => {
				const el = document.activeElement as HTMLElement | null;
				return !!el && (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === n;
			}, name);
		}
		expect(reached, `${name} reachable with Tab`).toBe(true);
		const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.keyboard.press('Enter')]);
		expect(dl.suggestedFilename()).toMatch(/\.pptx$/);
		await page.close();
	});
});

