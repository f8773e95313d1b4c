/**
 * Slide decks (#14), end to end: built in Chromium from the pages' deck buttons, opened as zip +
 * XML (jszip, linkedom's XML parser) for native charts and the native table, and rendered by a
 * real presentation program — LibreOffice Impress, headless — to PDF (pdftotext, pdfinfo) and PNG
 * (pdftoppm). All decks go through ONE soffice run, with a private profile so parallel runs do
 * not clash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/browser.ts';
import { OUTCOME_COLOR } from '../../src/lib/charts/palette.ts';
import { FIXED_IDS as TWELVE } from '../helpers/indicator-ids.ts';

interface DeckDetail {
	format: string;
	fileName: string;
	slides: number;
	titles: string[];
	ms: number;
	demo: boolean;
}
interface Deck {
	name: string;
	bytes: Buffer;
	detail: DeckDetail;
	zip: JSZip;
	pdfText: string[];
	pngs: string[];
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'present-decks-'));
const decks = new Map<string, Deck>();
let h: Harness;
const indicatorsJson = JSON.parse(fs.readFileSync(path.resolve('static/data/indicators.json'), 'utf8')) as { id: string; short: { sv: string; en: string }; name: { sv: string; en: string } }[];

async function download(pathname: string, name: string, pictures = false): Promise<void> {
	const page = await h.open(pathname);
	await page.waitForFunction(() => document.querySelector('.present-button') !== null, null, { timeout: 60_000 });
	await page.evaluate(() => {
		const w = window as unknown as { __decks: unknown[] };
		w.__decks = [];
		document.addEventListener('chart-export', (e) => w.__decks.push((e as CustomEvent).detail));
	});
	const button = page.locator(pictures ? '.deck button.pictures' : '.deck button.slides');
	const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
	const bytes = fs.readFileSync((await dl.path())!);
	await page.waitForFunction(() => (window as unknown as { __decks: unknown[] }).__decks.length > 0);
	const detail = await page.evaluate(() => (window as unknown as { __decks: DeckDetail[] }).__decks[0]);
	expect(detail.fileName).toBe(dl.suggestedFilename());
	fs.writeFileSync(path.join(out, `${name}.pptx`), bytes);
	decks.set(name, { name, bytes, detail, zip: await JSZip.loadAsync(bytes), pdfText: [], pngs: [] });
	await page.close();
}

const xml = async (d: Deck, part: string) => new DOMParser().parseFromString(await d.zip.file(part)!.async('string'), 'text/xml');
const slideParts = (d: Deck) =>
	Object.keys(d.zip.files)
		.filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))
		.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
/** All text runs of a part, in order. */
const runs = (doc: { getElementsByTagName(n: string): ArrayLike<{ textContent: string | null }> }) => Array.from(doc.getElementsByTagName('a:t'), (e) => e.textContent ?? '').join(' ');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Text as LibreOffice laid it out, with line breaks (and hyphenation at breaks) undone. */
const flat = (s: string) => s.replace(/-\n/g, '-').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
	h = await startHarness();
	await download('/region/21', 'region-21-sv');
	await download('/en/region/21', 'region-21-en');
	await download('/region/21', 'region-21-sv-pictures', true);
	await download('/delmal/3', 'delmal-3-sv');
	await download('/en/indikator/no_confidant', 'indikator-no_confidant-en');
	// One LibreOffice run for every deck: PDF, then text per page and PNGs.
	const files = [...decks.keys()].map((n) => path.join(out, `${n}.pptx`));
	const profile = `file://${fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'))}`;
	execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], { stdio: 'pipe', timeout: 240_000 });
	for (const d of decks.values()) {
		const pdf = path.join(out, `${d.name}.pdf`);
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
		for (let p = 1; p <= pages; p++) d.pdfText.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }));
		execFileSync('pdftoppm', ['-r', '40', '-png', pdf, path.join(out, d.name)], { timeout: 120_000 });
		d.pngs = fs.readdirSync(out).filter((f) => f.startsWith(`${d.name}-`) && f.endsWith('.png')).map((f) => path.join(out, f));
	}
}, 600_000);

afterAll(async () => {
	await h?.close();
	console.log(`decks in ${out}: ${[...decks.values()].map((d) => `${d.name} ${d.detail.slides} slides, built in ${d.detail.ms} ms`).join('; ')}`);
});

