/** Table shapes (variables, values, elimination, time) from v1 and v2 metadata. */
import type { Cube } from '../cube/model.ts';
import { text } from '../cube/model.ts';
import type { TableShape } from './query.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** From a cube made by readPxWebMetadata (v1). Elimination absent → false (mandatory). */
export function shapeFromCube(c: Cube): TableShape {
	return {
		variables: c.dimensions.map((d) => ({
			code: d.code,
			text: text(d.label, c.defaultLanguage) ?? d.code,
			values: d.categories.map((x) => x.code),
			texts: d.categories.map((x) => text(x.label, c.defaultLanguage) ?? x.code),
			elimination: d.elimination === true || typeof d.elimination === 'string',
			time: d.role === 'time'
		}))
	};
}

/**
 * From PxWebApi 2 metadata (JSON-stat 2.0 with empty value): `id`, `dimension[id].category.index`,
 * `dimension[id].extension.elimination`, `role.time`.
 */
export function shapeFromV2Metadata(meta: unknown, origin: string): TableShape {
	if (!isObj(meta) || !Array.isArray(meta.id) || !isObj(meta.dimension)) throw new Error(`${origin}: not PxWebApi 2 metadata (JSON-stat 2.0 with id and dimension)`);
	const dimension = meta.dimension;
	const role = isObj(meta.role) ? meta.role : {};
	const time = new Set(Array.isArray(role.time) ? (role.time as unknown[]).map(String) : []);
	return {
		variables: (meta.id as unknown[]).map((idRaw) => {
			const id = String(idRaw);
			const d = dimension[id];
			if (!isObj(d) || !isObj(d.category)) throw new Error(`${origin}: dimension ${id} has no category`);
			const idx = d.category.index;
			let values: string[];
			if (Array.isArray(idx)) values = idx.map(String);
			else if (isObj(idx)) values = Object.entries(idx).sort((a, b) => Number(a[1]) - Number(b[1])).map(([k]) => k);
			else values = isObj(d.category.label) ? Object.keys(d.category.label) : [];
			const ext = isObj(d.extension) ? d.extension : {};
			const labels = isObj(d.category.label) ? d.category.label : {};
			const texts = values.map((v) => (typeof labels[v] === 'string' ? (labels[v] as string) : v));
			return { code: id, text: typeof d.label === 'string' ? d.label : id, values, texts, elimination: ext.elimination === true, time: time.has(id) };
		})
	};
}
