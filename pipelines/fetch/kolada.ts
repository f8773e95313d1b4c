/**
 * Kolada v3 data answers → Cube. Shape per data-sources.md §5.4 [T, not checked live]:
 * `{"values":[{"kpi","municipality","period","values":[{"gender":"T|K|M","value":…,"status"?}]}],
 *   "next_url"?|"next_page"?}`.
 * Dimensions: kpi (metric) × municipality (geo) × period (time) × gender (other), categories
 * in order of first appearance (periods sorted). value null → null with the answer's
 * `status` (or "..") as marker.
 *
 * Rows marked `isdeleted` (on the row or on one of its gender values; true, 1 or "true")
 * are dropped before anything else, as rKolada does: Kolada keeps a deleted figure next to
 * its replacement, and a deleted duplicate must not win "first kept". A warning counts them.
 */
import type { Cube, Dimension } from '../cube/model.ts';
import { strides } from '../cube/model.ts';
import { ReadError, type Problem } from '../cube/errors.ts';
import { NOT_AVAILABLE } from '../read/missing.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The link to the next page of a Kolada answer, if any. */
export function koladaNextPage(answer: unknown): string | undefined {
	if (!isObj(answer)) return undefined;
	const n = answer.next_url ?? answer.next_page;
	return typeof n === 'string' && n !== '' ? n : undefined;
}

export function readKoladaPages(pages: readonly unknown[], origin: string, lang = 'sv'): { cube: Cube; warnings: Problem[] } {
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const rows: { kpi: string; m: string; p: string; g: string; value: unknown; status?: string }[] = [];
	const deleted = (o: Obj) => o.isdeleted === true || o.isdeleted === 1 || o.isdeleted === 'true';
	let dropped = 0;
	pages.forEach((page, pi) => {
		if (!isObj(page) || !Array.isArray(page.values)) {
			errors.push({ severity: 'error', file: origin, line: 0, where: `page ${pi + 1} /values`, message: 'Kolada answer needs a values array' });
			return;
		}
		page.values.forEach((r, i) => {
			if (!isObj(r) || !Array.isArray(r.values)) {
				errors.push({ severity: 'error', file: origin, line: 0, where: `page ${pi + 1} /values/${i}`, message: 'row needs kpi, municipality, period and values' });
				return;
			}
			const rowDeleted = deleted(r);
			for (const v of r.values) {
				if (!isObj(v)) continue;
				if (rowDeleted || deleted(v)) {
					dropped++;
					continue;
				}
				rows.push({
					kpi: String(r.kpi ?? ''),
					m: String(r.municipality ?? ''),
					p: String(r.period ?? ''),
					g: String(v.gender ?? 'T'),
					value: v.value,
					status: typeof v.status === 'string' && v.status !== '' ? v.status : undefined
				});
			}
		});
	});
	if (errors.length) throw new ReadError(errors);
	if (dropped) warnings.push({ severity: 'warning', file: origin, line: 0, where: '/values', message: `${dropped} value(s) marked isdeleted dropped` });
	const uniq = (xs: string[]) => [...new Set(xs)];
	const dim = (id: string, label: string, role: Dimension['role'], codes: string[]): Dimension => ({
		id,
		code: id,
		label: { [lang]: label },
		role,
		categories: codes.map((c) => ({ code: c, label: { [lang]: c }, notes: [] })),
		notes: []
	});
	const dims = [
		dim('kpi', 'nyckeltal', 'metric', uniq(rows.map((r) => r.kpi))),
		dim('municipality', 'kommun/region', 'geo', uniq(rows.map((r) => r.m))),
		dim('period', 'år', 'time', uniq(rows.map((r) => r.p)).sort()),
		dim('gender', 'kön', 'other', uniq(rows.map((r) => r.g)))
	];
	const st = strides(dims);
	const pos = dims.map((d) => new Map(d.categories.map((c, i) => [c.code, i])));
	const total = dims.reduce((n, d) => n * d.categories.length, 1);
	const values: (number | null)[] = new Array(total).fill(null);
	const status = new Map<number, string>();
	const filled = new Uint8Array(total);
	for (const r of rows) {
		const idx = [r.kpi, r.m, r.p, r.g].reduce((s, c, k) => s + pos[k].get(c)! * st[k], 0);
		if (filled[idx]) {
			warnings.push({ severity: 'warning', file: origin, line: 0, where: '/values', message: `duplicate cell ${r.kpi}/${r.m}/${r.p}/${r.g}; first kept` });
			continue;
		}
		filled[idx] = 1;
		if (typeof r.value === 'number' && Number.isFinite(r.value)) {
			values[idx] = r.value;
			if (r.status) status.set(idx, r.status);
		} else status.set(idx, r.status ?? NOT_AVAILABLE);
	}
	for (let i = 0; i < total; i++) if (!filled[i]) status.set(i, NOT_AVAILABLE);
	const cube: Cube = {
		origin,
		format: 'pxweb-json',
		languages: [lang],
		defaultLanguage: lang,
		title: { [lang]: dims[0].categories.map((c) => c.code).join(', ') },
		dimensions: dims,
		values,
		status,
		notes: [],
		cellNotes: [],
		extra: { api: 'kolada-v3' }
	};
	return { cube, warnings };
}