describe('region deck from /region/21', () => {
	for (const lang of ['sv', 'en'] as const) {
		const name = `region-21-${lang}`;
		it(`${lang}: ≥ 16 slides, every one rendered by LibreOffice, titles in full`, () => {
			const d = decks.get(name)!;
			expect(slideParts(d).length).toBe(d.detail.slides);
			expect(d.detail.slides).toBeGreaterThanOrEqual(16);
			expect(d.pdfText).toHaveLength(d.detail.slides);
			expect(d.pngs).toHaveLength(d.detail.slides);
			// Each PNG has drawn content, not an empty page (a blank 40-dpi slide compresses to well under 1 KB).
			for (const png of d.pngs) expect(fs.statSync(png).size, png).toBeGreaterThan(2_000);
			// No title cut off: every slide's title is in that page's rendered text in full.
			d.detail.titles.forEach((title, i) => expect(flat(d.pdfText[i]), `slide ${i + 1}`).toContain(norm(title)));
		});

		it(`${lang}: the title slide names the county, the strategy, the date and the source`, async () => {
			const d = decks.get(name)!;
			const page1 = flat(d.pdfText[0]);
			expect(page1).toContain('Gävleborgs län');
			expect(d.detail.titles[0]).toContain('Gävleborgs län');
			expect(page1).toContain('Tillsammans – för god gemenskap i hela befolkningen');
			expect(page1).toMatch(/\d{4}-\d{2}-\d{2}/);
			expect(page1).toContain(lang === 'sv' ? 'Källa:' : 'Source:');
		});

		it(`${lang}: the summary is a native table with the 12 indicators, value, CI, nation and outcome in words and colour`, async () => {
			const d = decks.get(name)!;
			const doc = await xml(d, 'ppt/slides/slide2.xml');
			const tables = doc.getElementsByTagName('a:tbl');
			expect(tables.length).toBe(1);
			const rows = [...tables[0].getElementsByTagName('a:tr')];
			expect(rows).toHaveLength(13); // header + 12
			const firstCells = rows.slice(1).map((r) => norm(r.getElementsByTagName('a:tc')[0].textContent ?? ''));
			for (const id of TWELVE) {
				const short = indicatorsJson.find((i) => i.id === id)!.short[lang];
				expect(firstCells.some((c) => c.startsWith(short)), `${id} in the table`).toBe(true);
			}
			const header = norm(rows[0].textContent ?? '');
			expect(header).toContain(lang === 'sv' ? 'Riket' : 'Sweden');
			expect(header).toContain(lang === 'sv' ? '95 % KI' : '95% CI');
			// The outcome column: words from the site's labels, filled with the site's outcome colours.
			const fills = new Set([...rows[0].ownerDocument.getElementsByTagName('a:srgbClr')].map((e) => e.getAttribute('val')));
			const colours = Object.values(OUTCOME_COLOR).map((c) => c.slice(1).toUpperCase());
			expect([...fills].some((f) => colours.includes(f!))).toBe(true);
			expect(norm(runs(doc))).toMatch(lang === 'sv' ? /Bättre än riket|Sämre än riket|Ingen säker skillnad|Ej jämförd/ : /Better than Sweden|Worse than Sweden|No clear difference|Not compared/);
			// In the render, the table's rows are all there (each short name on page 2).
			for (const id of TWELVE) expect(flat(d.pdfText[1])).toContain(indicatorsJson.find((i) => i.id === id)!.short[lang]);
		});

		it(`${lang}: charts are native c:chart parts (line and column), 16:9, chart text ≥ 14 pt, outcome colours`, async () => {
			const d = decks.get(name)!;
			const charts = Object.keys(d.zip.files).filter((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k));
			expect(charts.length).toBe(24); // trend + ranking for each of the 12
			const kinds = new Set<string>();
			const sizes: number[] = [];
			const colours = new Set<string>();
			for (const c of charts) {
				const doc = await xml(d, c);
				expect(doc.getElementsByTagName('c:chart').length).toBe(1);
				if (doc.getElementsByTagName('c:lineChart').length) kinds.add('line');
				if (doc.getElementsByTagName('c:barChart').length) kinds.add('bar');
				for (const e of doc.getElementsByTagName('a:defRPr')) if (e.getAttribute('sz')) sizes.push(Number(e.getAttribute('sz')));
				for (const e of doc.getElementsByTagName('a:srgbClr')) colours.add(e.getAttribute('val')!);
			}
			expect([...kinds].sort()).toEqual(['bar', 'line']);
			expect(sizes.length).toBeGreaterThan(0);
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1400);
			expect(Object.values(OUTCOME_COLOR).some((c) => colours.has(c.slice(1).toUpperCase()))).toBe(true);
			// Slides reference their charts: the graphic frames are in the slides, not just in the package.
			const frames = (await Promise.all(slideParts(d).map(async (s) => (await xml(d, s)).getElementsByTagName('c:chart').length))).reduce((a, b) => a + b, 0);
			expect(frames).toBe(24);
			const pres = await xml(d, 'ppt/presentation.xml');
			const sz = pres.getElementsByTagName('p:sldSz')[0];
			expect(Number(sz.getAttribute('cx')) / Number(sz.getAttribute('cy'))).toBeCloseTo(16 / 9, 2);
		});

		it(`${lang}: each indicator's slides are titled by its name and name the county; notes carry sentences, source, period and link`, async () => {
			const d = decks.get(name)!;
			for (const id of TWELVE) {
				const full = indicatorsJson.find((i) => i.id === id)!.name[lang];
				expect(d.detail.titles.filter((t) => t === full)).toHaveLength(2);
			}
			const notes = await Promise.all(
				Object.keys(d.zip.files)
					.filter((k) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(k))
					.map(async (k) => norm(runs(await xml(d, k))))
			);
			expect(notes).toHaveLength(d.detail.slides);
			const all = notes.join('\n');
			expect(all).toContain(lang === 'sv' ? 'Källa:' : 'Source:');
			expect(all).toContain(`${h.server.url}${lang === 'en' ? '/en' : ''}/region/21`);
			expect(all).toMatch(lang === 'sv' ? /i Gävleborgs län/ : /Gävleborg/);
			expect(all).not.toMatch(/(\d{4}) – (\d{4})/); // never "2023 – 2022"
			// Periods are earliest → latest everywhere in the rendered text.
			for (const m of d.pdfText.join('\n').matchAll(/\b(\d{4})–(\d{4})\b/g)) expect(Number(m[2]), m[0]).toBeGreaterThanOrEqual(Number(m[1]));
			// The sources slide says which indicators are example data.
			expect(flat(d.pdfText.at(-1)!)).toContain(lang === 'sv' ? 'Exempeldata' : 'Example data');
		});
	}

	it('the picture version holds pictures (CI bands) for the charts, and says so in the menu', async () => {
		const d = decks.get('region-21-sv-pictures')!;
		expect(d.detail.format).toBe('pptx-pictures');
		const media = Object.keys(d.zip.files).filter((k) => /^ppt\/media\/.+\.png$/.test(k));
		expect(media.length).toBeGreaterThanOrEqual(25); // spine + 24
		expect(d.pdfText).toHaveLength(d.detail.slides);
	});
});

