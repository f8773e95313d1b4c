/**
 * /egna-data in Chromium: dropping a synthetic respondent file gives charts whose values equal
 * the command line's output for the same file and mapping, with the browser offline and no
 * request made after the drop; the example button, the English page and bad files' messages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './helpers/browser.ts';
import { wcag21aaViolations } from './helpers/axe.ts';
import { syntheticItems, writeSyntheticFile } from '../../pipelines/generate/respondents.ts';
import { syntheticDesignYaml, syntheticFileName } from '../../src/lib/own/synthetic.ts';
import { parseDesignYaml } from '../../src/lib/own/design.ts';
import { estimateFile } from '../../pipelines/commands/estimate.ts';
import type { EstimateRow } from '../../src/lib/data/estimate-queries.ts';

let h: Harness;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'own-data-e2e-'));
const N = 20_000;
const SEED = 7;
const csvFile = path.join(tmp, syntheticFileName(N, SEED));
let cli: EstimateRow[] = [];

beforeAll(async () => {
	const items = syntheticItems('hlv');
	writeSyntheticFile(csvFile, { respondents: N, seed: SEED, year: 2024, items });
	cli = (await estimateFile(csvFile, parseDesignYaml(syntheticDesignYaml(items, 2024)))).rows;
	h = await startHarness();
});
afterAll(async () => {
	// Bad files are answered on the page, never by an uncaught error in the console.
	expect(h?.consoleErrors ?? []).toEqual([]);
	await h?.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

async function openReady(pathname: string): Promise<Page> {
	const page = await h.open(pathname);
	await page.waitForSelector('[data-own-ready="true"]', { timeout: 90_000 });
	return page;
}

async function drop(page: Page, name: string, content: string | Buffer) {
	const bytes = [...(typeof content === 'string' ? Buffer.from(content) : content)];
	const dt = await page.evaluateHandle(
		({ name, bytes }) => {
			const dt = new DataTransfer();
			dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
			return dt;
		},
		{ name, bytes }
	);
	await page.dispatchEvent('[data-testid="own-drop"]', 'drop', { dataTransfer: dt });
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('/egna-data', () => {
	it('a dropped synthetic file: charts equal the CLI, offline, no request after the drop', async () => {
		const page = await openReady('/egna-data');
		const after: string[] = [];
		h.context.on('request', (r) => {
			if (!/^(blob|data):/.test(r.url())) after.push(r.url());
		});
		await h.context.setOffline(true);
		try {
			await drop(page, path.basename(csvFile), fs.readFileSync(csvFile));
			await page.waitForSelector('[data-phase="mapping"]', { timeout: 60_000 });
			// The guessed mapping is the synthetic file's design: confirmed as is.
			await page.click('button[type="submit"]');
			await page.waitForSelector('[data-testid="own-results"]', { timeout: 60_000 });
			await page.waitForSelector('[data-chart-frame="own-regions-trust_others"] svg [data-region]', { timeout: 30_000 });

			const dots = await page.$$eval('[data-chart-frame="own-regions-trust_others"] svg [data-region]', (els) =>
				els.map((e) => ({ region: e.getAttribute('data-region')!, value: Number(e.getAttribute('data-value')), lo: Number(e.getAttribute('data-ci-low')), hi: Number(e.getAttribute('data-ci-high')) }))
			);
			const expected = cli.filter((r) => r.indicator_id === 'trust_others' && r.sex === 'T' && r.group_dim === 'total' && r.region_code !== '00' && r.value !== null);
			expect(dots.length).toBe(expected.length);
			expect(dots.length).toBeGreaterThanOrEqual(15);
			for (const d of dots) {
				const e = expected.find((r) => r.region_code === d.region)!;
				expect(close(d.value, e.value!), `${d.region} value ${d.value} vs ${e.value}`).toBe(true);
				expect(close(d.lo, e.ci_low!) && close(d.hi, e.ci_high!), `${d.region} CI`).toBe(true);
			}
			const groups = await page.$$eval('[data-chart-frame="own-groups-trust_others-age"] svg [data-group]', (els) =>
				els.map((e) => ({ group: e.getAttribute('data-group')!, value: Number(e.getAttribute('data-value')), n: Number(e.getAttribute('data-n')) }))
			);
			const expectedGroups = cli.filter((r) => r.indicator_id === 'trust_others' && r.sex === 'T' && r.region_code === '00' && r.group_dim === 'age');
			expect(groups.length).toBe(5);
			for (const g of groups) {
				const e = expectedGroups.find((r) => r.group_code === g.group)!;
				expect(close(g.value, e.value!)).toBe(true);
				expect(g.n).toBe(e.n);
			}
			// Suppressed cells (fewer than 100) carry the status and no number, as in the CLI.
			const gotland = cli.find((r) => r.indicator_id === 'trust_others' && r.region_code === '09' && r.sex === 'T' && r.group_dim === 'total')!;
			const row = await page.$eval('[data-testid="own-table"] tr[data-region="09"]', (tr) => tr.getAttribute('data-value'));
			if (gotland.value === null) expect(row).toBe('');
			else expect(close(Number(row), gotland.value)).toBe(true);
			await expect(page.textContent('[data-testid="own-results"]')).resolves.toContain('inte officiell statistik');
			expect(after).toEqual([]);
		} finally {
			await h.context.setOffline(false);
			await page.close();
		}
	});

	it('"Prova med en exempelfil" estimates a synthetic file at once', async () => {
		const page = await openReady('/egna-data');
		await page.click('text=Prova med en exempelfil');
		await page.waitForSelector('[data-testid="own-results"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="own-vs-official"]')).toMatch(/hela filen \d+,\d\s%/);
		expect(await page.$$eval('[data-chart-frame^="own-regions-"] svg [data-region]', (els) => els.length)).toBeGreaterThanOrEqual(15);
		// Exports work on the user's own charts and say what the data are: SVG and CSV.
		const frame = await page.$eval('[data-chart-frame^="own-regions-"]', (e) => e.getAttribute('data-chart-frame')!);
		for (const [key, check] of [
			['csv-standard', (t: string) => expect(t).toContain('Egna data, inte officiell statistik')],
			['svg', (t: string) => expect(t).toMatch(/^<\?xml|<svg/)]
		] as const) {
			await page.click(`#${frame}-export-button`);
			await page.waitForSelector(`#${frame}-export-menu [data-export="${key}"]`);
			const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`#${frame}-export-menu [data-export="${key}"]`)]);
			check(fs.readFileSync((await dl.path())!, 'utf8'));
			expect(dl.suggestedFilename()).not.toContain('exempeldata');
		}
		// The form, the charts and the tables: no WCAG 2.1 AA violations.
		expect(await wcag21aaViolations(page)).toEqual([]);
		await page.close();
	});

	it('English page, and clear messages for files that are not survey files', async () => {
		const page = await openReady('/en/own-data');
		expect(await page.textContent('h1')).toBe('Own data');
		await drop(page, 'prices.csv', 'product,price\napple,1.5\npear,2.25\n');
		await page.waitForSelector('[data-testid="own-error"]');
		expect(await page.textContent('[data-testid="own-error"]')).toContain('prices.csv: this does not look like a respondent-level survey file: no questions with answer codes');
		await drop(page, 'codes.csv', 'id,q1,q2\n1,1,2\n2,2,1\n3,1,9\n');
		await page.waitForFunction(() => document.querySelector('[data-testid="own-error"]')?.textContent?.includes('codes.csv'));
		expect(await page.textContent('[data-testid="own-error"]')).toContain('codes.csv: this does not look like a respondent-level survey file: no column of weights (positive numbers) among 3 columns');
		await drop(page, 'utf16.csv', Buffer.from('\ufeffw,y\n1,1\n', 'utf16le'));
		await page.waitForFunction(() => document.querySelector('[data-testid="own-error"]')?.textContent?.includes('utf16.csv'));
		expect(await page.textContent('[data-testid="own-error"]')).toContain('utf16.csv: unreadable: binary content (NUL bytes), not a text file; UTF-16 files must be saved as UTF-8');
		await drop(page, 'data.sav', 'x');
		await page.waitForFunction(() => document.querySelector('[data-testid="own-error"]')?.textContent?.includes('data.sav'));
		expect(await page.textContent('[data-testid="own-error"]')).toContain('File → Export → CSV');
		await page.close();
	});

	it('the mapping saves as the CLI\'s YAML and loads again; a file too large is refused with the reason', async () => {
		const page = await openReady('/egna-data');
		await drop(page, path.basename(csvFile), fs.readFileSync(csvFile));
		await page.waitForSelector('[data-phase="mapping"]', { timeout: 60_000 });
		const [dl] = await Promise.all([page.waitForEvent('download'), page.click('text=Spara mappningen (YAML)')]);
		const yaml = fs.readFileSync((await dl.path())!, 'utf8');
		const saved = parseDesignYaml(yaml);
		expect(saved).toEqual(parseDesignYaml(syntheticDesignYaml(syntheticItems('hlv'), 2024)));
		// Changed on disk (Korn–Graubard, one item) and loaded back into the form.
		const edited = path.join(tmp, 'edited.yaml');
		fs.writeFileSync(edited, yaml.replace('ci: wald', 'ci: korn-graubard'));
		await page.setInputFiles('.file-button input[type="file"]', edited);
		await page.waitForFunction(() => [...document.querySelectorAll('form.mapping select')].some((s) => (s as HTMLSelectElement).value === 'korn-graubard'));
		// A 500 MB file (size as the browser reports it) is refused before anything is read.
		await page.evaluate(() => {
			const f = new File(['x'], 'huge.csv');
			Object.defineProperty(f, 'size', { value: 500 * 2 ** 20 });
			const dt = new DataTransfer();
			dt.items.add(f);
			document.querySelector('[data-testid="own-drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
		});
		await page.waitForSelector('[data-testid="own-error"]');
		expect(await page.textContent('[data-testid="own-error"]')).toContain('huge.csv: too large for the browser');
		await page.close();
	});

	it('a Windows-1252 file with semicolons and decimal commas gives the same numbers as UTF-8', async () => {
		const text = fs.readFileSync(csvFile, 'utf8').split('\n').slice(0, 3001).join('\n');
		const semi = text.replaceAll(',', ';').replace(/;(\d+)\.(\d+);/g, ';$1,$2;').replace('vikt', 'vikt_ä');
		const utf8 = path.join(tmp, 'first3000.csv');
		fs.writeFileSync(utf8, text + '\n');
		const expected = (await estimateFile(utf8, parseDesignYaml(syntheticDesignYaml(syntheticItems('hlv'), 2024)))).rows.find(
			(r) => r.indicator_id === 'trust_others' && r.region_code === '00' && r.sex === 'T' && r.group_dim === 'total'
		)!;
		const page = await openReady('/egna-data');
		await drop(page, 'ansi.csv', Buffer.from(semi, 'latin1'));
		await page.waitForSelector('[data-phase="mapping"]', { timeout: 60_000 });
		expect(await page.$eval('form.mapping select', (s) => (s as HTMLSelectElement).value)).toBe('vikt_ä');
		await page.click('button[type="submit"]');
		await page.waitForSelector('[data-testid="own-results"]', { timeout: 60_000 });
		const value = await page.$eval('[data-testid="own-table"] tr[data-region="00"]', (tr) => tr.getAttribute('data-value'));
		expect(close(Number(value), expected.value!)).toBe(true);
		await page.close();
	});
});
