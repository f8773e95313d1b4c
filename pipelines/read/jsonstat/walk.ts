/**
 * Finds the datasets inside any JSON-stat response: a 2.0 `dataset`, a 2.0 `collection`
 * (datasets embedded in `link.item`, nested collections), a 1.x bundle (datasets as
 * top-level keys, `id`/`size`/`role` inside `dimension`) and the agencies' v1 dialect
 * `{"dataset": …}`, which is just a bundle with one key. Everything downstream sees one
 * normalised shape, `RawDataset`, so the validator and the cube builder have a single path.
 *
 * Eurostat's retired JSON web service (`"wsVersion": "V1_1"`) looks similar but is not
 * JSON-stat (`title` for `label`, epoch `lastUpdateDate`, `status` as a nested object).
 * It is rejected with NOT_JSONSTAT rather than half-read: a cube read from a guess would
 * carry wrong status markers silently, and Eurostat serves real JSON-stat 2.0 today.
 */
import type { Problem } from '../../cube/errors.ts';
import { isObject, own, problem, ptr, show, type JsonObject } from './json.ts';

/** A dataset found in the input, with id/size/role lifted to one place for both versions. */
export interface RawDataset {
	/** JSON pointer of the dataset object. */
	pointer: string;
	/** Bundle key, when the dataset came from a 1.x bundle. */
	key?: string;
	obj: JsonObject;
	version: '1.x' | '2.0';
	/** Pointer of the object that holds `id`, `size` and `role` (the dataset, or its `dimension` in 1.x). */
	metaPointer: string;
	id: unknown;
	size: unknown;
	role: unknown;
	/** The `dimension` object without the 1.x `id`/`size`/`role` keys. */
	dimensions: unknown;
}

/** A collection item that is only a reference (href), not an embedded dataset. */
export interface JsonStatLink {
	/** JSON pointer of the item, e.g. "/link/item/3". */
	where: string;
	href?: string;
	label?: string;
	class?: string;
}

export interface Walked {
	datasets: RawDataset[];
	links: JsonStatLink[];
	problems: Problem[];
}

/** Collections may nest; past this depth items are reported (RECURSION_LIMIT) and skipped. */
const MAX_COLLECTION_DEPTH = 8;
/** Top-level keys of a bundle that are response metadata, not datasets. */
const BUNDLE_META_KEYS = new Set(['version', 'class', 'href', 'label', 'updated', 'source', 'note', 'extension', 'error', 'link']);

export function walk(root: unknown, file: string): Walked {
	const out: Walked = { datasets: [], links: [], problems: [] };
	if (!isObject(root)) {
		out.problems.push(problem('error', file, '/', 'a JSON-stat response must be a JSON object', 'STRUCTURAL_VIOLATION'));
		return out;
	}
	walkResponse(root, '', 0, file, out);
	return out;
}

function walkResponse(o: JsonObject, pointer: string, depth: number, file: string, out: Walked): void {
	const cls = own(o, 'class');
	if (own(o, 'wsVersion') !== undefined) return eurostat(pointer, file, out);
	if (cls === 'dataset' || (cls === undefined && looksLikeDataset(o))) {
		out.datasets.push(normalise(o, pointer));
		return;
	}
	if (cls === 'collection') return walkCollection(o, pointer, depth, file, out);
	if (cls === 'dimension') {
		out.problems.push(
			problem('error', file, ptr(pointer, 'class'), 'a "dimension" response holds no values; read the dataset instead', 'STRUCTURAL_VIOLATION')
		);
		return;
	}
	if (cls !== undefined && cls !== 'bundle') {
		out.problems.push(problem('error', file, ptr(pointer, 'class'), `unknown JSON-stat class ${show(cls)}`, 'STRUCTURAL_VIOLATION'));
		return;
	}
	walkBundle(o, pointer, file, out);
}

