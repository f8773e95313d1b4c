/**
 * What the browser's engine draws, proved in the browser: every page type is served Parquet
 * partitions whose values, CIs shifted by +1 (written here with @duckdb/node-api from the built
 * files), differ from the prerendered page. A page passes only when DuckDB-WASM has read them and
 * the charts were redrawn (`data-rendered="client"`) with exactly the rows the test reads from the
 * same Parquet, independently, with @duckdb/node-api. Pages with controls change one and check
 * the new numbers the same way. Pages without controls (overview, subgoals, regions) load no engine
 * (speed's start policy): they must request no Parquet and show exactly the built files' numbers,
 * drawn at build time by the same view functions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDir, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
let con: DuckDBConnection;
let instance: DuckDBInstance;
const shiftedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shifted-'));
const SHIFT = 1;
const parquetRequests: string[] = [];

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	con = await instance.connect();
	const src = path.join(buildDir, 'data/indicators');
	for (const f of fs.readdirSync(src).filter((f) => f.endsWith('.parquet')))
		await con.run(
			`COPY (SELECT * REPLACE (value + ${SHIFT} AS value, ci_low + ${SHIFT} AS ci_low, ci_high + ${SHIFT} AS ci_high) FROM read_parquet('${path.join(src, f)}'))
			 TO '${path.join(shiftedDir, f)}' (FORMAT parquet, COMPRESSION zstd)`
		);
	h = await startHarness();
	await h.context.route('**/data/indicators/*.parquet', (route) => {
		parquetRequests.push(route.request().url());
		const file = path.join(shiftedDir, path.basename(new URL(route.request().url()).pathname));
		return route.fulfill({ status: 200, contentType: 'application/vnd.apache.parquet', body: fs.readFileSync(file) });
	});
});
afterAll(async () => {
	await h?.close();
	con?.closeSync();
	instance?.closeSync();
	fs.rmSync(shiftedDir, { recursive: true, force: true });
});

/** Rows read from the shifted Parquet by the test's own SQL. */
async function parquet(indicator: string, where: string, order = 'period_end, period_start', dir = shiftedDir): Promise<{ value: number | null; period_start: number; period_end: number; region_code: string }[]> {
	const r = await con.runAndReadAll(`SELECT value, period_start, period_end, region_code FROM read_parquet('${path.join(dir, `${indicator}.parquet`)}') WHERE ${where} ORDER BY ${order}`);
	return r.getRowObjectsJS() as never;
}

/** A national line as the site draws it: single years when there are at least two, else the windows. */
function line<T extends { period_start: number; period_end: number }>(rows: T[]): T[] {
	const single = rows.filter((r) => r.period_start === r.period_end);
	return single.length >= 2 || single.length === rows.length ? single : rows.filter((r) => r.period_start !== r.period_end);
}

const tableValues = (page: Page, frame: string) =>
	page.$$eval(`[data-chart-frame="${frame}"] tbody tr[data-value]`, (els) => els.map((e) => (e.getAttribute('data-value') === '' ? null : Number(e.getAttribute('data-value')))));

const fixed = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : v.toFixed(6)));

/** Waits until the frame's table shows exactly `want` (the engine answers after first paint). */
async function expectValues(page: Page, frame: string, want: { value: number | null }[]) {
	expect(want.length).toBeGreaterThan(0);
	await expect.poll(async () => fixed(await tableValues(page, frame)), { timeout: 60_000 }).toEqual(fixed(want.map((w) => w.value)));
}

async function redrawn(page: Page, selector: string) {
	await page.waitForSelector(`${selector}[data-rendered="client"]`, { timeout: 60_000 });
}

const indicatorsJson = () => JSON.parse(fs.readFileSync(path.join(buildDir, 'data/indicators.json'), 'utf8')) as { id: string; subgoal: number; name: { sv: string; en: string } }[];

