/**
 * The charts on the current page. Every ChartFrame registers itself on mount with a getter for
 * its export payload; the slide deck and presentation mode read the list in page order.
 */
import type { ExportPayload } from './payload';

export interface ChartEntry {
	id: string;
	element: HTMLElement;
	payload: () => ExportPayload;
}

const entries = new Set<ChartEntry>();
const listeners = new Set<() => void>();

function changed() {
	for (const l of listeners) l();
}

/** Register a chart; returns the function that unregisters it. */
export function registerChart(entry: ChartEntry): () => void {
	entries.add(entry);
	changed();
	return () => {
		entries.delete(entry);
		changed();
	};
}

/** Registered charts still in the document, in document order. */
export function registeredCharts(): ChartEntry[] {
	return [...entries]
		.filter((e) => e.element.isConnected)
		.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Call `fn` whenever a chart comes or goes; returns the unsubscribe function. */
export function onChartsChange(fn: () => void): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}
