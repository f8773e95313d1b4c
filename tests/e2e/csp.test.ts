/**
 * The Content-Security-Policy, enforced: every page type in both languages loads under the
 * policy SvelteKit writes into its <meta> (script hashes, 'wasm-unsafe-eval', no inline script)
 * plus the server's header (frame-ancestors and the fences), and works — hydration, DuckDB-WASM
 * redraws, exports, slides, presentation mode — with no CSP violation: neither a
 * `securitypolicyviolation` event nor a console report. One test shows the policy bites.
 * Runs against our server (e2e) and against nginx with deploy/nginx.conf (e2e-nginx).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './helpers/browser.ts';
import { NOT_FOUND, PAGE_TYPES } from './helpers/page-types.ts';
import { CSP_DIRECTIVES, HEADER_CSP } from '../../deploy/security-headers.js';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

/** The <meta> policy's directives, parsed. */
function directives(policy: string): Map<string, string[]> {
	return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

async function hydrated(page: Page): Promise<void> {
	await page.waitForSelector('main h1');
	// Pages with charts show the presentation button once their script has run; others settle.
	if (await page.$('[data-chart-frame]')) await page.waitForSelector('.present-button', { timeout: 60_000 });
	else await page.waitForLoadState('networkidle');
}

describe('every page type under the enforced policy', () => {
	it.each([...PAGE_TYPES, ...NOT_FOUND])('%s: policy in <meta> and header, hashes match the inline scripts, hydrates without a violation', async (p) => {
		const res = await h.context.request.get(h.server.url + p);
		expect(res.headers()['content-security-policy']).toBe(HEADER_CSP);
		const html = await res.text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
		expect(meta, 'CSP <meta>').not.toBeNull();
		const d = directives(meta![1].replaceAll('&#39;', "'"));
		const scriptSrc = d.get('script-src')!;
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
		expect(scriptSrc).toContain("'wasm-unsafe-eval'");
		expect(d.get('default-src')).toEqual(["'self'"]);
		expect(d.get('worker-src')).toEqual(["'self'"]);
		expect(d.get('object-src')).toEqual(["'none'"]);
		expect([...d.keys()].sort()).toEqual(Object.keys(CSP_DIRECTIVES).sort());
		// Every inline script is allowed by its own hash, and nothing else is.
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.length > 0);
		expect(inline.length).toBeGreaterThan(0);
		const hashes = inline.map((s) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`);
		expect(scriptSrc.filter((v) => v.startsWith("'sha256-")).sort()).toEqual([...new Set(hashes)].sort());

		const before = h.cspViolations.length;
		const page = await h.open(p);
		await hydrated(page);
		expect(h.cspViolations.slice(before)).toEqual([]);
		await page.close();
	});

	it('the policy bites: an injected inline script does not run and is reported', async () => {
		const page = await h.open('/indikator/no_confidant');
		await hydrated(page);
		const before = h.cspViolations.length;
		const errorsBefore = h.consoleErrors.length;
		const ran = await page.evaluate(async () => {
			const s = document.createElement('script');
			s.textContent = 'window.__injected = true';
			document.head.append(s);
			await new Promise((r) => setTimeout(r, 100));
			return (window as unknown as { __injected?: boolean }).__injected === true;
		});
		expect(ran).toBe(false);
		await expect.poll(() => h.cspViolations.length).toBeGreaterThan(before);
		expect(h.cspViolations.slice(before).join('\n')).toMatch(/script-src/);
		// Not a violation of the site's own making: leave the record clean for the tour check.
		h.cspViolations.splice(before);
		h.consoleErrors.splice(errorsBefore);
		await page.close();
	});
});

describe('what needs more than the page itself, under the policy', () => {
	it('DuckDB-WASM (wasm compile, worker) redraws the indicator charts; exports and presentation mode work', async () => {
		const page = await h.open('/indikator/no_confidant');
		await hydrated(page);
		await page.waitForSelector('[data-engine="ready"]', { state: 'attached', timeout: 60_000 });
		await page.locator('label', { hasText: 'Kön' }).locator('select').selectOption('K');
		await page.waitForSelector('#trend-plot[data-rendered="client"] svg', { timeout: 60_000 });
		for (const key of ['svg', 'png-standard-1', 'csv-standard']) {
			await page.click('#trend-export-button');
			const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`#trend-export-menu [data-export="${key}"]`)]);
			expect(fs.statSync((await dl.path())!).size, key).toBeGreaterThan(100);
		}
		// Presentation mode draws each chart from a blob: URL.
		await page.getByRole('button', { name: 'Presentationsläge' }).click();
		const img = page.getByRole('dialog', { name: 'Presentationsläge' }).locator('img');
		await img.waitFor();
		await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(100);
		await page.keyboard.press('Escape');
		await page.close();
	});

	it('the overview redraws its featured chart from DuckDB-WASM', async () => {
		const page = await h.open('/');
		await page.waitForSelector('#featured-plot[data-rendered="client"] svg', { timeout: 60_000 });
		await page.close();
	});

	it('a slide deck downloads from a region page', async () => {
		const page = await h.open('/region/21');
		await hydrated(page);
		const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: 'Ladda ner bildspel (PowerPoint)' }).click()]);
		const bytes = fs.readFileSync((await dl.path())!);
		expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
		await page.close();
	});

	it('no CSP violation anywhere, no console error, no request to another origin', () => {
		expect(h.cspViolations).toEqual([]);
		// The 404 pages' own status is logged by the browser; anything else is an error.
		const notFound = new RegExp(`^(${NOT_FOUND.join('|')}): Failed to load resource: the server responded with a status of 404`);
		expect(h.consoleErrors.filter((e) => !notFound.test(e))).toEqual([]);
		expect(h.foreignRequests).toEqual([]);
	});
});
