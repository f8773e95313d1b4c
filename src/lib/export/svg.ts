/**
 * A standalone export SVG of one chart: the chart's drawn SVG (cloned from the page, every style
 * Plot sets through its <style> inlined as attributes, Arial/Helvetica on every text) framed by
 * title, subtitle, period, legends, source, notes, access date, permalink and — when any shown
 * row is example data — a visible "Exempeldata" mark. PowerPoint and Inkscape honour attributes
 * more reliably than <style>, hence the inlining.
 */
import { levelLabel } from '$lib/view/ci-level';
import { OUTCOME_COLOR, type Outcome } from '$lib/charts/palette';
import { exportTexts, isoDate } from './texts';
import { permalinkOf, type ExportPayload } from './payload';

export type ExportFormat = 'standard' | 'slide';

export interface ExportSvg {
	svg: string;
	width: number;
	height: number;
}

export const FONT = 'Arial, Helvetica, sans-serif';
const INK = '#1b1b1b';
const MUTED = '#4d4d4d';
const DEMO = '#8a3b00';
const CI_FILL = '#7FB3D5';
const SVGNS = 'http://www.w3.org/2000/svg';

const OUTCOME_LABELS: Record<'sv' | 'en', Record<Outcome, string>> = {
	sv: { better: 'Bättre än riket', similar: 'Ingen säker skillnad', worse: 'Sämre än riket', higher: 'Högre än riket', lower: 'Lägre än riket', 'not-compared': 'Ej jämförd' },
	en: { better: 'Better than Sweden', similar: 'No clear difference', worse: 'Worse than Sweden', higher: 'Higher than Sweden', lower: 'Lower than Sweden', 'not-compared': 'Not compared' }
};

