/**
 * fetchTable: the one entry point of the fetch client.
 *
 * PxWeb (v1, v2): GET the table metadata → resolve the selection → count cells → plan one
 * call, or several split along time first (then the largest variable) so each stays
 * under `limits.maxCells` → POST each → read (v1 `json` with readPxWebJson, v2
 * `json-stat2` with readJsonStat) → merge the parts back into one cube (mergeCubes).
 * A 403 on a data call (SCB's "too many cells") splits that call in two and tries once
 * more. Kolada v3: GET the data URLs (≤ 25 ids per path segment, per_page=5000) and follow
 * `next_url`/`next_page`; rows marked `isdeleted` are dropped.
 * Every exchange is rate limited, retried per http.ts, saved under `outDir` and recorded
 * in the manifest.
 */
import path from 'node:path';
import type { Cube } from '../cube/model.ts';
import type { Problem } from '../cube/errors.ts';
import { readJsonStat } from '../read/jsonstat.ts';
import { readPxWebJson, readPxWebMetadata } from '../read/pxweb-json.ts';
import { systemClock, type Clock } from './clock.ts';
import { requestHash } from './hash.ts';
import { defaultRetryPolicy, FetchError, httpRequest, type HttpContext, type RetryPolicy } from './http.ts';
import { koladaNextPage, readKoladaPages } from './kolada.ts';
import { mergeCubes } from './merge.ts';
import {
	cellsOf,
	dataUrl,
	koladaUrls,
	metadataUrl,
	planQuery,
	resolveSelection,
	resolveTotalTexts,
	tableName,
	v1Body,
	v2Body,
	type Plan,
	type ResolvedVariable,
	type TableShape
} from './query.ts';
import { RateLimiter } from './rate-limit.ts';
import { shapeFromCube, shapeFromV2Metadata } from './shape.ts';
import { defaultLimits, type Limits, type TableSpec } from './spec.ts';

export type { TableSpec, Selection, VariableSelection, FilterSelection, Limits, ApiKind } from './spec.ts';
export { defaultLimits } from './spec.ts';
export { FetchError, type RetryPolicy } from './http.ts';
export { RateLimiter } from './rate-limit.ts';
export { mergeCubes, MergeError } from './merge.ts';
export { SpecError } from './query.ts';
export type { Clock } from './clock.ts';
export type { ManifestEntry } from './manifest.ts';

export interface FetchOptions {
	/** Folder for raw answers (the pipeline uses `data/raw/<publisher>/`). */
	outDir: string;
	/** JSON manifest file (an array of ManifestEntry), appended atomically. */
	manifestPath: string;
	fetch?: typeof fetch;
	clock?: Clock;
	/** Override the API's default limits (spec.ts defaultLimits). */
	limits?: Partial<Limits>;
	/** Limiter to use; default: sharedLimiter(spec.baseUrl, limits, clock), one per server host. */
	limiter?: RateLimiter;
	retry?: Partial<RetryPolicy>;
	/** Base of the manifest's `savedAs`. Default process.cwd(). */
	repoRoot?: string;
	onWait?: HttpContext['onWait'];
}

export interface FetchResult {
	cube: Cube;
	/** Saved answers used for the cube (metadata first), relative to repoRoot. */
	files: string[];
	warnings: Problem[];
	/** Number of data calls made. */
	calls: number;
	/** `spec.totalTexts` resolved from the metadata: variable → whole-population code. */
	totalCodes: Record<string, string>;
}

const limiters = new WeakMap<Clock, Map<string, RateLimiter>>();

/**
 * One limiter per (clock, server host, limits) for the whole process, so that fetching
 * many tables one after another (or at once) stays within the server's calls per window.
 */
export function sharedLimiter(baseUrl: string, limits: Pick<Limits, 'maxCalls' | 'windowMs'>, clock: Clock = systemClock): RateLimiter {
	let byKey = limiters.get(clock);
	if (!byKey) limiters.set(clock, (byKey = new Map()));
	const key = `${new URL(baseUrl).host}|${limits.maxCalls}|${limits.windowMs}`;
	let l = byKey.get(key);
	if (!l) byKey.set(key, (l = new RateLimiter(limits.maxCalls, limits.windowMs, clock)));
	return l;
}

export async function fetchTable(spec: TableSpec, opts: FetchOptions): Promise<FetchResult> {
	const limits: Limits = { ...defaultLimits(spec), ...opts.limits };
	const clock = opts.clock ?? systemClock;
	const ctx: HttpContext = {
		fetch: opts.fetch ?? globalThis.fetch,
		clock,
		limiter: opts.limiter ?? sharedLimiter(spec.baseUrl, limits, clock),
		retry: { ...defaultRetryPolicy, ...opts.retry },
		outDir: opts.outDir,
		manifestPath: opts.manifestPath,
		repoRoot: opts.repoRoot ?? process.cwd(),
		onWait: opts.onWait
	};
	if (spec.api === 'kolada-v3') return fetchKolada(spec, ctx);
	return fetchPxWeb(spec, ctx, limits);
}

