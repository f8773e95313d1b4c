/**
 * Merge cubes that are slices of one query split along one dimension (see split.ts).
 */
import type { Cube } from '../cube/model.ts';
import { strides } from '../cube/model.ts';

export class MergeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MergeError';
	}
}

/**
 * Merge `parts` (same dimensions in the same order, same categories on every dimension
 * except `dimension`) into one cube whose `dimension` holds the parts' categories
 * concatenated; with `order` (codes of the original selection) they are sorted into that
 * order. Values and status markers are moved to their new cell indexes; notes are merged
 * without duplicates. Throws MergeError naming the part and dimension on any mismatch, or
 * when a code of the split dimension occurs in two parts.
 */
export function mergeCubes(parts: readonly Cube[], dimension: string, order?: readonly string[]): Cube {
	if (parts.length === 0) throw new MergeError('mergeCubes: no cubes');
	const first = parts[0];
	const d = first.dimensions.findIndex((x) => x.code === dimension || x.id === dimension);
	if (d < 0) throw new MergeError(`mergeCubes: ${first.origin} has no dimension "${dimension}"`);
	if (parts.length === 1) return first;
	const ids = first.dimensions.map((x) => x.code);
	for (const p of parts.slice(1)) {
		const pids = p.dimensions.map((x) => x.code);
		if (pids.join('\u0000') !== ids.join('\u0000'))
			throw new MergeError(`mergeCubes: ${p.origin} has dimensions [${pids.join(', ')}], expected [${ids.join(', ')}]`);
		p.dimensions.forEach((dim, i) => {
			if (i === d) return;
			const a = first.dimensions[i].categories.map((c) => c.code).join('\u0000');
			const b = dim.categories.map((c) => c.code).join('\u0000');
			if (a !== b) throw new MergeError(`mergeCubes: ${p.origin} differs from ${first.origin} on dimension ${dim.code}, which is not the split dimension ${dimension}`);
		});
	}
	// Split-dimension categories: concatenated, then in `order` if given.
	const cats: { cat: Cube['dimensions'][number]['categories'][number]; part: number; at: number }[] = [];
	const seen = new Set<string>();
	parts.forEach((p, pi) =>
		p.dimensions[d].categories.forEach((c, at) => {
			if (seen.has(c.code)) throw new MergeError(`mergeCubes: ${dimension}=${c.code} occurs in more than one part (${p.origin})`);
			seen.add(c.code);
			cats.push({ cat: c, part: pi, at });
		})
	);
	if (order) {
		const rank = new Map(order.map((c, i) => [c, i]));
		cats.sort((x, y) => (rank.get(x.cat.code) ?? Infinity) - (rank.get(y.cat.code) ?? Infinity));
	}
	const dims = first.dimensions.map((dim, i) => (i === d ? { ...dim, categories: cats.map((c) => c.cat) } : dim));
	const total = dims.reduce((n, x) => n * x.categories.length, 1);
	const values: (number | null)[] = new Array(total).fill(null);
	const status = new Map<number, string>();
	const outSt = strides(dims);
	const newPos = new Map<string, number>(cats.map((c, i) => [`${c.part}:${c.at}`, i]));
	parts.forEach((p, pi) => {
		const st = strides(p.dimensions);
		const n = p.values.length;
		const expected = p.dimensions.reduce((k, x) => k * x.categories.length, 1);
		if (n !== expected) throw new MergeError(`mergeCubes: ${p.origin} has ${n} values for ${expected} cells`);
		for (let i = 0; i < n; i++) {
			let out = 0;
			let rest = i;
			for (let k = 0; k < st.length; k++) {
				const c = Math.floor(rest / st[k]);
				rest -= c * st[k];
				out += (k === d ? newPos.get(`${pi}:${c}`)! : c) * outSt[k];
			}
			values[out] = p.values[i];
			const s = p.status.get(i);
			if (s !== undefined) status.set(out, s);
		}
	});
	const noteKey = (n: Cube['notes'][number]) => JSON.stringify(n);
	const notes = [...first.notes];
	const have = new Set(notes.map(noteKey));
	for (const p of parts.slice(1)) for (const n of p.notes) if (!have.has(noteKey(n))) (notes.push(n), have.add(noteKey(n)));
	const cellNotes = parts.flatMap((p) => p.cellNotes);
	return {
		...first,
		origin: parts.map((p) => p.origin).join(' + '),
		dimensions: dims,
		values,
		status,
		notes,
		cellNotes: cellNotes.filter((c, i) => cellNotes.findIndex((x) => JSON.stringify(x) === JSON.stringify(c)) === i),
		extra: { ...first.extra, mergedFrom: parts.map((p) => p.origin), splitDimension: dimension }
	};
}