export function escapeXml(s: string): string {
	return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Greedy word wrap by an average glyph width (Arial ≈ 0.52 em); long words are cut. */
export function wrap(text: string, maxWidth: number, fontSize: number): string[] {
	const perLine = Math.max(8, Math.floor(maxWidth / (fontSize * 0.52)));
	const lines: string[] = [];
	let line = '';
	for (let word of text.split(/\s+/).filter(Boolean)) {
		while (word.length > perLine) {
			if (line) lines.push(line), (line = '');
			lines.push(word.slice(0, perLine));
			word = word.slice(perLine);
		}
		if (!line) line = word;
		else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
		else lines.push(line), (line = word);
	}
	if (line) lines.push(line);
	return lines;
}

/** Properties Plot sets through CSS that a standalone file must carry as attributes. */
const SHAPE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity'] as const;
const TEXT_PROPS = ['font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline'] as const;
const TEXT_TAGS = new Set(['text', 'tspan', 'textPath']);
const SKIP_TAGS = new Set(['style', 'script', 'defs', 'clipPath', 'mask', 'pattern', 'linearGradient', 'radialGradient', 'stop', 'title', 'desc', 'marker', 'symbol']);

function insideDefs(el: Element): boolean {
	return !!el.parentElement?.closest('defs, clipPath, mask, pattern, marker, symbol');
}

/** Clone a live chart SVG with its computed styles inlined as presentation attributes. */
export function inlineClone(svg: SVGSVGElement): SVGSVGElement {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const src = [svg, ...svg.querySelectorAll('*')];
	const dst = [clone, ...clone.querySelectorAll('*')];
	const drop: Element[] = [];
	for (let i = 0; i < src.length; i++) {
		const o = src[i];
		const c = dst[i];
		const tag = o.localName;
		if (tag === 'style' || tag === 'script') {
			drop.push(c);
			continue;
		}
		if (SKIP_TAGS.has(tag) || insideDefs(o)) continue;
		const cs = getComputedStyle(o);
		if (cs.display === 'none' || cs.visibility === 'hidden') {
			if (o !== svg) drop.push(c);
			continue;
		}
		for (const p of SHAPE_PROPS) {
			const v = cs.getPropertyValue(p);
			if (v) c.setAttribute(p, v.replace(/^url\("?([^")]+)"?\)$/, 'url($1)'));
		}
		if (TEXT_TAGS.has(tag) || o === svg) {
			for (const p of TEXT_PROPS) {
				const v = cs.getPropertyValue(p);
				if (v && !(p === 'dominant-baseline' && v === 'auto')) c.setAttribute(p, v);
			}
			c.setAttribute('font-family', FONT);
		}
		c.removeAttribute('style');
		if (c.hasAttribute('class')) c.removeAttribute('class');
	}
	for (const d of drop) d.remove();
	return clone;
}

interface ChartPart {
	node: SVGSVGElement;
	width: number;
	height: number;
	viewBox: string;
}

/** The main SVG of each `.plot` in the frame (legends and swatches excluded), in page order. */
export function chartSvgs(frame: HTMLElement): SVGSVGElement[] {
	const out: SVGSVGElement[] = [];
	for (const plot of frame.querySelectorAll<HTMLElement>('.plot')) {
		const candidates = [...plot.querySelectorAll<SVGSVGElement>('svg')].filter(
			(s) => !s.parentElement?.closest('svg') && !s.closest('[class*="-swatch"], [class*="legend"]') && !/ramp|legend/.test(s.getAttribute('class') ?? '')
		);
		const area = (s: SVGSVGElement) => {
			const r = s.getBoundingClientRect();
			return r.width * r.height || Number(s.getAttribute('width') ?? 0) * Number(s.getAttribute('height') ?? 0);
		};
		const best = candidates.sort((a, b) => area(b) - area(a))[0];
		if (best) out.push(best);
	}
	return out;
}

function part(svg: SVGSVGElement): ChartPart {
	const vb = svg.viewBox?.baseVal;
	const rect = svg.getBoundingClientRect();
	const width = vb && vb.width ? vb.width : Number(svg.getAttribute('width')) || rect.width || 640;
	const height = vb && vb.height ? vb.height : Number(svg.getAttribute('height')) || rect.height || 400;
	const viewBox = vb && vb.width ? `${vb.x} ${vb.y} ${vb.width} ${vb.height}` : `0 0 ${width} ${height}`;
	return { node: inlineClone(svg), width, height, viewBox };
}

interface LegendItem {
	color: string;
	label: string;
}

/** Comparison legend: Plot's swatches if drawn, else the outcomes the marks carry. */
export function comparisonLegend(frame: HTMLElement, lang: 'sv' | 'en'): LegendItem[] {
	const items: LegendItem[] = [];
	const seen = new Set<string>();
	for (const sw of frame.querySelectorAll<HTMLElement>('[class$="-swatch"]')) {
		const label = sw.textContent?.trim() ?? '';
		const shape = sw.querySelector('svg');
		let color = '';
		for (const el of shape ? [...shape.querySelectorAll('*'), shape] : []) {
			const f = getComputedStyle(el).fill;
			if (f && f !== 'none' && !/rgba\(0, 0, 0, 0\)/.test(f)) {
				color = f;
				break;
			}
		}
		if (label && !seen.has(label)) seen.add(label), items.push({ color: color || INK, label });
	}
	if (items.length) return items;
	const outcomes = new Set<string>();
	for (const el of frame.querySelectorAll('.plot [data-outcome]')) outcomes.add(el.getAttribute('data-outcome')!);
	for (const o of Object.keys(OUTCOME_COLOR) as Outcome[]) if (outcomes.has(o)) items.push({ color: OUTCOME_COLOR[o], label: OUTCOME_LABELS[lang][o] });
	return items;
}

class Writer {
	parts: string[] = [];
	text(x: number, y: number, s: string, size: number, opts: { fill?: string; weight?: string; anchor?: string; cls?: string } = {}) {
		this.parts.push(
			`<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" fill="${opts.fill ?? INK}"${opts.weight ? ` font-weight="${opts.weight}"` : ''}${opts.anchor ? ` text-anchor="${opts.anchor}"` : ''}${opts.cls ? ` class="${opts.cls}"` : ''}>${escapeXml(s)}</text>`
		);
	}
	raw(s: string) {
		this.parts.push(s);
	}
}

/** Build the export SVG. `format: 'slide'` lays it out on a 1920×1080 canvas (16:9). */
export function buildExportSvg(p: ExportPayload, format: ExportFormat = 'standard', now = new Date()): ExportSvg {
	const t = exportTexts[p.lang];
	const charts = chartSvgs(p.element).map(part);
	const gap = 16;
	const chartsW = Math.max(1, charts.reduce((s, c) => s + c.width, 0) + gap * Math.max(0, charts.length - 1));
	const chartsH = Math.max(1, ...charts.map((c) => c.height));

	const slide = format === 'slide';
	const W = slide ? 1920 : Math.max(640, Math.ceil(chartsW) + 48);
	const pad = slide ? 80 : 24;
	const inner = W - 2 * pad;
	const fs = slide ? { title: 52, sub: 30, body: 26, small: 22, mark: 28 } : { title: 22, sub: 15, body: 13, small: 12, mark: 14 };
	const lh = (size: number) => Math.round(size * 1.3);

	const w = new Writer();
	let y = pad;

	// Example-data mark: a labelled box at the top right, and again in the footer note.
	const markW = Math.round(fs.mark * 0.62 * t.demo.length + fs.mark * 1.2);
	const titleLines = wrap(p.title, inner - (p.demo ? markW + 16 : 0), fs.title);
	for (const line of titleLines) {
		y += lh(fs.title);
		w.text(pad, y - Math.round(fs.title * 0.25), line, fs.title, { weight: '700', cls: 'export-title' });
	}
	if (p.demo) {
		const mh = lh(fs.mark) + 8;
		w.raw(
			`<g class="export-demo-mark"><rect x="${W - pad - markW}" y="${pad}" width="${markW}" height="${mh}" rx="4" fill="#fff4e5" stroke="${DEMO}" stroke-width="2"/>` +
				`<text x="${W - pad - markW / 2}" y="${pad + mh / 2 + fs.mark * 0.35}" font-family="${FONT}" font-size="${fs.mark}" font-weight="700" fill="${DEMO}" text-anchor="middle">${escapeXml(t.demo)}</text></g>`
		);
	}
	for (const line of p.subtitle ? wrap(p.subtitle, inner, fs.sub) : []) {
		y += lh(fs.sub);
		w.text(pad, y - Math.round(fs.sub * 0.25), line, fs.sub, { fill: MUTED, cls: 'export-subtitle' });
	}
	y += slide ? 24 : 10;

	// Footer lines, measured first so the chart can take the rest on a slide.
	const footer: { text: string; size: number; fill: string; weight?: string; cls: string }[] = [];
	const push = (text: string, size: number, cls: string, fill = MUTED, weight?: string) => {
		for (const line of wrap(text, inner, size)) footer.push({ text: line, size, fill, weight, cls });
	};
	const legend = comparisonLegend(p.element, p.lang);
	const hasCi = drawsCiBand(p.element);
	push(p.source.replace(/\.$/, '') + '.', fs.body, 'export-source', INK);
	if (p.period) push(`${t.period}: ${p.period}.`, fs.body, 'export-period', INK);
	if (p.notes) push(`${t.notes}: ${p.notes}`, fs.body, 'export-notes');
	if (p.demo) push(t.demoNote, fs.body, 'export-demo-note', DEMO, '700');
	push(`${t.accessed} ${isoDate(now)} · ${permalinkOf(p)}`, fs.small, 'export-permalink');

	const legendRowH = hasCi || legend.length ? lh(fs.body) + 8 : 0;
	const footerH = footer.reduce((s, f) => s + lh(f.size), 0) + 12;

	// The charts: natural size, or scaled to fit the slide's free area and centred.
	let scale = 1;
	let H: number;
	if (slide) {
		H = 1080;
		const availH = H - pad - footerH - legendRowH - y - 16;
		scale = Math.min(inner / chartsW, Math.max(0.1, availH) / chartsH);
	}
	const drawnW = chartsW * scale;
	const drawnH = chartsH * scale;
	let x = slide ? pad + (inner - drawnW) / 2 : pad;
	const chartTop = slide ? y + Math.max(0, (1080 - pad - footerH - legendRowH - y - 16 - drawnH) / 2) : y;
	const serializer = new XMLSerializer();
	for (const c of charts) {
		const cw = c.width * scale;
		const ch = c.height * scale;
		c.node.setAttribute('x', String(Math.round(x * 100) / 100));
		c.node.setAttribute('y', String(Math.round(chartTop * 100) / 100));
		c.node.setAttribute('width', String(Math.round(cw * 100) / 100));
		c.node.setAttribute('height', String(Math.round(ch * 100) / 100));
		c.node.setAttribute('viewBox', c.viewBox);
		c.node.setAttribute('overflow', 'visible');
		for (const a of ['role', 'aria-label', 'aria-hidden', 'tabindex']) c.node.removeAttribute(a);
		w.raw(serializer.serializeToString(c.node).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, ''));
		x += cw + gap * scale;
	}
	y = slide ? 1080 - pad - footerH - legendRowH : y + drawnH + 12;

	// Legends: CI band and, when the chart uses outcome colours, the comparison colours.
	if (legendRowH) {
		let lx = pad;
		const ly = y + lh(fs.body) - 4;
		const box = Math.round(fs.body * 0.9);
		if (hasCi) {
			const label = t.ciBand(levelLabel(p.ciLevel ?? '95', p.lang));
			w.raw(`<rect x="${lx}" y="${ly - box + 2}" width="${box * 1.6}" height="${box}" fill="${CI_FILL}" fill-opacity="0.6"/>`);
			w.text(lx + box * 1.6 + 6, ly, label, fs.body, { cls: 'export-ci-legend' });
			lx += box * 1.6 + 6 + label.length * fs.body * 0.52 + 20;
		}
		if (legend.length) {
			w.text(lx, ly, `${t.comparison}:`, fs.body, { weight: '700', cls: 'export-comparison-legend' });
			lx += (t.comparison.length + 2) * fs.body * 0.55 + 8;
			for (const item of legend) {
				if (lx + item.label.length * fs.body * 0.52 + box > W - pad) break;
				w.raw(`<circle cx="${lx + box / 2}" cy="${ly - box / 2 + 2}" r="${box / 2}" fill="${escapeXml(item.color)}"/>`);
				w.text(lx + box + 6, ly, item.label, fs.body, { cls: 'export-comparison-legend' });
				lx += box + 6 + item.label.length * fs.body * 0.52 + 18;
			}
		}
		y += legendRowH;
	}
	y += 4;
	for (const f of footer) {
		y += lh(f.size);
		w.text(pad, y - Math.round(f.size * 0.25), f.text, f.size, { fill: f.fill, weight: f.weight, cls: f.cls });
	}
	H = slide ? 1080 : Math.ceil(y + pad);
	const width = W;
	const height = H;
	const desc = `${p.title}. ${p.summary}`;
	const svg =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVGNS}" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-labelledby="export-title export-desc">` +
		`<title id="export-title">${escapeXml(p.title)}${p.demo ? ` (${escapeXml(t.demo)})` : ''}</title><desc id="export-desc">${escapeXml(desc)}</desc>` +
		`<style>text{font-family:${FONT}}</style>` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		w.parts.join('') +
		`</svg>`;
	return { svg, width, height };
}

