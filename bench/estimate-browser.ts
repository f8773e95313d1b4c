/**
 * /egna-data in Chromium with a warm engine (DuckDB-WASM and the site's reference partitions
 * loaded, page idle): a 200 000-respondent synthetic CSV is chosen; the guessed mapping is
 * confirmed at once; first results = (file chosen → mapping form) + (Estimate → results drawn),
 * from performance marks inside the page, so the automated click's own latency is left out.
 * The marks in between split it: file read + counted (own-data-loaded), mapping guessed, the one
 * scan of the file into cells with the checks (own-data-step-*), the estimator's SQL
 * (own-data-estimated), reference values + charts drawn (own-data-results).
 *
 * Floor, in the same run: a blank page with the site's own DuckDB loader (the built chunk), warm,
 * that does only what no page can skip: the chosen file's bytes into the worker and one SUM over
 * the weight column read by DuckDB's read_csv. first results ÷ floor is what the page adds.
 * Also tries 1 000 000 respondents and records whether it works and how long it takes.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { syntheticItems, writeSyntheticFile } from '../pipelines/generate/respondents.ts';
import { startStaticServer, type RunningServer } from '../scripts/static-server.ts';
import { respondentFileFloorQuery, warmUpQuery } from '../src/lib/data/bench-queries.ts';
import { benchDir, log, median, round, scaleDir } from './lib/util.ts';

function file(n: number): string {
	const f = path.join(scaleDir, 'estimate', `syntetiska-svar-${n}-hlv.csv`);
	if (!fs.existsSync(f)) {
		fs.mkdirSync(path.dirname(f), { recursive: true });
		writeSyntheticFile(f + '.tmp', { respondents: n, seed: 20250401, year: 2024, items: syntheticItems('hlv') });
		fs.renameSync(f + '.tmp', f);
	}
	return f;
}

const MARKS = ['own-data-file', 'own-data-loaded', 'own-data-mapping', 'own-data-estimate', 'own-data-estimated', 'own-data-results', 'own-data-step-check', 'own-data-step-estimate'] as const;

interface Run {
	ms: number | null;
	split: Record<string, number> | null;
	error: string | null;
	requests_after_file: number;
}

async function once(browser: Browser, url: string, csv: string): Promise<Run> {
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
		if ((await state.getAttribute('data-testid')) === 'own-error') return { ms: null, split: null, error: await state.textContent(), requests_after_file: after };
		await page.click('button[type="submit"]');
		await page.waitForSelector('[data-testid="own-results"], [data-testid="own-error"]', { timeout: 300_000 });
		const err = await page.$('[data-testid="own-error"]');
		if (err) return { ms: null, split: null, error: await err.textContent(), requests_after_file: after };
		// (No named helper inside: tsx would wrap it in a __name() the page does not have.)
		const t = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n).at(-1)!.startTime), [...MARKS]);
		const split = {
			file_read_and_counted: t[1] - t[0],
			mapping_guessed: t[2] - t[1],
			before_scan: t[6] - t[3],
			one_scan_into_cells_and_checks: t[7] - t[6],
			estimator_sql: t[4] - t[7],
			references_and_charts: t[5] - t[4]
		};
		return { ms: t[2] - t[0] + (t[5] - t[3]), split, error: null, requests_after_file: after };
	} catch (err) {
		return { ms: null, split: null, error: err instanceof Error ? err.message.split('\n')[0] : String(err), requests_after_file: -1 };
	} finally {
		await context.close();
	}
}

/** A served root with the build's _app and a blank page that runs the floor (see the header). */
async function startOwnFloorServer(buildDir: string): Promise<{ server: RunningServer; url: string }> {
	const chunks = path.join(buildDir, '_app/immutable/chunks');
	const chunk = fs.readdirSync(chunks).find((f) => f.endsWith('.js') && /as openBrowserDb\}/.test(fs.readFileSync(path.join(chunks, f), 'utf8')));
	if (!chunk) throw new Error(`no chunk exporting openBrowserDb in ${chunks}`);
	const root = path.join(benchDir, '.own-floor');
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });
	fs.symlinkSync(path.join(buildDir, '_app'), path.join(root, '_app'));
	fs.writeFileSync(
		path.join(root, 'floor.html'),
		`<!doctype html><html lang="en"><meta charset="utf-8"><title>own-data floor</title><input type="file" id="f">
<script type="module">
const m = await import('/_app/immutable/chunks/${chunk}');
const db = await m.openBrowserDb(() => {});
await db.query(${JSON.stringify(warmUpQuery.sql)});
document.getElementById('f').addEventListener('change', async (e) => {
	performance.mark('floor-file');
	const bytes = new Uint8Array(await e.target.files[0].arrayBuffer());
	await db.conn.bindings.registerFileBuffer('floor.csv', bytes);
	const [r] = await db.query(${JSON.stringify(respondentFileFloorQuery('floor.csv', 'vikt').sql)});
	performance.mark('floor-done');
	document.body.dataset.rows = String(r.n);
});
document.body.dataset.ready = 'true';
</script></html>\n`
	);
	const server = await startStaticServer({ root });
	return { server, url: `${server.url}/floor.html` };
}