async function fetchKolada(spec: TableSpec, ctx: HttpContext): Promise<FetchResult> {
	const pages: unknown[] = [];
	const files: string[] = [];
	const urls = koladaUrls(spec);
	// One GET per chunk of ≤ 25 ids per path segment, each followed through its pages.
	for (const first of urls) {
		let url: string | undefined = first;
		let n = 0;
		while (url) {
			if (++n > 1000) throw new FetchError('http', `${first}: more than 1000 pages; giving up`, { url, method: 'GET', status: 200, tries: 1 });
			const u = new URL(url);
			const res = await httpRequest({ url, method: 'GET', body: null, saveAs: `${spec.table}-${requestHash(u.pathname + u.search)}.json`, table: spec.table }, ctx);
			pages.push(res.json);
			files.push(res.savedAs);
			const next = koladaNextPage(res.json);
			url = next ? new URL(next, url).toString() : undefined;
		}
	}
	const { cube, warnings } = readKoladaPages(pages, urls[0], spec.lang);
	cube.extra.fetchedFrom = urls[0];
	return { cube, files, warnings, calls: pages.length, totalCodes: {} };
}

async function fetchPxWeb(spec: TableSpec, ctx: HttpContext, limits: Limits): Promise<FetchResult> {
	const v1 = spec.api === 'pxweb-v1';
	const name = tableName(spec);
	const prefix = v1 ? `${spec.lang}/${name}` : name;
	const files: string[] = [];
	const warnings: Problem[] = [];

	// 1. Metadata.
	const mUrl = metadataUrl(spec);
	const mQuery = new URL(mUrl).search.slice(1);
	const meta = await httpRequest(
		{ url: mUrl, method: 'GET', body: null, saveAs: v1 ? `${prefix}.json` : `${prefix}-metadata${mQuery ? '-' + requestHash(mQuery) : ''}.json`, table: spec.table },
		ctx
	);
	files.push(meta.savedAs);
	const shape: TableShape = v1 ? shapeFromCube(readPxWebMetadata(meta.json, mUrl, { lang: spec.lang })) : shapeFromV2Metadata(meta.json, mUrl);

	// 2. Plan (whole-population codes by text first: a missing text fails before any data call).
	const totalCodes = resolveTotalTexts(spec.totalTexts, shape, spec.table);
	const vars = resolveSelection(spec.selection, shape, spec.table);
	const plan = planQuery(vars, shape, limits.maxCells, spec.table);
	const dUrl = dataUrl(spec);
	const dQuery = new URL(dUrl).search.slice(1);
	let calls = 0;

	const fetchLeaf = async (leaf: ResolvedVariable[]): Promise<Cube> => {
		const body = v1 ? v1Body(leaf, 'json') : v2Body(leaf);
		const saveAs = v1 ? `${prefix}-${requestHash(body)}-POST.json` : `${prefix}-data${dQuery ? '-' + requestHash(dQuery) : ''}-${requestHash(body)}-POST.json`;
		calls++;
		const res = await httpRequest({ url: dUrl, method: 'POST', body, saveAs, table: spec.table }, ctx);
		files.push(res.savedAs);
		const origin = `${dUrl} ${res.savedAs}`;
		if (v1) {
			const grouped = leaf.filter((v) => v.filter !== 'item').map((v) => v.code);
			const r = readPxWebJson(res.json, { origin, metadata: meta.json, lang: spec.lang, ...(grouped.length ? { groupedVariables: grouped } : {}) });
			warnings.push(...r.warnings);
			return r.cube;
		}
		const r = readJsonStat(res.json, { origin, lang: spec.lang });
		warnings.push(...r.warnings);
		if (r.cubes.length !== 1) throw new FetchError('http', `${dUrl}: expected one JSON-stat dataset, got ${r.cubes.length}`, { url: dUrl, method: 'POST', status: res.status, tries: 1, savedAs: res.savedAs });
		return r.cubes[0];
	};

	const run = async (p: Plan, resplit: boolean): Promise<Cube> => {
		if (p.kind === 'split') {
			const parts: Cube[] = [];
			for (const part of p.parts) parts.push(await run(part, resplit));
			return mergeCubes(parts, p.dimension, p.order);
		}
		try {
			return await fetchLeaf(p.vars);
		} catch (e) {
			const cells = cellsOf(p.vars);
			if (!(e instanceof FetchError) || e.kind !== 'over-limit' || !resplit || cells < 2) throw e;
			// SCB answers 403 when a query asks too many cells: split once, smaller.
			let smaller: Plan;
			try {
				smaller = planQuery(p.vars, shape, Math.floor(cells / 2), spec.table);
			} catch {
				throw e;
			}
			try {
				return await run(smaller, false);
			} catch (e2) {
				if (e2 instanceof FetchError && e2.kind === 'over-limit')
					throw new FetchError('over-limit', `${e2.message}; still over the limit after splitting a ${cells}-cell query into calls of ≤ ${Math.floor(cells / 2)} cells`, {
						url: e2.url,
						method: e2.method,
						status: 403,
						tries: e2.tries,
						bytes: e2.bytes,
						savedAs: e2.savedAs
					});
				throw e2;
			}
		}
	};
	const cube = await run(plan, true);
	cube.extra.fetchedFrom = dUrl;
	return { cube, files, warnings, calls, totalCodes };
}

/** Default raw-answer folder for a spec: `data/raw/<publisher>/`. */
export function rawDir(spec: TableSpec, root = process.cwd()): string {
	const pub = spec.publisher ?? (spec.api === 'kolada-v3' ? 'kolada' : /folkhalso/i.test(spec.baseUrl) ? 'fohm' : 'scb');
	return path.join(root, 'data', 'raw', pub);
}
