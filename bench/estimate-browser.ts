/**
 * /egna-data in Chromium with a warm engine (DuckDB-WASM and the site's reference partitions
 * loaded, page idle): a 200 000-respondent synthetic CSV is chosen; the guessed mapping is
 * confirmed at once; first results = (file chosen → mapping form) + (Estimate → results drawn),
 * from performance marks inside the page, so the automated click's own latency is left out.
 * Also tries 1 000 000 respondents and records whether it works and how long it takes.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { syntheticItems, writeSyntheticFile } from '../pipelines/generate/respondents.ts';
import { log, round, scaleDir } from './lib/util.ts';
import fs from 'node:fs';

function file(n: number): string {
	const f = path.join(scaleDir, 'estimate', `syntetiska-svar-${n}-hlv.csv`);
	if (!fs.existsSync(f)) {
		fs.mkdirSync(path.dirname(f), { recursive: true });
		writeSyntheticFile(f + '.tmp', { respondents: n, seed: 20250401, year: 2024, items: syntheticItems('hlv') });
		fs.renameSync(f + '.tmp', f);
	}
	return f;
}

async function once(browser: Browser, url: string, csv: string): Promise<{ ms: number | null; error: string | null; requests_after_file: number }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	try {
		await page.goto(url);
		await page.waitForSelector('[data-own-ready="true"]', { timeout: 120_000 });
		let after = 0;
		let chosen = false;
		context.on('request', (r) => {
			if (chosen && !/^(blob|data):/.test(r.url())) after++;
		});
		chosen = true;
		await page.setInputFiles('[data-testid="own-file"]', csv);
		const state = await page.waitForSelector('[data-phase="mapping"], [data-testid="own-error"]', { timeout: 300_000 });
		if ((await state.getAttribute('data-testid')) === 'own-error') return { ms: null, error: await state.textContent(), requests_after_file: after };
		await page.click('button[type="submit"]');
		await page.waitForSelector('[data-testid="own-results"], [data-testid="own-error"]', { timeout: 300_000 });
		const err = await page.$('[data-testid="own-error"]');
		if (err) return { ms: null, error: await err.textContent(), requests_after_file: after };
		// (No named helper inside: tsx would wrap it in a __name() the page does not have.)
		const marks = await page.evaluate(() => ['own-data-file', 'own-data-mapping', 'own-data-estimate', 'own-data-results'].map((n) => performance.getEntriesByName(n).at(-1)!.startTime));
		const ms = marks[1] - marks[0] + (marks[3] - marks[2]);
		return { ms, error: null, requests_after_file: after };
	} catch (err) {
		return { ms: null, error: err instanceof Error ? err.message.split('\n')[0] : String(err), requests_after_file: -1 };
	} finally {
		await context.close();
	}
}

export async function estimateBrowser(browser: Browser, siteUrl: string): Promise<Record<string, unknown>> {
	const url = `${siteUrl}/egna-data`;
	const f200 = file(200_000);
	log('estimate: /egna-data with 200 000 respondents (3 runs)');
	const runs = [await once(browser, url, f200), await once(browser, url, f200), await once(browser, url, f200)];
	const ok = runs.filter((r) => r.ms !== null).map((r) => r.ms!).sort((a, b) => a - b);
	log('estimate: /egna-data with 1 000 000 respondents');
	const million = await once(browser, url, file(1_000_000));
	return {
		browser_first_results_ms: ok.length ? round(ok[Math.floor(ok.length / 2)], 0) : null,
		browser_detail: {
			respondents: 200_000,
			file_mb: round(fs.statSync(f200).size / 2 ** 20, 1),
			runs_ms: runs.map((r) => (r.ms === null ? r.error : round(r.ms, 0))),
			requests_after_file_chosen: runs.map((r) => r.requests_after_file),
			million: { ms: million.ms === null ? null : round(million.ms, 0), error: million.error, file_mb: round(fs.statSync(file(1_000_000)).size / 2 ** 20, 1) }
		}
	};
}