/** Whether the frame's chart draws a CI band (the legend's "Band: 95 % konfidensintervall" only then). */
export function drawsCiBand(frame: HTMLElement): boolean {
	return [...frame.querySelectorAll('.plot svg [fill]')].some((e) => e.getAttribute('fill')!.toUpperCase() === CI_FILL.toUpperCase());
}

/** Smallest text size (in the SVG's own units) among a chart's text elements. */
export function minFontSize(svg: string): number {
	const sizes = [...svg.matchAll(/<text\b[^>]*\bfont-size="([\d.]+)(?:px)?"/g)].map((m) => Number(m[1]));
	return sizes.length ? Math.min(...sizes) : 0;
}

/**
 * Just the chart(s) of a frame, side by side, as a standalone SVG (presentation mode, deck
 * pictures). `minFont` raises every text to at least that size (in the chart's units), and room
 * is added on the left for the longer labels, so text stays readable when a tall chart is shrunk
 * to fit a projector.
 */
export function chartOnlySvg(frame: HTMLElement, minFont = 0): ExportSvg {
	const charts = chartSvgs(frame).map(part);
	if (minFont > 0)
		for (const c of charts) {
			for (const el of [c.node, ...c.node.querySelectorAll('text, g, tspan')]) {
				const size = parseFloat(el.getAttribute('font-size') ?? '');
				if (el.localName === 'text' || Number.isFinite(size)) el.setAttribute('font-size', String(Math.max(Number.isFinite(size) ? size : 0, minFont)));
			}
			const [x, y, w, h] = c.viewBox.split(' ').map(Number);
			const room = Math.round(minFont * 4);
			c.viewBox = `${x - room} ${y} ${w + room} ${h}`;
			c.width += room;
		}
	const gap = 16;
	let x = 0;
	const serializer = new XMLSerializer();
	const parts: string[] = [];
	for (const c of charts) {
		c.node.setAttribute('x', String(x));
		c.node.setAttribute('y', '0');
		c.node.setAttribute('width', String(c.width));
		c.node.setAttribute('height', String(c.height));
		c.node.setAttribute('viewBox', c.viewBox);
		parts.push(serializer.serializeToString(c.node).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, ''));
		x += c.width + gap;
	}
	const width = Math.max(1, x - gap);
	const height = Math.max(1, ...charts.map((c) => c.height));
	return {
		svg: `<svg xmlns="${SVGNS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`,
		width,
		height
	};
}
