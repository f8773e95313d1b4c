/**
 * select + tidy for every source (fetched answers, dropped extracts of any format): a cube + the indicator's catalog entry →
 * one observation per estimate. The statistic dimension named by `source.measure` (e.g.
 * Folkhälsodata's "Andel och konfidensintervall": 01 share, 02/03 CI, 04 n) is folded into
 * one row; derived indicators take the complement (and swap the CI bounds). Cells that
 * cannot be placed (an unselected dimension with several values, an unknown region or
 * period) are rejects with the reason; missing cells keep the source's own marker.
 */
import type { Observation, Sex } from '../../src/lib/data/observation.ts';
import type { Cube, Dimension } from '../cube/model.ts';
import { text } from '../cube/model.ts';
import type { GroupDim, Indicator } from '../catalog/schema.ts';
import type { Reject } from '../write/records.ts';
import { NOT_AVAILABLE } from '../read/missing.ts';

export interface TidyResult {
	observations: Observation[];
	rejects: Reject[];
	/** Estimates in the cube (cells after folding the statistic dimension). */
	inputCells: number;
	/** Per observation (same order): the cube cell of its value and the source line (0 when the format has none). */
	origins: { cell: number; line: number }[];
}

const isGeo = (d: Dimension) => d.role === 'geo' || /^(region|område|kommun|län|municipality)$/i.test(d.id) || /^region$/i.test(d.code);
const isTime = (d: Dimension) => d.role === 'time' || /^(år|tid|year|time|period)$/i.test(d.id);
const isSex = (d: Dimension) => /^(kön|kon|sex|gender)$/i.test(d.id) || /^(kön|kon|sex|gender)$/i.test(d.code);

/** '00', '0000' → '00'; Kolada '00LL' → 'LL'; 'LL', 'KKKK' as they are; else null. */
export function regionCode(code: string): string | null {
	const c = code.trim().split(/\s+/)[0];
	if (c === '0000' || c === '00') return '00';
	if (/^00\d{2}$/.test(c)) return c.slice(2);
	if (/^\d{2}$/.test(c) || /^\d{4}$/.test(c)) return c;
	return null;
}

export function sexOf(code: string, label: string): Sex | null {
	const l = label.toLowerCase();
	// Both sexes named together ("Män och kvinnor", "Flickor och pojkar", code '1+2') is the total,
	// not the first sex the label happens to mention.
	if (/\+/.test(code) || /(kvinn|män|flick|pojk|women|men|girl|boy)\w*\s+(och|and|&)\s+\w/.test(l)) return 'T';
	if (/kvinn|women|female|flick|girl/.test(l) || code === 'K') return 'K';
	if (/\bmän\b|^män|men\b|^man|male|pojk|boy/.test(l) || code === 'M') return 'M';
	if (/tot|both|samtlig|alla|^t$/.test(l) || code === 'T') return 'T';
	return null;
}

export function periodOf(code: string): [number, number] | null {
	const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(code.trim());
	if (!m) return null;
	const a = Number(m[1]);
	const b = m[2] ? Number(m[2]) : a;
	return b >= a ? [a, b] : null;
}

/** Which source dimensions are group breakdowns (catalog `groups` / `total_codes`). */
export interface GroupMapping {
	groups?: Record<string, string>;
	total_codes?: string[];
	catalog: readonly GroupDim[];
	/** Dimension → the codes that are this indicator's cells; other codes are another statistic's and are skipped (not counted). */
	select?: Record<string, string[]>;
	/** Dimension → code → why those cells are not the indicator (each becomes a reject with that reason). */
	exclude?: Record<string, Record<string, string>>;
	/** Overrides the catalog's source.measure / source.derived for this table. */
	measure?: Indicator['source']['measure'] | null;
	derive?: 'complement' | null;
	/** Region names as sources write them (lower case: "falun", "riket", "dalarna") → region code. */
	regionNames?: ReadonlyMap<string, string>;
}

/** A category of a breakdown dimension → catalog code: by code, by label ("31 16-29 år" → "16-29 år"), or by alias. */
function catalogCode(catalog: readonly GroupDim[], dim: string, code: string, label: string): string | null {
	const g = catalog.find((x) => x.id === dim);
	if (!g) return null;
	const bare = label.replace(/^\d+\s+/, '').trim().toLowerCase();
	const cands = [code.toLowerCase(), label.trim().toLowerCase(), bare];
	for (const c of g.codes) if (cands.some((x) => x === c.code.toLowerCase() || c.aliases?.some((a) => a.toLowerCase() === x))) return c.code;
	return null;
}

