/**
 * The JSON-stat validator rules (jsonstat/validator rule catalogue, rules-manifest.json):
 * every problem carries the rule's `code` and a JSON pointer. The checker also hands the
 * cube builder what it established (dimension ids, sizes, category codes in index order),
 * so the index is interpreted in exactly one place.
 *
 * Each error is either *fatal* (the cube cannot be laid out: sizes, ids, index positions or
 * the dense value array disagree, or the document has the wrong shape) or *recoverable*
 * (a stray label/unit/note key, an out-of-range sparse key, a child cycle…): the builder
 * ignores the offending part. Strict reading rejects both; lenient reading rejects only
 * the fatal ones and returns the others as warnings.
 */
import type { Problem, Severity } from '../../cube/errors.ts';
import { isObject, isStringArray, own, problem, ptr, type JsonObject } from './json.ts';
import type { RawDataset } from './walk.ts';

/** Largest cube (product of sizes) the reader lays out in memory. PxWeb caps answers at 150,000 cells. */
export const MAX_CELLS = 20_000_000;

/** Severity per code; the manifest's "info" maps to a warning (Problem has no info level). */
const SEVERITY: Record<string, Severity> = {
	METRIC_UNIT_MISSING: 'warning',
	LABEL_KEY_INCOMPLETE: 'warning',
	BUNDLE_DEPRECATED: 'warning',
	RECURSION_LIMIT: 'warning'
};

export interface CheckedDimension {
	id: string;
	pointer: string;
	obj: JsonObject;
	category: JsonObject;
	/** Category codes in index order. */
	codes: string[];
	/** CHILD_CYCLE found: the builder drops this dimension's hierarchy. */
	childCycle: boolean;
}

export interface CheckedDataset {
	raw: RawDataset;
	problems: Problem[];
	/** The problems that make the cube unreadable even in lenient mode. */
	fatal: Set<Problem>;
	ids: string[];
	sizes: number[];
	/** product(sizes); NaN when unknown. */
	cells: number;
	dimensions: CheckedDimension[];
	roles: Map<string, 'time' | 'geo' | 'metric'>;
	/** False when a status array has the wrong length: the builder then ignores `status`. */
	statusUsable: boolean;
}

const INDEX_KEY = /^(0|[1-9][0-9]*)$/;

export function checkDataset(raw: RawDataset, file: string): CheckedDataset {
	const c: CheckedDataset = {
		raw,
		problems: [],
		fatal: new Set(),
		ids: [],
		sizes: [],
		cells: Number.NaN,
		dimensions: [],
		roles: new Map(),
		statusUsable: true
	};
	const add = (code: string, where: string, message: string, fatal = false) => {
		const p = problem(SEVERITY[code] ?? 'error', file, where, message, code);
		c.problems.push(p);
		if (fatal) c.fatal.add(p);
	};
	const idP = ptr(raw.metaPointer, 'id');
	const sizeP = ptr(raw.metaPointer, 'size');

	// S1: ids and sizes
	const idOk = isStringArray(raw.id) && new Set(raw.id).size === raw.id.length;
	if (!idOk) add('STRUCTURAL_VIOLATION', idP, '"id" must be an array of distinct strings', true);
	const sizeOk =
		Array.isArray(raw.size) && raw.size.every((s) => typeof s === 'number' && Number.isSafeInteger(s) && s >= 0);
	if (!sizeOk) add('STRUCTURAL_VIOLATION', sizeP, '"size" must be an array of non-negative integers', true);
	if (!idOk || !sizeOk) return c;
	const ids = raw.id as string[];
	const sizes = raw.size as number[];
	c.ids = ids;
	let sizesKnown = true;
	if (ids.length !== sizes.length) {
		add('ID_SIZE_LEN_MISMATCH', sizeP, `${ids.length} dimension ids but ${sizes.length} sizes`, true);
		sizesKnown = false;
	} else {
		c.sizes = sizes;
		c.cells = sizes.reduce((a, b) => a * b, 1);
		if (c.cells > MAX_CELLS) {
			add('CUBE_SIZE_OVERFLOW', sizeP, `product(size) = ${c.cells} exceeds the reader's budget of ${MAX_CELLS} cells`, true);
		}
	}

	// S2: dimension keys = ids
	const dimsP = ptr(raw.pointer, 'dimension');
	if (!isObject(raw.dimensions)) {
		add('STRUCTURAL_VIOLATION', dimsP, '"dimension" must be an object', true);
		return c;
	}
	const dims = raw.dimensions;
	const missing = ids.filter((id) => own(dims, id) === undefined);
	const extra = Object.keys(dims).filter((k) => !ids.includes(k));
	if (missing.length || extra.length) {
		const parts = [];
		if (missing.length) parts.push(`no dimension for id ${missing.map((s) => JSON.stringify(s)).join(', ')}`);
		if (extra.length) parts.push(`dimension ${extra.map((s) => JSON.stringify(s)).join(', ')} not in id`);
		add('DIM_KEY_ID_MISMATCH', dimsP, `the keys of "dimension" must equal "id": ${parts.join('; ')}`, missing.length > 0);
	}

	// S5: roles
	checkRoles(raw, c, ids, add);

	// S3/S4: value
	const valueP = ptr(raw.pointer, 'value');
	const value = own(raw.obj, 'value');
	if (Array.isArray(value)) {
		if (sizesKnown && value.length !== c.cells) {
			add('VALUE_LEN_MISMATCH', valueP, `${value.length} values but product(size) = ${c.cells}`, true);
		}
	} else if (isObject(value)) {
		const bad = Object.keys(value).filter((k) => !INDEX_KEY.test(k) || (sizesKnown && Number(k) >= c.cells));
		if (bad.length) add('SPARSE_KEY_OUT_OF_RANGE', valueP, `keys not in [0, ${c.cells - 1}]: ${listed(bad)}`);
	} else {
		add('STRUCTURAL_VIOLATION', valueP, '"value" must be an array or an object', true);
	}

	// S6/S7: status
	const statusP = ptr(raw.pointer, 'status');
	const status = own(raw.obj, 'status');
	if (Array.isArray(status)) {
		if (sizesKnown && status.length !== 1 && status.length !== c.cells) {
			add('STATUS_LEN_MISMATCH', statusP, `${status.length} statuses but product(size) = ${c.cells} (or 1 for all)`);
			c.statusUsable = false;
		}
	} else if (isObject(status)) {
		const bad = Object.keys(status).filter((k) => !INDEX_KEY.test(k) || (sizesKnown && Number(k) >= c.cells));
		if (bad.length) add('STATUS_KEY_OUT_OF_RANGE', statusP, `keys not in [0, ${c.cells - 1}]: ${listed(bad)}`);
	} else if (status !== undefined && status !== null && typeof status !== 'string') {
		add('STRUCTURAL_VIOLATION', statusP, '"status" must be a string, an array or an object');
		c.statusUsable = false;
	}

	// D1–D7 per dimension
	ids.forEach((id, i) => {
		const d = own(dims, id);
		if (d === undefined) return; // reported as DIM_KEY_ID_MISMATCH
		const dp = ptr(dimsP, id);
		const checked = checkDimension(id, d, dp, sizesKnown ? sizes[i] : undefined, c.roles.get(id) === 'metric', add);
		if (checked) c.dimensions.push(checked);
	});
	return c;
}

