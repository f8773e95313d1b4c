/**
 * The whole journey of a real extract, from the file to the screen: Statistics Sweden's
 * BE0101A1proc.px (a real PX file from the shared fixtures) is dropped into a temporary
 * data/raw/scb/ with its intake mapping, `npm run pipeline` builds a data folder from it, the
 * site's own built server code renders the indicator page over that folder, and Chromium shows
 * the page with DuckDB-WASM reading the new Parquet. The values the test expects are read off
 * the PX file's DATA block by hand (row "single" of each county, "Per cent", 2005), not taken
 * from any of our code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../helpers/run-cli.ts';
import { DROPPED_INDICATOR, dropPx } from '../helpers/dropped-px.ts';
import { repoRoot, startHarness, type Harness } from './helpers/browser.ts';

// From the file: 01 Stockholm, 03 Uppsala, 04 Södermanland; single (OG); Per cent; 2005.
const PER_CENT_2005 = { M: { '01': 52.43, '03': 52.39, '04': 53.88 }, K: { '01': 47.57, '03': 47.61, '04': 46.12 } } as const;

let h: Harness;
let tmp: string;
let dataDir: string;
const pagePaths = [`/indikator/${DROPPED_INDICATOR}`, `/en/indikator/${DROPPED_INDICATOR}`];
let rendered: Record<string, { status: number; html: string }>;
const dataRequests: string[] = [];

beforeAll(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-dropped-page-'));
	const env = dropPx(tmp);
	dataDir = env.ENSAMHET_OUT_DIR;
	const built = await runCli([], env);
	if (built.code !== 0) throw new Error(`pipeline failed:\n${built.stdout}\n${built.stderr}`);
	// The site's server code renders the page from the new data folder, as prerendering does.
	const render = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'helpers/render-with-data.ts'), ...pagePaths], {
		cwd: repoRoot,
		env: { ...process.env, ENSAMHET_OUT_DIR: dataDir },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (render.status !== 0) throw new Error(`rendering failed:\n${render.stderr}`);
	rendered = JSON.parse(render.stdout);
	h = await startHarness();
	// The built site, with its data folder and the two new pages taken from this test's build.
	await h.context.route(/\/data\//, (route) => {
		const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^.*?\/data\//, '');
		const file = path.join(dataDir, rel);
		dataRequests.push(rel);
		if (!file.startsWith(dataDir + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
		return route.fulfill({ status: 200, body: fs.readFileSync(file), contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
	});
	for (const p of pagePaths)
		await h.context.route((url) => url.pathname === p, (route) => route.fulfill({ status: rendered[p].status, contentType: 'text/html; charset=utf-8', body: rendered[p].html }));
}, 240_000);

afterAll(async () => {
	await h?.close();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The county table's rows that carry a value: county name → value. */
async function countyValues(page: Page): Promise<Record<string, number>> {
	return page.$$eval('[data-chart-frame="regions"] tbody tr[data-value]', (rows) =>
		Object.fromEntries(
			rows
				.filter((r) => r.getAttribute('data-value') !== '')
				.map((r) => {
					const name = [...r.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? '').find((x) => /län$|County$|^Riket$|^Sweden$/.test(x)) ?? '?';
					return [name, Number(r.getAttribute('data-value'))];
				})
		)
	);
}

const NAMES = { sv: { '01': 'Stockholms län', '03': 'Uppsala län', '04': 'Södermanlands län' }, en: { '01': 'Stockholm County', '03': 'Uppsala County', '04': 'Södermanland County' } } as const;

function expected(sex: 'M' | 'K', lang: 'sv' | 'en') {
	return Object.fromEntries(Object.entries(PER_CENT_2005[sex]).map(([code, v]) => [NAMES[lang][code as '01'], v]));
}

describe('a real PX file dropped into data/raw with a mapping', () => {
	it('the built server renders its indicator page from the new data folder', () => {
		for (const p of pagePaths) {
			expect(rendered[p].status, p).toBe(200);
			expect(rendered[p].html).toContain(p.startsWith('/en') ? 'Share single (test file)' : 'Andel ogifta (testfil)');
		}
	});

	for (const lang of ['sv', 'en'] as const) {
		it(`${lang}: the county chart shows the file's values for men, then for women, read by DuckDB-WASM from the new Parquet`, async () => {
			const p = pagePaths[lang === 'sv' ? 0 : 1];
			const page = await h.open(`${p}?kon=M`);
			// The engine answers the URL's view: the chart is redrawn in the browser with the file's values.
			await page.waitForSelector('#regions-plot[data-rendered="client"]', { timeout: 60_000 });
			await expect.poll(() => countyValues(page), { timeout: 60_000 }).toEqual(expected('M', lang));
			expect(dataRequests).toContain(`indicators/${DROPPED_INDICATOR}.parquet`);
			// A control change asks the engine again.
			await page.locator('select:has(option[value="K"]):has(option[value="M"])').selectOption('K');
			await expect.poll(() => countyValues(page), { timeout: 60_000 }).toEqual(expected('K', lang));
			// Real values: the county chart carries no Exempeldata mark, and names its publisher (not
			// the source's internal id, which is all a page knows of a source it did not list).
			const frame = page.locator('[data-chart-frame="regions"]');
			expect(await frame.getAttribute('data-demo')).toBe('false');
			const text = (await frame.textContent()) ?? '';
			expect(text).toMatch(lang === 'sv' ? /Källa: Statistiska centralbyrån/ : /Source: (Statistics Sweden|Statistiska centralbyrån)/);
			expect(text).not.toMatch(/ext-scb-/);
			await page.close();
		});
	}
});
