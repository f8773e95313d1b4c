/**
 * Slide decks for the region, subgoal and indicator pages, built in the browser from the deck's
 * prerendered data (`deck-data.ts`). Charts go in as NATIVE PowerPoint charts (line, column) and
 * the summary as a native table, so a presenter can restyle them in their own template; what a
 * native chart cannot draw faithfully (the spine; CI bands and the CI-marked county ranking when
 * the presenter picks pictures) goes in as a picture drawn by the site's own chart code.
 *
 * pptxgenjs is imported here only, and this module only dynamically, so neither is in any
 * page's initial bundle.
 */
import type PptxGenJS from 'pptxgenjs';
import { OUTCOME_COLOR, type Outcome } from '$lib/charts/palette';
import { publisherName, sourceTitle } from '$lib/data/catalog';
import { periodLabel, type Observation } from '$lib/data/observation';
import { formatPercent } from '$lib/i18n/format';
import { periodRange } from '$lib/view/period-range';
import type { DeckData, DeckIndicator } from './deck-data';
import { deckTexts, type DeckTexts } from './deck-texts';
import { isoDate } from './texts';

type Lang = 'sv' | 'en';
type Slide = ReturnType<PptxGenJS['addSlide']>;

/** A chart the deck wants as a picture: the same figure the page draws, as PNG. */
export type PictureRequest =
	| { kind: 'spine'; data: DeckData }
	| { kind: 'trend'; indicator: DeckIndicator; data: DeckData }
	| { kind: 'regions'; indicator: DeckIndicator; data: DeckData };
export type PictureRenderer = (req: PictureRequest, lang: Lang) => Promise<{ png: string; width: number; height: number } | null>;

export interface DeckOptions {
	lang: Lang;
	/** Pictures of the trend (with its CI band) and the county ranking (with CIs) instead of native charts. */
	pictures: boolean;
	/** Site origin + base, for permalinks: "https://example.org". */
	siteUrl: string;
	picture?: PictureRenderer;
	now?: Date;
}

export interface BuiltDeck {
	blob: Blob;
	slides: number;
	titles: string[];
}

// 16:9, 10 × 5.625 in.
const W = 10;
const PAD = 0.4;
const INNER = W - 2 * PAD;
const FONT = 'Arial';
const INK = '1B1B1B';
const MUTED = '4D4D4D';
const SERIES = '005C8A';
const NATION = '595959';
const DEMO = '8A3B00';
/** Smallest text on any chart, table or slide body: readable from the back of a room. */
export const MIN_PT = 14;

const hex = (c: string) => c.replace('#', '').toUpperCase();
const OUTCOME_SHAPE: Record<Outcome, string> = { better: '▲', worse: '◆', similar: '●', higher: '▲', lower: '◆', 'not-compared': '✕' };
const STRATEGY = { start: 2025, end: 2029 };

const isDemo = (rows: readonly Observation[]) => rows.some((r) => r.is_demo);

/** Short county name for crowded axes: "Gävleborgs län" → "Gävleborg", "Stockholms län" → "Stockholm". */
export function shortCounty(name: string): string {
	return name.replace(/s? län$/, '').replace(/ County$/, '');
}

function permalink(opts: DeckOptions, data: DeckData): string {
	return `${opts.siteUrl}${opts.lang === 'en' ? '/en' : ''}${data.path}`;
}

class DeckWriter {
	titles: string[] = [];
	constructor(
		readonly pptx: PptxGenJS,
		readonly t: DeckTexts,
		readonly opts: DeckOptions,
		readonly data: DeckData
	) {}

	/** Top of the free area under the last slide's title and subtitle (they may wrap). */
	top = 1.25;

