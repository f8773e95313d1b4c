/**
 * A Plot `render` hook that writes each drawn element's numbers onto it as data attributes
 * (data-value, data-ci-low, …). Tests and exports read what was drawn from the SVG itself,
 * not from the data that was meant to be drawn.
 */
import type { RenderFunction } from '@observablehq/plot';

export function annotate<T>(data: readonly T[], attrs: (d: T) => Record<string, string | number | null | undefined>): RenderFunction {
	return function (index, scales, values, dimensions, context, next) {
		const g = next!(index, scales, values, dimensions, context) as SVGGElement;
		const kids = Array.from(g.children).filter((el) => el.tagName.toLowerCase() !== 'title');
		index.forEach((i, k) => {
			const el = kids[k];
			if (!el) return;
			for (const [name, v] of Object.entries(attrs(data[i]))) if (v !== null && v !== undefined) el.setAttribute(`data-${name}`, String(v));
		});
		return g;
	};
}