type Add = (code: string, where: string, message: string, fatal?: boolean) => void;

function checkRoles(raw: RawDataset, c: CheckedDataset, ids: string[], add: Add): void {
	if (raw.role === undefined || raw.role === null) return;
	const roleP = ptr(raw.metaPointer, 'role');
	if (!isObject(raw.role)) {
		add('STRUCTURAL_VIOLATION', roleP, '"role" must be an object');
		return;
	}
	for (const [name, list] of Object.entries(raw.role)) {
		if (!isStringArray(list)) {
			add('STRUCTURAL_VIOLATION', ptr(roleP, name), `role.${name} must be an array of dimension ids`);
			continue;
		}
		const unknown = list.filter((x) => !ids.includes(x));
		if (unknown.length) add('ROLE_ID_UNKNOWN', ptr(roleP, name), `role.${name} names no dimension: ${listed(unknown)}`);
		if (name === 'time' || name === 'geo' || name === 'metric') {
			for (const id of list) if (ids.includes(id) && !c.roles.has(id)) c.roles.set(id, name);
		}
	}
}

function checkDimension(
	id: string,
	d: unknown,
	dp: string,
	size: number | undefined,
	isMetric: boolean,
	add: Add
): CheckedDimension | undefined {
	const catP = ptr(dp, 'category');
	if (!isObject(d) || !isObject(own(d, 'category'))) {
		add('STRUCTURAL_VIOLATION', isObject(d) ? catP : dp, `dimension "${id}" must be an object with a "category" object`, true);
		return undefined;
	}
	const cat = own(d, 'category') as JsonObject;
	const codes = categoryCodes(cat, catP, size, add);
	if (!codes) return undefined;
	const known = new Set(codes);

	const label = own(cat, 'label');
	if (label !== undefined) {
		if (!isObject(label)) add('STRUCTURAL_VIOLATION', ptr(catP, 'label'), 'category.label must be an object');
		else {
			const unknown = Object.keys(label).filter((k) => !known.has(k));
			if (unknown.length) add('LABEL_KEY_UNKNOWN', ptr(catP, 'label'), `label keys not in the index: ${listed(unknown)}`);
			else if (own(cat, 'index') !== undefined && codes.some((k) => own(label, k) === undefined)) {
				add('LABEL_KEY_INCOMPLETE', ptr(catP, 'label'), 'category.label does not cover all index ids');
			}
		}
	}
	const keyed: [string, string][] = [
		['unit', 'UNIT_KEY_UNKNOWN'],
		['coordinates', 'COORD_KEY_UNKNOWN'],
		['note', 'NOTE_KEY_UNKNOWN']
	];
	for (const [key, code] of keyed) {
		const v = own(cat, key);
		if (v === undefined) continue;
		if (!isObject(v)) {
			add('STRUCTURAL_VIOLATION', ptr(catP, key), `category.${key} must be an object`);
			continue;
		}
		const unknown = Object.keys(v).filter((k) => !known.has(k));
		if (unknown.length) add(code, ptr(catP, key), `${key} keys not in the index: ${listed(unknown)}`);
	}
	const unit = own(cat, 'unit');
	if (isMetric && !(isObject(unit) && Object.keys(unit).length > 0)) {
		add('METRIC_UNIT_MISSING', catP, `metric dimension "${id}" has no category.unit`);
	}
	const childCycle = checkChildren(own(cat, 'child'), ptr(catP, 'child'), known, add);
	return { id, pointer: dp, obj: d, category: cat, codes, childCycle };
}