	slide(title: string, subtitle: string, demo: boolean): Slide {
		const s = this.pptx.addSlide();
		this.titles.push(title);
		// Lines estimated from average Arial glyph widths (24 pt bold ≈ 0.2 in, 14 pt ≈ 0.095 in).
		const titleLines = Math.max(1, Math.ceil((title.length * 0.2) / (demo ? INNER - 2.1 : INNER)));
		const subLines = subtitle ? Math.ceil((subtitle.length * 0.095) / INNER) : 0;
		const titleH = 0.42 * titleLines + 0.08;
		s.addText(title, { x: PAD, y: 0.2, w: demo ? INNER - 2.1 : INNER, h: titleH, fontSize: 24, bold: true, fontFace: FONT, color: INK, valign: 'top', margin: 0 });
		if (demo) s.addText(this.t.demo, { x: W - PAD - 1.9, y: 0.22, w: 1.9, h: 0.42, fontSize: MIN_PT + 2, bold: true, fontFace: FONT, color: DEMO, fill: { color: 'FFF4E5' }, line: { color: DEMO, width: 1.5 }, align: 'center', valign: 'middle' });
		const subY = 0.2 + titleH + 0.04;
		if (subtitle) s.addText(subtitle, { x: PAD, y: subY, w: INNER, h: 0.26 * subLines + 0.06, fontSize: MIN_PT, fontFace: FONT, color: MUTED, valign: 'top', margin: 0 });
		this.top = subY + 0.26 * subLines + 0.14;
		return s;
	}

	/** The area for a chart or table: from under the subtitle to above the footer. */
	box(): { x: number; y: number; w: number; h: number } {
		return { x: PAD, y: this.top, w: INNER, h: 5.08 - this.top };
	}

	footer(s: Slide, text: string) {
		s.addText(text, { x: PAD, y: 5.12, w: INNER, h: 0.4, fontSize: 11, fontFace: FONT, color: MUTED, valign: 'bottom' });
	}

	notes(s: Slide, parts: (string | false | null | undefined)[]) {
		// pptxgenjs writes notes as one text run; each part ends in a full stop, one line is fine.
		s.addNotes(parts.filter(Boolean).join(' · '));
	}

	sourceLine(ind: DeckIndicator | null): string {
		const ids = new Set(ind ? [...ind.area, ...ind.nation, ...ind.counties].map((r) => r.source_id) : this.data.sources.map((s) => s.source_id));
		const names = [...new Set(this.data.sources.filter((s) => ids.has(s.source_id)).map((s) => publisherName(s, this.opts.lang)))];
		return `${this.t.source}: ${names.join('; ') || 'Ensamhetsmonitorn'}`;
	}
}

export async function buildDeck(data: DeckData, opts: DeckOptions): Promise<BuiltDeck> {
	const { default: Pptx } = await import('pptxgenjs');
	const pptx = new Pptx();
	const t = deckTexts[opts.lang];
	const lang = opts.lang;
	pptx.layout = 'LAYOUT_16x9';
	const deckTitle = t.deckTitle(data, lang);
	pptx.title = deckTitle;
	pptx.subject = t.strategy;
	pptx.author = 'Ensamhetsmonitorn';
	pptx.company = 'Ensamhetsmonitorn';
	const w = new DeckWriter(pptx, t, opts, data);
	const anyDemo = data.indicators.some((i) => isDemo([...i.area, ...i.nation, ...i.counties]));

	titleSlide(w, deckTitle, anyDemo);
	summarySlide(w);
	if (data.kind === 'region' && data.area.code !== '00') await spineSlide(w);
	for (const ind of data.indicators) {
		await trendSlide(w, ind);
		await rankingSlide(w, ind);
	}
	sourcesSlide(w);

	const out = await pptx.write({ outputType: 'blob', compression: true });
	const blob = out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
	return { blob, slides: w.titles.length, titles: w.titles };
}