function looksLikeDataset(o: JsonObject): boolean {
	return own(o, 'dimension') !== undefined && (own(o, 'value') !== undefined || own(o, 'id') !== undefined);
}

function walkBundle(o: JsonObject, pointer: string, file: string, out: Walked): void {
	const before = out.datasets.length;
	for (const key of Object.keys(o)) {
		if (BUNDLE_META_KEYS.has(key)) continue;
		const v = o[key];
		if (!isObject(v)) continue;
		if (own(v, 'wsVersion') !== undefined) return eurostat(ptr(pointer, key), file, out);
		if (own(v, 'dimension') === undefined) continue;
		out.datasets.push({ ...normalise(v, ptr(pointer, key)), key });
	}
	if (out.datasets.length === before) {
		out.problems.push(
			problem('error', file, pointer, 'not a JSON-stat response: no "class", and no dataset (object with "dimension") at the top level', 'STRUCTURAL_VIOLATION')
		);
		return;
	}
	out.problems.push(
		problem('warning', file, pointer, 'pre-2.0 bundle response detected (deprecated; use collection) [info]', 'BUNDLE_DEPRECATED')
	);
}

function walkCollection(o: JsonObject, pointer: string, depth: number, file: string, out: Walked): void {
	const link = own(o, 'link');
	const items = isObject(link) ? own(link, 'item') : undefined;
	const where = ptr(ptr(pointer, 'link'), 'item');
	if (items === undefined) return; // an empty collection is legal
	if (!Array.isArray(items)) {
		out.problems.push(problem('error', file, where, 'collection link.item must be an array', 'STRUCTURAL_VIOLATION'));
		return;
	}
	items.forEach((item, i) => {
		const ip = ptr(where, i);
		if (!isObject(item)) {
			out.problems.push(problem('error', file, ip, 'collection item must be an object', 'STRUCTURAL_VIOLATION'));
			return;
		}
		const cls = own(item, 'class');
		if (cls === 'dataset' && own(item, 'dimension') !== undefined) {
			out.datasets.push(normalise(item, ip));
		} else if (cls === 'collection' && own(item, 'link') !== undefined) {
			if (depth + 1 > MAX_COLLECTION_DEPTH) {
				out.problems.push(
					problem('warning', file, ip, `collection nesting deeper than ${MAX_COLLECTION_DEPTH}; item skipped [info]`, 'RECURSION_LIMIT')
				);
			} else walkCollection(item, ip, depth + 1, file, out);
		} else {
			const href = own(item, 'href');
			const label = own(item, 'label');
			out.links.push({
				where: ip,
				href: typeof href === 'string' ? href : undefined,
				label: typeof label === 'string' ? label : undefined,
				class: typeof cls === 'string' ? cls : undefined
			});
		}
	});
}

function eurostat(pointer: string, file: string, out: Walked): void {
	out.problems.push(
		problem(
			'error',
			file,
			ptr(pointer, 'wsVersion'),
			"Eurostat's retired JSON web service format (wsVersion) is not JSON-stat (title/lastUpdateDate/status differ); download the table from Eurostat's current API as JSON-stat 2.0",
			'NOT_JSONSTAT'
		)
	);
}

/** Lift id/size/role out of a 1.x `dimension` object, so both versions look alike. */
function normalise(o: JsonObject, pointer: string): RawDataset {
	const dimension = own(o, 'dimension');
	if (own(o, 'id') === undefined && isObject(dimension) && Array.isArray(own(dimension, 'id'))) {
		const { id, size, role, ...dims } = dimension;
		return { pointer, obj: o, version: '1.x', metaPointer: ptr(pointer, 'dimension'), id, size, role, dimensions: dims };
	}
	return {
		pointer,
		obj: o,
		version: '2.0',
		metaPointer: pointer,
		id: own(o, 'id'),
		size: own(o, 'size'),
		role: own(o, 'role'),
		dimensions: dimension
	};
}
