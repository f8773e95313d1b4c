/**
 * Every chart on the page, in page order: the registered ChartFrames, plus any chart drawn by a
 * bare PlotView outside a ChartFrame (e.g. a page's summary figure). Those get a payload built
 * from the DOM: the figure's heading as title, its caption as notes, the demo mark when the
 * figure says "Exempeldata" or a mark carries data-demo="true". Sparklines (decorative, inside
 * tiles) are left out.
 */
import type { Lang } from '$lib/i18n/format';
import { registeredCharts, type ChartEntry } from './registry';

function bareEntry(plot: HTMLElement, lang: Lang): ChartEntry {
	const figure = (plot.closest('figure, section') as HTMLElement | null) ?? plot.parentElement ?? plot;
	const heading = figure.querySelector('h2, h3, h4')?.textContent?.trim();
	const label = plot.getAttribute('aria-label') ?? '';
	const caption = figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
	const id = (plot.id || plot.getAttribute('data-chart') || 'diagram').replace(/-plot$/, '');
	const sv = lang === 'sv';
	return {
		id,
		element: figure,
		payload: () => {
			const text = figure.textContent ?? '';
			const demo = /Exempeldata|Example data/.test(text) || plot.querySelector('[data-demo="true"]') !== null;
			const sourceMatch = /(Källa|Source): [^.]+/.exec(text);
			return {
				id,
				title: heading || label || document.title,
				subtitle: '',
				lang,
				rows: [],
				source: sourceMatch?.[0] ?? (sv ? 'Källa: Ensamhetsmonitorn, sammanställning av indikatorernas källor (se sidan Om data)' : 'Source: Ensamhetsmonitorn, compiled from the indicators’ sources (see About the data)'),
				notes: caption.replace(/(Exempeldata|Example data)\.?\s*$/, '').trim(),
				period: '',
				demo,
				summary: label,
				rowLabel: () => '',
				element: figure
			};
		}
	};
}

export function pageCharts(lang: Lang, root: ParentNode = document): ChartEntry[] {
	const framed = registeredCharts();
	const inFrames = new Set(framed.map((e) => e.element));
	const bare = [...root.querySelectorAll<HTMLElement>('.plot[data-chart]')]
		.filter((p) => p.getAttribute('data-chart') !== 'sparkline' && !p.closest('[data-chart-frame]') && ![...inFrames].some((f) => f.contains(p)))
		.map((p) => bareEntry(p, lang));
	return [...framed, ...bare].sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