describe('subgoal and indicator decks', () => {
	it('/delmal/3: title, table of its four indicators, one trend and one ranking slide each, rendered', async () => {
		const d = decks.get('delmal-3-sv')!;
		expect(d.detail.titles[0]).toMatch(/^Delmål 3/);
		expect(d.pdfText).toHaveLength(d.detail.slides);
		expect(d.detail.slides).toBe(1 + 1 + 4 * 2 + 1);
		const rows = (await xml(d, 'ppt/slides/slide2.xml')).getElementsByTagName('a:tr');
		expect(rows).toHaveLength(5);
		d.detail.titles.forEach((title, i) => expect(flat(d.pdfText[i])).toContain(norm(title)));
	});

	it('/en/indikator/no_confidant: English, the indicator as title, rendered', async () => {
		const d = decks.get('indikator-no_confidant-en')!;
		const name = indicatorsJson.find((i) => i.id === 'no_confidant')!.name.en;
		expect(d.detail.titles[0]).toBe(name);
		expect(flat(d.pdfText[0])).toContain('Source:');
		expect(d.pdfText).toHaveLength(d.detail.slides);
		d.detail.titles.forEach((title, i) => expect(flat(d.pdfText[i])).toContain(norm(title)));
	});
});

describe('English decks name their sources in English (#20 item 13)', () => {
	const sources = JSON.parse(fs.readFileSync(path.resolve('static/data/sources.json'), 'utf8')) as { publisher: string; publisher_en?: string }[];
	const swedish = [...new Set(sources.filter((s) => s.publisher_en && s.publisher_en !== s.publisher).map((s) => s.publisher))];
	it.each(['region-21-en', 'indikator-no_confidant-en'])('%s: no slide, note or rendered page shows a Swedish source name', async (name) => {
		expect(swedish).toContain('Exempeldata (syntetiska)');
		const d = decks.get(name)!;
		const parts = Object.keys(d.zip.files).filter((k) => /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/.test(k));
		const text = [norm((await Promise.all(parts.map(async (k) => runs(await xml(d, k))))).join('\n')), flat(d.pdfText.join('\n'))].join('\n');
		expect(text).toContain('Source:');
		for (const n of swedish) expect(text.includes(n), `"${n}" in ${name}`).toBe(false);
		expect(text).not.toMatch(/Källa|citerad i/);
		// The producers on the title slide are the English names.
		expect(flat(d.pdfText[0])).toMatch(/Public Health Agency of Sweden|Statistics Sweden|Example data/);
	});
});