describe('the engine redraws the indicator page with the Parquet it reads; other pages load none', () => {
	/** Opens a page without controls: no Parquet may be requested; the numbers are the built files'. */
	async function openPrerendered(p: string) {
		const before = parquetRequests.length;
		const page = await h.open(p);
		await page.waitForLoadState('networkidle');
		expect(parquetRequests.slice(before), p).toEqual([]);
		return page;
	}
	const built = path.join(buildDir, 'data/indicators');

	it.each(['', '/en'])('overview%s: the featured trend is the built Parquet, and no engine loads', async (prefix) => {
		const page = await openPrerendered(prefix || '/');
		const title = (await page.locator('[data-chart-frame="featured"] h3').textContent())!.trim();
		const id = indicatorsJson().find((i) => i.name[prefix ? 'en' : 'sv'] === title)!.id;
		const want = line(await parquet(id, `region_code = '00' AND sex = 'T' AND group_dim = 'total'`, undefined, built));
		await expectValues(page, 'featured', want);
		await page.close();
	});

	it.each(['/delmal/3', '/en/delmal/1'])('subgoal %s: every trend is the built Parquet, and no engine loads', async (p) => {
		const page = await openPrerendered(p);
		const n = Number(p.at(-1));
		for (const ind of indicatorsJson().filter((i) => i.subgoal === n))
			await expectValues(page, `trend-${ind.id}`, line(await parquet(ind.id, `region_code = '00' AND sex = 'T' AND group_dim = 'total'`, undefined, built)));
		await page.close();
	});

	it('indicator page: first view from the engine, then women, then a highlighted county', async () => {
		const page = await h.open('/indikator/no_confidant');
		await redrawn(page, '#trend-plot');
		await redrawn(page, '#regions-plot');
		const nation = `region_code = '00' AND group_dim = 'total'`;
		await expectValues(page, 'trend', line(await parquet('no_confidant', `${nation} AND sex = 'T'`)));
		const countyPeriod = await page.locator('label:has-text("Period (län)") select').inputValue();
		const [a, b] = countyPeriod.split('-').map(Number);
		const counties = await parquet('no_confidant', `length(region_code) = 2 AND group_dim = 'total' AND sex = 'T' AND period_start = ${a} AND period_end = ${b ?? a}`, 'region_code');
		expect(counties.length).toBe(22);
		await expect.poll(async () => fixed(await tableValues(page, 'regions')).sort(), { timeout: 30_000 }).toEqual(fixed(counties.map((c) => c.value)).sort());

		// Control: women. The trend's numbers are the women's, read from the Parquet.
		await page.locator('label:has-text("Kön") select').selectOption('K');
		await expectValues(page, 'trend', line(await parquet('no_confidant', `${nation} AND sex = 'K'`)));

		// Control: Gävleborg highlighted — its trend is its own pooled windows.
		await page.locator('label:has-text("Visa län") select').selectOption('21');
		const gavle = await parquet('no_confidant', `region_code = '21' AND group_dim = 'total' AND sex = 'K'`);
		expect(gavle.length).toBeGreaterThan(2);
		await expectValues(page, 'trend', gavle);
		await page.close();
	});

	it.each(['/region/21', '/en/region/01'])('region page %s: the profile is the built Parquet, no engine loads, then the 99.8 level', async (p) => {
		const page = await openPrerendered(p);
		const code = p.slice(-2);
		const rows = await page.$$eval('tr[data-indicator]', (els) => els.map((e) => ({ id: e.getAttribute('data-indicator')!, value: e.getAttribute('data-value')!, benchmark: e.getAttribute('data-benchmark')!, demo: e.getAttribute('data-demo')! })));
		let checked = 0;
		for (const r of rows) {
			if (r.value === '') continue;
			// The estimate is the latest value of its kind (real first, never mixed).
			const own = (await parquet(r.id, `region_code = '${code}' AND group_dim = 'total' AND sex = 'T' AND value IS NOT NULL AND is_demo = ${r.demo === 'true'}`, undefined, built)).at(-1)!;
			expect(Number(r.value), r.id).toBeCloseTo(own.value!, 6);
			if (r.benchmark !== '') {
				const nat = await parquet(r.id, `region_code = '00' AND group_dim = 'total' AND sex = 'T' AND period_start = ${own.period_start} AND period_end = ${own.period_end}`, undefined, built);
				expect(nat.map((x) => x.value!.toFixed(6)), r.id).toContain(Number(r.benchmark).toFixed(6));
			}
			checked++;
		}
		expect(checked).toBeGreaterThan(5);
		// Control: the 99.8 % level. Rows switch level and keep their numbers; still no Parquet.
		const before = parquetRequests.length;
		await page.locator('select').nth(1).selectOption('99.8');
		await page.waitForSelector('tr[data-level="99.8"]');
		const after = await page.$$eval('tr[data-indicator]', (els) => els.map((e) => e.getAttribute('data-value')));
		expect(after).toEqual(rows.map((r) => r.value));
		expect(parquetRequests.slice(before)).toEqual([]);
		await page.close();
	});

	it('no console errors and no foreign requests', () => {
		expect(h.consoleErrors).toEqual([]);
		expect(h.foreignRequests).toEqual([]);
	});
});