async function floorOnce(browser: Browser, url: string, csv: string): Promise<{ ms: number | null; rows: number | null; error?: string }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		await page.goto(url);
		await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
		await page.setInputFiles('#f', csv);
		await page.waitForSelector('body[data-rows]', { timeout: 300_000 });
		const ms = await page.evaluate(() => performance.getEntriesByName('floor-done')[0].startTime - performance.getEntriesByName('floor-file')[0].startTime);
		return { ms, rows: Number(await page.getAttribute('body', 'data-rows')) };
	} catch (err) {
		return { ms: null, rows: null, error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
	} finally {
		await context.close();
	}
}

export async function estimateBrowser(browser: Browser, siteUrl: string, buildDir: string): Promise<Record<string, unknown>> {
	const url = `${siteUrl}/egna-data`;
	const f200 = file(200_000);
	const floor = await startOwnFloorServer(buildDir);
	try {
		log('estimate: /egna-data with 200 000 respondents (3 runs, each beside a floor run)');
		const runs: Run[] = [];
		const floors: Awaited<ReturnType<typeof floorOnce>>[] = [];
		for (let i = 0; i < 3; i++) {
			runs.push(await once(browser, url, f200));
			floors.push(await floorOnce(browser, floor.url, f200));
		}
		const ok = runs.filter((r) => r.ms !== null);
		const ms = median(ok.map((r) => r.ms!));
		const floorMs = median(floors.filter((f) => f.ms !== null).map((f) => f.ms!));
		const splitMedian = ok.length ? Object.fromEntries(Object.keys(ok[0].split!).map((k) => [k, round(median(ok.map((r) => r.split![k])), 0)])) : null;
		log('estimate: /egna-data with 1 000 000 respondents');
		const million = await once(browser, url, file(1_000_000));
		return {
			browser_first_results_ms: round(ms, 0),
			browser_floor_ms: round(floorMs, 0),
			browser_vs_floor: ms !== null && floorMs ? round(ms / floorMs, 2) : null,
			browser_detail: {
				respondents: 200_000,
				file_mb: round(fs.statSync(f200).size / 2 ** 20, 1),
				runs_ms: runs.map((r) => (r.ms === null ? r.error : round(r.ms, 0))),
				split_median_ms: splitMedian,
				floor_runs_ms: floors.map((f) => (f.ms === null ? f.error : round(f.ms, 0))),
				floor_rows: floors.map((f) => f.rows),
				floor_note: 'blank page, the site’s own DuckDB loader warm: file bytes → worker (registerFileBuffer) → read_csv + SUM(weight); no page can do less',
				requests_after_file_chosen: runs.map((r) => r.requests_after_file),
				million: { ms: million.ms === null ? null : round(million.ms, 0), split_ms: million.split && Object.fromEntries(Object.entries(million.split).map(([k, v]) => [k, round(v, 0)])), error: million.error, file_mb: round(fs.statSync(file(1_000_000)).size / 2 ** 20, 1) }
			}
		};
	} finally {
		await floor.server.close();
		// (the served root links the build's _app: gone after the run, so no scan of bench/ sees it)
		fs.rmSync(path.join(benchDir, '.own-floor'), { recursive: true, force: true });
	}
}