/** D1/D2: the category codes in position order, from an array index, an object index, or (no index) the labels. */
function categoryCodes(cat: JsonObject, catP: string, size: number | undefined, add: Add): string[] | undefined {
	const index = own(cat, 'index');
	const indexP = ptr(catP, 'index');
	if (Array.isArray(index)) {
		if (!isStringArray(index) || new Set(index).size !== index.length) {
			add('INDEX_POSITIONS_INVALID', indexP, 'an array category.index must hold distinct strings', true);
			return undefined;
		}
		if (size !== undefined && index.length !== size) {
			add('INDEX_COUNT_MISMATCH', indexP, `${index.length} categories but size ${size}`, true);
			return undefined;
		}
		return index;
	}
	if (isObject(index)) {
		const entries = Object.entries(index);
		const n = size ?? entries.length;
		let ok = entries.length === n; // checked before allocating: size may be 1e15
		const codes = new Array<string | undefined>(ok ? n : 0);
		for (const [code, pos] of entries) {
			if (!ok) break;
			if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= n || codes[pos] !== undefined) ok = false;
			else codes[pos] = code;
		}
		if (!ok) {
			add('INDEX_POSITIONS_INVALID', indexP, `category.index positions must be a permutation of [0, ${n - 1}]`, true);
			return undefined;
		}
		return codes as string[];
	}
	if (index !== undefined) {
		add('STRUCTURAL_VIOLATION', indexP, 'category.index must be an array or an object', true);
		return undefined;
	}
	// No index: allowed for a single category given only by its label; we also accept the
	// label keys' order when their count matches the size.
	const label = own(cat, 'label');
	if (!isObject(label) || Object.keys(label).length === 0) {
		add('STRUCTURAL_VIOLATION', catP, 'a category needs an "index" (or, for one category, a "label")', true);
		return undefined;
	}
	const codes = Object.keys(label);
	if (size !== undefined && codes.length !== size) {
		add('INDEX_COUNT_MISMATCH', ptr(catP, 'label'), `no index and ${codes.length} labels but size ${size}`, true);
		return undefined;
	}
	return codes;
}

/** D7: child ids known, hierarchy acyclic. Returns true when a cycle was found. */
function checkChildren(child: unknown, childP: string, known: Set<string>, add: Add): boolean {
	if (child === undefined) return false;
	if (!isObject(child)) {
		add('STRUCTURAL_VIOLATION', childP, 'category.child must be an object');
		return false;
	}
	const unknown: string[] = [];
	const edges = new Map<string, string[]>();
	for (const [parent, kids] of Object.entries(child)) {
		if (!known.has(parent)) unknown.push(parent);
		if (!isStringArray(kids)) {
			add('STRUCTURAL_VIOLATION', ptr(childP, parent), 'category.child values must be arrays of ids');
			continue;
		}
		for (const k of kids) if (!known.has(k)) unknown.push(k);
		edges.set(parent, kids);
	}
	if (unknown.length) add('CHILD_ID_UNKNOWN', childP, `ids not in the index: ${listed([...new Set(unknown)])}`);
	// Iterative three-colour DFS: deep hierarchies must not blow the stack.
	const colour = new Map<string, 1 | 2>();
	for (const start of edges.keys()) {
		if (colour.has(start)) continue;
		const stack: [string, number][] = [[start, 0]];
		colour.set(start, 1);
		while (stack.length) {
			const top = stack[stack.length - 1];
			const kids = edges.get(top[0]) ?? [];
			if (top[1] >= kids.length) {
				colour.set(top[0], 2);
				stack.pop();
				continue;
			}
			const next = kids[top[1]++];
			const col = colour.get(next);
			if (col === 1) {
				add('CHILD_CYCLE', childP, `category.child has a cycle through "${next}"`);
				return true;
			}
			if (col === undefined) {
				colour.set(next, 1);
				stack.push([next, 0]);
			}
		}
	}
	return false;
}

function listed(keys: string[]): string {
	const shown = keys.slice(0, 5).map((k) => JSON.stringify(k));
	return shown.join(', ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '');
}