function titleSlide(w: DeckWriter, deckTitle: string, demo: boolean) {
	const { t, data, opts } = w;
	const s = w.pptx.addSlide();
	w.titles.push(deckTitle);
	s.background = { color: 'F4F7FA' };
	s.addShape('rect', { x: 0, y: 0, w: 0.25, h: 5.625, fill: { color: SERIES }, line: { color: SERIES } });
	s.addText(deckTitle, { x: 0.7, y: 0.9, w: 8.6, h: 1.1, fontSize: 40, bold: true, fontFace: FONT, color: INK, valign: 'bottom', fit: 'shrink' });
	s.addText(t.deckSubtitle(data), { x: 0.7, y: 2.05, w: 8.6, h: 0.5, fontSize: 20, fontFace: FONT, color: INK });
	s.addText(t.strategyLine, { x: 0.7, y: 2.6, w: 8.6, h: 0.8, fontSize: 18, italic: true, fontFace: FONT, color: MUTED, valign: 'top' });
	// The producers only ("SCB, Folkhälsomyndigheten, …"); full citations are on the last slide.
	const producers = [...new Set(data.sources.map((x) => publisherName(x, opts.lang).split(/ \(| via /)[0].trim()))].join(', ');
	s.addText(`${isoDate(opts.now)} · ${t.source}: ${producers || 'Ensamhetsmonitorn'} (${t.sourcesOnLast.replace(/^[^:]+: /, '').replace(/\.$/, '')})`, { x: 0.7, y: 3.7, w: 8.6, h: 0.7, fontSize: MIN_PT, fontFace: FONT, color: INK, valign: 'top' });
	if (demo) s.addText(t.demoTitleNote, { x: 0.7, y: 4.5, w: 8.6, h: 0.6, fontSize: MIN_PT, bold: true, fontFace: FONT, color: DEMO, valign: 'top' });
	w.notes(s, [deckTitle + '.', t.strategyLine + '.', w.sourceLine(null) + '.', `${t.link}: ${permalink(opts, data)}`]);
}

function summarySlide(w: DeckWriter) {
	const { t, data, opts } = w;
	const lang = opts.lang;
	const nationDeck = data.area.code === '00';
	const rows = data.indicators;
	const all = rows.flatMap((i) => (i.latest ? [i.latest] : []));
	const title = t.summaryTitle(data, lang);
	const s = w.slide(title, `${t.period}: ${periodRange(all, lang)}. ${t.summarySubtitle(nationDeck)}`, isDemo(all));
	const anyDemo = isDemo(all);
	const head = (text: string, align: 'left' | 'right' = 'left') => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: SERIES }, align } });
	const header = nationDeck
		? [head(t.indicator), head(t.period), head(t.value, 'right'), head(t.ci, 'right'), head('n', 'right')]
		: [head(t.indicator), head(t.period), head(t.value, 'right'), head(t.ci, 'right'), head(t.nation, 'right'), head(t.comparison)];
	const body = rows.map((ind) => {
		const e = ind.latest;
		const v = e?.value != null ? formatPercent(e.value, lang) : (e?.status ?? '–');
		const ci = e?.ci_low != null && e.ci_high != null ? `${formatPercent(e.ci_low, lang)}–${formatPercent(e.ci_high, lang)}` : '–';
		const name = ind.short[lang] + (e?.is_demo ? ' *' : '');
		const cells = [{ text: name }, { text: e ? periodLabel(e) : '–' }, { text: v, options: { align: 'right' as const } }, { text: ci, options: { align: 'right' as const } }];
		if (nationDeck) return [...cells, { text: e?.n != null ? String(e.n) : '–', options: { align: 'right' as const } }];
		const o = ind.outcome;
		return [
			...cells,
			{ text: ind.benchmark?.value != null ? formatPercent(ind.benchmark.value, lang) : '–', options: { align: 'right' as const } },
			// Outcome in words, in its colour, with its shape: never colour alone.
			{ text: `${OUTCOME_SHAPE[o]} ${t.outcome[o]}`, options: { color: o === 'not-compared' ? INK : 'FFFFFF', fill: { color: o === 'not-compared' ? 'E6E6E6' : hex(OUTCOME_COLOR[o]) }, bold: true } }
		];
	});
	// The outcome column is wide enough for its longest words on one line ("Ingen statistiskt
	// säkerställd skillnad"): a wrapped row would push the last indicators off the slide.
	const colW = nationDeck ? [4.0, 1.3, 1.1, 1.8, 1.0] : [2.5, 0.95, 0.72, 1.28, 0.72, 3.03];
	const rowH = Math.min(0.3, w.box().h / (body.length + 1), rows.length > 8 ? 0.25 : 0.3);
	s.addTable([header, ...body], { x: PAD, y: w.top, w: INNER, colW, rowH, fontSize: rows.length > 8 ? 11 : MIN_PT, fontFace: FONT, color: INK, border: { type: 'solid', pt: 0.5, color: 'BFBFBF' }, valign: 'middle', margin: 0.03, autoPage: false });
	w.footer(s, `${t.sourcesOnLast} ${t.ciNote}${anyDemo ? ` * = ${t.demoShort}.` : ''}`);
	w.notes(s, [
		title + '.',
		...rows.flatMap((i) => i.sentences[lang].slice(0, 1)),
		w.sourceLine(null) + '.',
		`${t.period}: ${periodRange(all, lang)}.`,
		isDemo(all) && t.demoNote,
		`${t.link}: ${permalink(opts, data)}`
	]);
}