export function tidyCube(cube: Cube, ind: Indicator, sourceId: string, file: string, mapping?: GroupMapping): TidyResult {
	const dims = cube.dimensions;
	const lang = cube.defaultLanguage;
	const measure = mapping?.measure === undefined ? ind.source.measure : (mapping.measure ?? undefined);
	const measureVar = measure?.variable;
	const mIdx = measureVar ? dims.findIndex((d) => d.id === measureVar || d.code === measureVar) : -1;
	const gIdx = dims.findIndex(isGeo);
	const tIdx = dims.findIndex((d, i) => i !== gIdx && isTime(d));
	const sIdx = dims.findIndex((d, i) => i !== gIdx && i !== tIdx && isSex(d));
	const groupIdx = new Map<number, string>();
	for (const [dimId, groupDim] of Object.entries(mapping?.groups ?? {})) {
		const i = dims.findIndex((d) => d.id === dimId || d.code === dimId);
		if (i >= 0) groupIdx.set(i, groupDim);
	}
	const totals = new Set(mapping?.total_codes ?? []);
	const dimIndex = (id: string) => dims.findIndex((d) => d.id === id || d.code === id);
	const selected = new Map<number, Set<string>>();
	for (const [dimId, codes] of Object.entries(mapping?.select ?? {})) {
		const i = dimIndex(dimId);
		if (i < 0) throw new Error(`${file}: the mapping selects dimension "${dimId}", which the table does not have (${dims.map((d) => d.id).join(', ')})`);
		selected.set(i, new Set(codes));
	}
	const excluded = new Map<number, Record<string, string>>();
	for (const [dimId, codes] of Object.entries(mapping?.exclude ?? {})) {
		const i = dimIndex(dimId);
		// Like `groups`, an exclusion may name a dimension only some tables (worksheets) of a file have.
		if (i >= 0) excluded.set(i, codes);
	}
	// A size that counts: a selected dimension spans only its selected codes (excluded codes are rejected before).
	const effectiveSize = (i: number) => (selected.has(i) ? selected.get(i)!.size : dims[i].categories.length);
	const other = dims.map((_, i) => i).filter((i) => ![mIdx, gIdx, tIdx, sIdx].includes(i) && !groupIdx.has(i));
	// CSV/xlsx cubes span the cross product of their columns: a combination not in the file is not a cell of the source.
	const csv = cube.format === 'csv' ? (cube.extra.csv as { line: number[]; ci_low?: (number | null)[]; ci_high?: (number | null)[]; n?: (number | null)[] } | undefined) : undefined;
	const rejects: Reject[] = [];
	const observations: Observation[] = [];
	const sizes = dims.map((d) => d.categories.length);
	const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, b) => a * b, 1));
	const label = (d: Dimension, c: number) => text(d.categories[c].label, lang) ?? d.categories[c].code;

	// Keys = every dimension but the measure one.
	const keyDims = dims.map((_, i) => i).filter((i) => i !== mIdx);
	const keyCount = keyDims.reduce((n, i) => n * sizes[i], 1);
	const catIndex = (code: string | undefined) => (mIdx < 0 || code === undefined ? -1 : dims[mIdx].categories.findIndex((c) => c.code === code));
	const vI = mIdx < 0 ? -1 : catIndex(measure?.value);
	const loI = catIndex(measure?.ci_low);
	const hiI = catIndex(measure?.ci_high);
	const nI = catIndex(measure?.n);
	const complement = mapping?.derive === undefined ? ind.source.derived?.kind === 'complement' : mapping.derive === 'complement';
	const origins: TidyResult['origins'] = [];
	let inputCells = 0;

	for (let k = 0; k < keyCount; k++) {
		const coords = new Array<number>(dims.length).fill(0);
		let rest = k;
		for (let j = keyDims.length - 1; j >= 0; j--) {
			const i = keyDims[j];
			coords[i] = rest % sizes[i];
			rest = Math.floor(rest / sizes[i]);
		}
		const at = (mCat: number) => {
			if (mIdx >= 0) coords[mIdx] = mCat;
			return coords.reduce((s, c, i) => s + c * strides[i], 0);
		};
		if ([...selected].some(([i, codes]) => !codes.has(dims[i].categories[coords[i]].code) && !excluded.get(i)?.[dims[i].categories[coords[i]].code])) continue;
		const vi = at(mIdx >= 0 ? Math.max(vI, 0) : 0);
		const line = csv ? csv.line[vi] : 0;
		if (csv && line === 0 && !cube.status.has(vi)) continue;
		inputCells++;
		const key = dims.map((d, i) => (i === mIdx ? '' : `${d.id}=${d.categories[coords[i]].code}`)).filter(Boolean).join(', ');
		const reject = (reason: string) => rejects.push({ file, line, key: `${ind.id}: ${key}`, reason });
		const why = [...excluded].map(([i, codes]) => codes[dims[i].categories[coords[i]].code]).find(Boolean);
		if (why) {
			reject(why);
			continue;
		}
		if (mIdx >= 0 && vI < 0) {
			reject(`the statistic dimension "${measureVar}" has no category "${measure?.value}" (the share)`);
			continue;
		}
		const extra = other.find((i) => effectiveSize(i) > 1);
		if (extra !== undefined) {
			reject(`dimension "${dims[extra].id}" has several values and the catalog selects none of them`);
			continue;
		}
		const geoCode = gIdx < 0 ? '00' : dims[gIdx].categories[coords[gIdx]].code;
		const region = gIdx < 0 ? '00' : (regionCode(geoCode) ?? mapping?.regionNames?.get(geoCode.trim().toLowerCase()) ?? null);
		if (!region) {
			reject(`region "${dims[gIdx].categories[coords[gIdx]].code}" is not the nation, a county or a municipality`);
			continue;
		}
		const period = tIdx < 0 ? null : periodOf(dims[tIdx].categories[coords[tIdx]].code);
		if (!period) {
			reject(tIdx < 0 ? 'the table has no time dimension' : `period "${dims[tIdx].categories[coords[tIdx]].code}" is not a year or a window`);
			continue;
		}
		const sex = sIdx < 0 ? 'T' : sexOf(dims[sIdx].categories[coords[sIdx]].code, label(dims[sIdx], coords[sIdx]));
		if (!sex) {
			reject(`sex "${label(dims[sIdx], coords[sIdx])}" is not total, women or men`);
			continue;
		}
		let group: [string, string] = ['total', 'total'];
		let groupProblem = '';
		for (const [i, groupDim] of groupIdx) {
			const cat = dims[i].categories[coords[i]];
			if (totals.has(cat.code)) continue;
			const code = catalogCode(mapping!.catalog, groupDim, cat.code, label(dims[i], coords[i]));
			if (!code) groupProblem = `${dims[i].id} "${label(dims[i], coords[i])}" is not a code of ${groupDim} in the group catalog`;
			else if (group[0] !== 'total') groupProblem = `crossed breakdowns (${group[0]} × ${groupDim}) are not in the observation schema`;
			else group = [groupDim, code];
		}
		if (groupProblem) {
			reject(groupProblem);
			continue;
		}
		const raw = cube.values[vi];
		const num = (c: number) => (c < 0 ? null : cube.values[at(c)] ?? null);
		// Per-cell CI and n: a statistic dimension (PX, PxWeb, JSON-stat) or columns beside the value (CSV, xlsx).
		const lo = mIdx < 0 && csv?.ci_low ? csv.ci_low[vi] : num(loI);
		const hi = mIdx < 0 && csv?.ci_high ? csv.ci_high[vi] : num(hiI);
		const n = mIdx < 0 && csv?.n ? csv.n[vi] : num(nI);
		const flip = (x: number | null) => (x === null ? null : complement ? Math.round((100 - x) * 10) / 10 : x);
		observations.push({
			indicator_id: ind.id,
			region_code: region,
			period_start: period[0],
			period_end: period[1],
			sex,
			group_dim: group[0],
			group_code: group[1],
			value: flip(raw),
			ci_low: complement ? flip(hi) : lo,
			ci_high: complement ? flip(lo) : hi,
			n: n === null ? null : Math.round(n),
			status: raw === null ? (cube.status.get(vi) ?? NOT_AVAILABLE) : (cube.status.get(vi) ?? null),
			source_id: sourceId,
			is_demo: false
		});
		origins.push({ cell: vi, line });
	}
	return { observations, rejects, inputCells, origins };
}
