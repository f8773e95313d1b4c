/**
 * axe-core with all its rules: WCAG 2.0/2.1/2.2 A and AA and the best practices (no `runOnly`,
 * so every rule that is not experimental runs). Injected through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy rightly does not allow an inline
 * <script> to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './browser.ts';

const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function inject(page: Page): Promise<void> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
}

/** Violations as "rule: target, target, …" lines (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
	await inject(page);
	return page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
	});
}

/**
 * Violations of WCAG 2.1 A and AA only (the product's stated level), within `context` (a CSS
 * selector; the whole document by default), as "rule: target, …" lines.
 */
export async function wcag21aaViolations(page: Page, context?: string): Promise<string[]> {
	await inject(page);
	return page.evaluate(async (ctx) => {
		// @ts-expect-error axe is injected above
		const r = await window.axe.run(ctx ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
	}, context);
}