async function spineSlide(w: DeckWriter) {
	const { t, data, opts } = w;
	const rows = data.indicators.flatMap((i) => (i.latest ? [i.latest] : []));
	const title = t.spineTitle(data.area.name[opts.lang]);
	const s = w.slide(title, `${t.spineSubtitle} ${t.period}: ${periodRange(rows, opts.lang)}.`, isDemo(rows));
	const pic = await opts.picture?.({ kind: 'spine', data }, opts.lang);
	if (pic) placePicture(s, pic, w.box(), title);
	else s.addText(t.pictureMissing, { x: PAD, y: 2.5, w: INNER, h: 1, fontSize: MIN_PT + 4, color: MUTED, align: 'center' });
	w.footer(s, `${t.sourcesOnLast} ${t.pictureNote}`);
	w.notes(s, [title + '.', t.spineSubtitle, ...data.indicators.map((i) => i.sentences[opts.lang][0]).filter(Boolean), w.sourceLine(null) + '.', `${t.link}: ${permalink(opts, data)}`]);
}

/**
 * The chart part of a slide: a note when there is nothing to draw, the page's own figure as a
 * picture when the deck asks for pictures, else the native (editable) PowerPoint chart.
 */
async function chartOrPicture(
	s: Slide,
	box: { x: number; y: number; w: number; h: number },
	opts: DeckOptions,
	chart: { emptyText: string | null; picture: PictureRequest; alt: string },
	native: () => void
): Promise<void> {
	if (chart.emptyText !== null) s.addText(chart.emptyText, { ...box, fontSize: MIN_PT + 4, color: MUTED, align: 'center' });
	else if (opts.pictures && opts.picture) {
		const pic = await opts.picture(chart.picture, opts.lang);
		if (pic) placePicture(s, pic, box, chart.alt);
	} else native();
}

function placePicture(s: Slide, pic: { png: string; width: number; height: number }, box: { x: number; y: number; w: number; h: number }, alt: string) {
	const k = Math.min(box.w / pic.width, box.h / pic.height);
	const w = pic.width * k;
	const h = pic.height * k;
	s.addImage({ data: `image/png;base64,${pic.png}`, x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, altText: alt });
}

/** Axis maximum: a round number above every value shown, so native and site charts agree on scale. */
function axisMax(values: number[]): number {
	const top = Math.max(10, ...values);
	return Math.ceil((top * 1.1) / 5) * 5;
}

const axisText = { dataLabelFontSize: MIN_PT, titleFontSize: MIN_PT + 2, catAxisTitleFontSize: MIN_PT, valAxisTitleFontSize: MIN_PT, catAxisLabelFontSize: MIN_PT, valAxisLabelFontSize: MIN_PT, legendFontSize: MIN_PT, catAxisLabelFontFace: FONT, valAxisLabelFontFace: FONT, legendFontFace: FONT, catAxisLabelColor: INK, valAxisLabelColor: INK };

