/** Look up cells of a Cube by codes, independent of dimension order. */
import type { Cube } from '../../pipelines/cube/model.ts';
import { strides } from '../../pipelines/cube/model.ts';

/** Value at the cell given by `codes` (dimension code → category code); dims of size 1 may be left out. */
export function cell(cube: Cube, codes: Record<string, string>): number | null {
	return cube.values[cellIndex(cube, codes)];
}

export function cellIndex(cube: Cube, codes: Record<string, string>): number {
	const st = strides(cube.dimensions);
	let idx = 0;
	cube.dimensions.forEach((d, i) => {
		const want = codes[d.code] ?? codes[d.id];
		let k: number;
		if (want === undefined) {
			if (d.categories.length !== 1) throw new Error(`cell: no code for ${d.code} (${d.categories.length} categories)`);
			k = 0;
		} else k = d.categories.findIndex((c) => c.code === want);
		if (k < 0) throw new Error(`cell: ${d.code} has no category ${want}`);
		idx += k * st[i];
	});
	for (const k of Object.keys(codes)) if (!cube.dimensions.some((d) => d.code === k || d.id === k)) throw new Error(`cell: no dimension ${k}`);
	return idx;
}

/** Every non-trivial cell as "code=value/…" → value, for comparing cubes across formats. */
export function cellMap(cube: Cube): Map<string, number | null> {
	const out = new Map<string, number | null>();
	const dims = cube.dimensions;
	const st = strides(dims);
	for (let i = 0; i < cube.values.length; i++) {
		const parts: string[] = [];
		let rest = i;
		dims.forEach((d, k) => {
			const c = Math.floor(rest / st[k]);
			rest -= c * st[k];
			parts.push(`${d.code}=${d.categories[c].code}`);
		});
		out.set(parts.sort().join('/'), cube.values[i]);
	}
	return out;
}
