/**
 * Foundation, end to end: a real published figure travels from the source file through the
 * pipeline's Parquet, DuckDB-WASM in the browser and Plot, and is drawn right; the site stays
 * on its own origin; DuckDB and parquet-wasm are self-hosted with precompressed copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, parseCsv, repoRoot, startHarness, type Harness } from './helpers/browser.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

describe('overview page', () => {
	it('draws the featured chart with the published figures', async () => {
		const page = await h.open('/');
		// Prerendered from the same query the browser would run: the overview loads no engine
		// (tests/e2e/loading.test.ts); the browser's DuckDB path is tested on the indicator pages.
		await page.waitForSelector('#featured-plot svg circle[data-value]', { timeout: 60_000 });
		const drawn = await page.$$eval('#featured-plot svg circle[data-value]', (els) =>
			els.map((e) => ({ value: Number(e.getAttribute('data-value')), period: e.getAttribute('data-period'), demo: e.getAttribute('data-demo') }))
		);
		const indicator = await page.$eval('#featured-title', (el) => el.textContent ?? '');
		expect(indicator.length).toBeGreaterThan(0);

		// Read the published figures independently: the copy in data/raw and the mapping that says
		// which published key is which indicator.
		const csv = parseCsv(fs.readFileSync(path.join(repoRoot, 'data/raw/published/published_values.csv'), 'utf8'));
		const real = drawn.filter((d) => d.demo === 'false');
		expect(real.length).toBeGreaterThanOrEqual(2);
		// Real national figures also come from the extracts in data/raw (issue #11), e.g. Kolada N07418 (nation = 0000).
		const kolada = parseCsv(fs.readFileSync(path.join(repoRoot, 'data/raw/kolada/kolada-N07418.csv'), 'utf8'));
		for (const d of real) {
			const matches = [
				...csv.filter((r) => r.region_code === '00' && r.sex === 'total' && r.period === d.period && Number(r.value_pct) === d.value),
				...kolada.filter((r) => r.kolada_id === '0000' && r.year === d.period && Number(r.value_pct) === d.value)
			];
			expect(matches, `drawn ${d.value} for ${d.period} should be a real national figure of a source file`).not.toHaveLength(0);
		}
		// The source and period are shown with the chart.
		const caption = await page.$eval('#featured-title', (el) => el.closest('figure')!.querySelector('figcaption')!.textContent ?? '');
		expect(caption).toMatch(/Källa: /);
		expect(caption).toMatch(/Period: \d{4}/);
		await page.close();
	});

	it('makes no request to another origin and logs no console error', async () => {
		const page = await h.open('/');
		await page.waitForLoadState('networkidle');
		await page.close();
		expect(h.foreignRequests).toEqual([]);
		expect(h.consoleErrors).toEqual([]);
	});
});

describe('the build', () => {
	it('self-hosts DuckDB-WASM and parquet-wasm, each with brotli and gzip copies', () => {
		const files = fs.readdirSync(path.join(buildDir, '_app/immutable/assets'));
		for (const pattern of [/^duckdb-eh\..+\.wasm$/, /^parquet_wasm_bg\..+\.wasm$/]) {
			const wasm = files.find((f) => pattern.test(f));
			expect(wasm, `${pattern} in the build`).toBeTruthy();
			expect(files).toContain(`${wasm}.br`);
			expect(files).toContain(`${wasm}.gz`);
			const raw = fs.statSync(path.join(buildDir, '_app/immutable/assets', wasm!)).size;
			const br = fs.statSync(path.join(buildDir, '_app/immutable/assets', `${wasm}.br`)).size;
			expect(br).toBeLessThan(raw / 3);
		}
		const workers = fs.readdirSync(path.join(buildDir, '_app/immutable'), { recursive: true }).map(String);
		expect(workers.some((f) => /duckdb-browser-eh\.worker.*\.js$/.test(f))).toBe(true);
	});
});