async function trendSlide(w: DeckWriter, ind: DeckIndicator) {
	const { t, data, opts } = w;
	const lang = opts.lang;
	const area = ind.area.filter((r) => r.value !== null);
	const nation = ind.nation.filter((r) => r.value !== null);
	const shown = [...area, ...nation];
	const areaName = data.area.name[lang];
	const span = periodRange(shown, lang);
	const title = ind.name[lang];
	const subtitle = `${t.trendSubtitle(areaName, nation.length > 0)} · ${t.allSexes} · ${t.period}: ${span}`;
	const s = w.slide(title, subtitle, isDemo(shown));
	const baseline = area.filter((r) => r.period_end < STRATEGY.start).at(-1);
	const box = w.box();
	await chartOrPicture(s, box, opts, { emptyText: area.length ? null : t.noValues, picture: { kind: 'trend', indicator: ind, data }, alt: `${title}. ${subtitle}` }, () => {
		// Categories: every period of either line, earliest first; single years run on to the end of the strategy period.
		const keys = new Map<string, { s: number; e: number }>();
		for (const r of shown) keys.set(periodLabel(r), { s: r.period_start, e: r.period_end });
		const single = shown.every((r) => r.period_start === r.period_end);
		// Single years: every year from the first to the end of the strategy period, so the
		// category axis spaces years evenly; survey years with none between them are joined by the line.
		if (single) for (let y = Math.min(...shown.map((r) => r.period_end)); y <= STRATEGY.end; y++) keys.set(String(y), { s: y, e: y });
		const cats = [...keys.entries()].sort((a, b) => a[1].e - b[1].e || a[1].s - b[1].s).map(([k]) => k);
		const valuesOf = (rows: Observation[]) => cats.map((c) => rows.find((r) => periodLabel(r) === c)?.value ?? null);
		const series = [{ name: areaName, labels: cats, values: valuesOf(area) }];
		const colors = [SERIES];
		if (nation.length && data.area.code !== '00') series.push({ name: t.nationName, labels: cats, values: valuesOf(nation) }), colors.push(NATION);
		if (baseline) series.push({ name: t.baselineLabel(periodLabel(baseline)), labels: cats, values: cats.map((c) => (c === periodLabel(baseline) ? baseline.value : null)) }), colors.push(INK);
		s.addChart('line', series as never, {
			...box,
			...axisText,
			chartColors: colors,
			lineSize: 3,
			lineDataSymbol: 'circle',
			lineDataSymbolSize: 9,
			// Survey years with gaps between them are joined, as on the site.
			displayBlanksAs: 'span',
			showLegend: true,
			legendPos: 'b',
			valAxisMinVal: 0,
			valAxisMaxVal: axisMax(shown.map((r) => r.value!)),
			valAxisLabelFormatCode: '0" %"',
			showValAxisTitle: false,
			catAxisLabelRotate: cats.some((c) => c.length > 4) || cats.length > 14 ? -45 : 0,
			valGridLine: { color: 'D9D9D9', size: 0.5 },
			catGridLine: { style: 'none' },
			altText: `${title}. ${subtitle}`
		} as never);
	});
	const strategy = t.strategyPeriodNote(baseline ? periodLabel(baseline) : null);
	w.footer(s, `${w.sourceLine(ind)}. ${strategy}`);
	w.notes(s, [title + '.', subtitle + '.', ...ind.sentences[lang], strategy, !opts.pictures && t.nativeCiNote, w.sourceLine(ind) + '.', `${t.period}: ${span}.`, isDemo(shown) && t.demoNote, `${t.link}: ${permalink(opts, data)}`]);
}

