/**
 * The export actions behind the menu: SVG, PNG (scale × standard/slide) and the two CSV variants.
 * Each returns what it saved and dispatches a "chart-export" event on the chart frame (detail:
 * format, file name, demo flag and — for images — the SVG source), so tests and analytics can
 * see exactly what was produced without reading the file system.
 */
import { buildCsv, csvFileName, type CsvVariant } from './csv';
import { download } from './download';
import { loadMeta } from './meta';
import { fileBase, permalinkOf, type ExportPayload } from './payload';
import { addPngText, rasterize } from './png';
import { buildExportSvg, type ExportFormat } from './svg';
import { exportTexts } from './texts';
import { withHeading } from './heading';

export type ExportKind = { type: 'svg' } | { type: 'png'; scale: 1 | 2 | 3; format: ExportFormat } | { type: 'csv'; variant: CsvVariant };

export interface ExportResult {
	fileName: string;
	format: string;
	demo: boolean;
	svg?: string;
	bytes: number;
}

const demoSuffix = (demo: boolean) => (demo ? '-exempeldata' : '');

export function kindKey(k: ExportKind): string {
	return k.type === 'svg' ? 'svg' : k.type === 'png' ? `png-${k.format}-${k.scale}` : `csv-${k.variant}`;
}

/** A PNG of the chart with its framing text; metadata chunks carry title, source and the demo mark. */
export async function chartPng(p: ExportPayload, scale: number, format: ExportFormat): Promise<{ png: Uint8Array; svg: string; width: number; height: number }> {
	const out = buildExportSvg(p, format);
	const raw = await rasterize(out.svg, out.width * scale, out.height * scale);
	const t = exportTexts[p.lang];
	const png = addPngText(raw, {
		Title: p.title,
		Source: p.source,
		Description: [p.subtitle, p.period && `${t.period}: ${p.period}`, p.notes].filter(Boolean).join(' · '),
		URL: permalinkOf(p),
		...(p.demo ? { Comment: t.demo, Disclaimer: t.demoNote } : {})
	});
	return { png, svg: out.svg, width: out.width * scale, height: out.height * scale };
}

export async function runExport(page: ExportPayload, kind: ExportKind): Promise<ExportResult> {
	// Exports name what they show (indicator, place, sex, group, period): they travel without their page.
	const p = kind.type === 'csv' ? page : await withHeading(page);
	const stem = fileBase(p);
	let result: ExportResult;
	if (kind.type === 'svg') {
		const { svg } = buildExportSvg(p, 'standard');
		const fileName = `${stem}${demoSuffix(p.demo)}.svg`;
		const blob = new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
		download(blob, fileName);
		result = { fileName, format: 'svg', demo: p.demo, svg, bytes: blob.size };
	} else if (kind.type === 'png') {
		const { png, svg } = await chartPng(p, kind.scale, kind.format);
		const fileName = `${stem}${kind.format === 'slide' ? '-16x9' : ''}${kind.scale > 1 ? `@${kind.scale}x` : ''}${demoSuffix(p.demo)}.png`;
		download(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), fileName);
		result = { fileName, format: kindKey(kind), demo: p.demo, svg, bytes: png.length };
	} else {
		const meta = await loadMeta(p.lang);
		const text = buildCsv(p.rows, { lang: p.lang, ...meta, groupLabel: p.rowLabel }, kind.variant);
		const fileName = csvFileName(stem, kind.variant, p.demo);
		const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
		download(blob, fileName);
		result = { fileName, format: kindKey(kind), demo: p.demo, bytes: blob.size };
	}
	p.element.dispatchEvent(new CustomEvent('chart-export', { detail: result, bubbles: true }));
	return result;
}
