/**
 * Slide deck of the page's charts: one 16:9 slide per chart with its title, the chart as a 2×
 * PNG, an "Exempeldata" mark when demo, and source, period, notes and permalink in the slide
 * notes. pptxgenjs is imported here only, and this module only dynamically, so neither is in
 * the initial bundle.
 */
import { chartPng } from './actions';
import { toBase64 } from './download';
import { permalinkOf, type ExportPayload } from './payload';
import { exportTexts, isoDate } from './texts';

export async function buildDeck(payloads: ExportPayload[], meta: { title: string; lang: 'sv' | 'en' }): Promise<Blob> {
	const { default: PptxGenJS } = await import('pptxgenjs');
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
	pptx.title = meta.title;
	pptx.author = 'Ensamhetsmonitorn';
	pptx.company = 'Ensamhetsmonitorn';
	pptx.subject = meta.title;
	const t = exportTexts[meta.lang];
	for (const p of payloads) {
		const slide = pptx.addSlide();
		slide.addText(p.title, { x: 0.4, y: 0.2, w: p.demo ? 7.0 : 9.2, h: 0.6, fontSize: 24, bold: true, fontFace: 'Arial', color: '1B1B1B', valign: 'top' });
		if (p.demo)
			slide.addText(t.demo, { x: 7.6, y: 0.25, w: 2.0, h: 0.45, fontSize: 16, bold: true, fontFace: 'Arial', color: '8A3B00', fill: { color: 'FFF4E5' }, line: { color: '8A3B00', width: 1.5 }, align: 'center', valign: 'middle' });
		const { png, width, height } = await chartPng(p, 2, 'standard');
		// Fit the picture (which carries its own source line) into the area under the title.
		const box = { x: 0.4, y: 0.9, w: 9.2, h: 4.55 };
		const s = Math.min(box.w / width, box.h / height);
		const w = width * s;
		const h = height * s;
		slide.addImage({ data: `image/png;base64,${toBase64(png)}`, x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, altText: `${p.title}. ${p.summary}` });
		const notes = [
			p.title,
			p.subtitle,
			p.source.replace(/\.$/, '') + '.',
			p.period ? `${t.period}: ${p.period}.` : '',
			p.notes ? `${t.notes}: ${p.notes}` : '',
			p.demo ? t.demoNote : '',
			`${t.accessed} ${isoDate()}: ${permalinkOf(p)}`
		].filter(Boolean);
		// pptxgenjs writes notes as one <a:t> run (no <a:br/>), so the parts are joined on one line.
		slide.addNotes(notes.join(' · '));
	}
	const out = await pptx.write({ outputType: 'blob', compression: true });
	return out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