async function rankingSlide(w: DeckWriter, ind: DeckIndicator) {
	const { t, data, opts } = w;
	const lang = opts.lang;
	const rows = ind.counties.filter((r) => r.value !== null);
	const counties = rows.filter((r) => r.region_code !== '00');
	const nation = rows.find((r) => r.region_code === '00');
	const highlight = data.area.code !== '00' ? data.area.code : null;
	const name = (code: string) => data.regionNames[code]?.[lang] ?? code;
	// Best first: for "higher is worse" indicators the lowest value ranks first.
	const dir = ind.polarity === 'higher-is-worse' ? 1 : -1;
	const ranked = [...counties].sort((a, b) => dir * (a.value! - b.value!));
	const rank = highlight ? ranked.findIndex((r) => r.region_code === highlight) + 1 : 0;
	const span = periodRange(rows, lang);
	const title = ind.name[lang];
	const subtitle = [t.rankingSubtitle, rank ? t.rankOf(name(highlight!), rank, ranked.length) : '', `${t.allSexes} · ${t.period}: ${span}`].filter(Boolean).join(' · ');
	const s = w.slide(title, subtitle, isDemo(rows));
	const box = w.box();
	await chartOrPicture(s, box, opts, { emptyText: counties.length ? null : t.noCounties, picture: { kind: 'regions', indicator: ind, data }, alt: `${title}. ${subtitle}` }, () => {
		// One column per county, coloured by its outcome against the nation (one series per
		// outcome, stacked, so each column has exactly one coloured part); the nation is the
		// last, dark column; this county is marked "►" in its label.
		const list = [...ranked, ...(nation ? [nation] : [])];
		const labels = list.map((r) => (r.region_code === '00' ? t.nationName : (r.region_code === highlight ? '► ' : '') + shortCounty(name(r.region_code))));
		const outcomes = (Object.keys(OUTCOME_COLOR) as Outcome[]).filter((o) => ranked.some((r) => (ind.countyOutcomes[r.region_code] ?? 'not-compared') === o));
		const series = outcomes.map((o) => ({ name: `${OUTCOME_SHAPE[o]} ${t.outcome[o]}`, labels, values: list.map((r) => (r.region_code !== '00' && (ind.countyOutcomes[r.region_code] ?? 'not-compared') === o ? r.value : null)) }));
		const colors = outcomes.map((o) => hex(OUTCOME_COLOR[o]));
		if (nation) series.push({ name: t.nationName, labels, values: list.map((r) => (r.region_code === '00' ? r.value : null)) }), colors.push(INK);
		s.addChart('bar', series as never, {
			...box,
			...axisText,
			barDir: 'col',
			barGrouping: 'stacked',
			barGapWidthPct: 40,
			chartColors: colors,
			showLegend: true,
			legendPos: 't',
			valAxisMinVal: 0,
			valAxisMaxVal: axisMax(rows.map((r) => r.value!)),
			valAxisLabelFormatCode: '0" %"',
			catAxisLabelRotate: -90,
			valGridLine: { color: 'D9D9D9', size: 0.5 },
			catGridLine: { style: 'none' },
			altText: `${title}. ${subtitle}`
		} as never);
	});
	w.footer(s, `${w.sourceLine(ind)}. ${t.rankingNote}`);
	w.notes(s, [
		title + '.',
		subtitle + '.',
		...ind.sentences[lang].slice(0, 1),
		rank ? t.rankOf(name(highlight!), rank, ranked.length) + '.' : '',
		t.rankingNote,
		!opts.pictures && t.nativeCiNote,
		w.sourceLine(ind) + '.',
		`${t.period}: ${span}.`,
		isDemo(rows) && t.demoNote,
		`${t.link}: ${permalink(opts, data)}`
	]);
}

function sourcesSlide(w: DeckWriter) {
	const { t, data, opts } = w;
	const lang = opts.lang;
	const title = t.sourcesTitle;
	const s = w.slide(title, '', false);
	const demoIds = data.indicators.filter((i) => isDemo([...i.area, ...i.nation, ...i.counties]));
	const bullets = [
		// One line per producer; example data once (which indicators: the last line).
		// A secondary page is only where the figure is cited ("citerad i"), never the source.
		...[...Map.groupBy(data.sources.filter((x) => !/^Exempeldata/.test(x.publisher)), (x) => publisherName(x, lang))].map(
			([pub, xs]) => `${pub}: ${[...new Set(xs.map((x) => sourceTitle(x, lang) + (x.cited_in ? `, ${lang === 'sv' ? 'citerad i' : 'cited in'} ${x.cited_in}` : '')))].join('; ')}`
		),
		t.methodCompare,
		t.methodPeriods,
		demoIds.length ? t.demoList(demoIds.map((i) => i.short[lang])) : t.noDemo
	];
	s.addText(
		bullets.map((b) => ({ text: b, options: { bullet: true, breakLine: true } })),
		{ x: PAD, y: 0.9, w: INNER, h: 4.2, fontSize: MIN_PT, fontFace: FONT, color: INK, valign: 'top', paraSpaceAfter: 4, fit: 'shrink' }
	);
	w.footer(s, `${t.link}: ${permalink(opts, data)}`);
	w.notes(s, [title + '.', ...bullets.map((b) => b.replace(/\.?$/, '.')), ...data.sources.filter((x) => x.url).map((x) => `${publisherName(x, lang)}: ${x.url}`), `${t.link}: ${permalink(opts, data)}`]);
}
