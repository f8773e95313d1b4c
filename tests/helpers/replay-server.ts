/**
 * A local HTTP server replaying the httptest recordings of rOpenGov/pxweb in
 * /work/shared/fixtures/pxweb-api ("same request in, same answer out").
 *
 * URL mapping: `https://<host>/<path>?<qs>` ↔ `http://127.0.0.1:<port>/<host>/<path>?<qs>`
 * (`urlFor`, `fetch` rewrites https URLs itself).
 *
 * Which recording answers (httptest's naming, see pipelines/fetch/hash.ts):
 * - GET: `<host>/<path>[-<hash(qs)>].json`; when a query string has no recording, the
 *   file without it (TAB5974/metadata.json was recorded without `?lang=sv`).
 * - POST: the body is parsed and re-serialized minified (JSON.stringify); then
 *   1. by hash: `<path>[-<hash(qs)>]-<hash(body)>-POST.json` (works for every recording
 *      whose body was ASCII and minified as pxweb sent it: e57f52, 28a10f, 3e8562,
 *      eec451, b4ec21, d7786c, c9f73a, v2 5aec69);
 *   2. else by content: every `<path>[-<hash(qs)>]-*-POST.json` is read and its answer's
 *      selection compared with the query: v1 `json` → the codes in `data[].key` per
 *      column plus the content columns; JSON-stat (1.x `dataset` or 2.0) → category codes
 *      per dimension (size-1 dimensions may be eliminated in the query); the response
 *      format must fit too. This finds the recordings whose upstream body can't be
 *      rebuilt byte for byte (ÄNKL queries 21059a/74adc2/4f411e/b770f2, b51455, fb7f17).
 * - Anything else: 404 with a JSON error.
 *
 * Test controls: `script(pathPart, responses)` queues canned answers for requests whose
 * path contains `pathPart` (consumed in order, then back to replay); `maxCells` answers
 * 403 like SCB for POST queries asking more cells; every request is recorded in
 * `requests`.
 */
import { sharedPath } from './shared.ts';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { requestHash } from '../../pipelines/fetch/hash.ts';

export const FIXTURES = sharedPath('fixtures/pxweb-api');

export interface ReceivedRequest {
	method: string;
	/** Path and query as received, e.g. `/api.scb.se/OV0104/v1/doris/sv/ssd/…`. */
	path: string;
	body: string | null;
	/** The recording that answered, relative to the fixtures root, or null. */
	answeredWith: string | null;
	/** How the recording was found: file path (GET), body hash, or answer content (POST). */
	matchedBy: 'path' | 'hash' | 'content' | null;
	status: number;
}

export type Scripted =
	| { status: number; body?: string; headers?: Record<string, string> }
	/** 200 with a Content-Length larger than what is sent, then the socket is destroyed. */
	| { truncate: { declared: number; send: string } }
	/** Pass to the replay (lets a script say "fail twice, then the real answer"). */
	| { replay: true };

export interface ReplayServer {
	port: number;
	origin: string;
	requests: ReceivedRequest[];
	/** 403 (SCB style) for POST queries over this many cells; Infinity = off. */
	maxCells: number;
	urlFor(realUrl: string): string;
	fetch: typeof fetch;
	script(pathPart: string, responses: Scripted[]): void;
	/** Forget scripts and recorded requests; maxCells back to Infinity. */
	reset(): void;
	close(): Promise<void>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Query selection → code → values and the asked format (v1 or v2 body). */
function querySelection(body: unknown): { sel: Map<string, string[]>; format: string } | undefined {
	if (!isObj(body)) return undefined;
	const sel = new Map<string, string[]>();
	if (Array.isArray(body.query)) {
		for (const q of body.query) if (isObj(q) && isObj(q.selection) && Array.isArray(q.selection.values)) sel.set(String(q.code), q.selection.values.map(String));
		const fmt = isObj(body.response) && typeof body.response.format === 'string' ? body.response.format : 'px';
		return { sel, format: fmt };
	}
	if (Array.isArray(body.selection)) {
		for (const q of body.selection) if (isObj(q) && Array.isArray(q.valueCodes)) sel.set(String(q.variableCode), q.valueCodes.map(String));
		return { sel, format: 'json-stat2' };
	}
	return undefined;
}

/** A recorded answer → code → values, and its format. */
function answerSelection(ans: unknown): { sel: Map<string, string[]>; format: string } | undefined {
	if (!isObj(ans)) return undefined;
	const sel = new Map<string, string[]>();
	if (Array.isArray(ans.columns) && Array.isArray(ans.data)) {
		const cols = ans.columns.filter(isObj);
		const keyCols = cols.filter((c) => c.type !== 'c');
		keyCols.forEach((c, j) => {
			const seen: string[] = [];
			for (const r of ans.data as unknown[]) if (isObj(r) && Array.isArray(r.key) && !seen.includes(String(r.key[j]))) seen.push(String(r.key[j]));
			sel.set(String(c.code), seen);
		});
		sel.set('\u0000content', cols.filter((c) => c.type === 'c').map((c) => String(c.code)));
		return { sel, format: 'json' };
	}
	const ds = isObj(ans.dataset) ? ans.dataset : ans;
	const dim = isObj(ds.dimension) ? ds.dimension : undefined;
	if (!dim) return undefined;
	const ids = Array.isArray(ds.id) ? ds.id : Array.isArray(dim.id) ? dim.id : Object.keys(dim);
	for (const id of ids.map(String)) {
		const d = dim[id];
		if (!isObj(d) || !isObj(d.category)) continue;
		const idx = d.category.index;
		const codes = Array.isArray(idx) ? idx.map(String) : isObj(idx) ? Object.entries(idx).sort((a, b) => Number(a[1]) - Number(b[1])).map(([k]) => k) : isObj(d.category.label) ? Object.keys(d.category.label) : [];
		sel.set(id, codes);
	}
	return { sel, format: isObj(ans.dataset) ? 'json-stat' : 'json-stat2' };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

function matches(q: { sel: Map<string, string[]>; format: string }, a: { sel: Map<string, string[]>; format: string }): boolean {
	if (q.format !== a.format) return false;
	const content = a.sel.get('\u0000content');
	for (const [code, vals] of q.sel) {
		const got = a.sel.get(code);
		if (got) {
			if (!sameSet(vals, got)) return false;
		} else if (content && code === 'ContentsCode') {
			if (!sameSet(vals, content)) return false;
		} else if (content) {
			// v1 json lists every selected variable in columns; a missing one isn't this answer.
			const isContent = sameSet(vals, content);
			if (!isContent) return false;
		} else return false;
	}
	for (const [code, vals] of a.sel) {
		if (code === '\u0000content') continue;
		if (!q.sel.has(code) && vals.length !== 1) return false;
	}
	return true;
}

export async function startReplayServer(root = FIXTURES): Promise<ReplayServer> {
	const requests: ReceivedRequest[] = [];
	const scripts: { part: string; queue: Scripted[] }[] = [];
	const state = { maxCells: Number.POSITIVE_INFINITY };
	const answerCache = new Map<string, ReturnType<typeof answerSelection>>();

	let lastMatch: ReceivedRequest['matchedBy'] = null;
	const fileFor = (method: string, pathname: string, qs: string, body: string | null): string | undefined => {
		lastMatch = method === 'GET' ? 'path' : 'hash';
		const rel = decodeURIComponent(pathname).replace(/^\/+/, '').replace(/\/$/, '');
		if (rel.split('/').includes('..')) return undefined;
		const base = path.join(root, rel);
		const withQ = qs ? `${base}-${requestHash(qs)}` : base;
		if (method === 'GET') {
			for (const f of [`${withQ}.json`, `${base}.json`]) if (fs.existsSync(f)) return f;
			return undefined;
		}
		if (body === null) return undefined;
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
		const norm = JSON.stringify(parsed);
		const byHash = `${withQ}-${requestHash(norm)}-${method}.json`;
		if (fs.existsSync(byHash)) return byHash;
		const q = querySelection(parsed);
		if (!q) return undefined;
		const dir = path.dirname(withQ);
		if (!fs.existsSync(dir)) return undefined;
		const prefix = path.basename(withQ) + '-';
		const suffix = `-${method}.json`;
		for (const f of fs.readdirSync(dir).sort()) {
			if (!f.startsWith(prefix) || !f.endsWith(suffix)) continue;
			// exactly one more hash between prefix and suffix
			if (!/^[0-9a-f]{6}$/.test(f.slice(prefix.length, f.length - suffix.length))) continue;
			const full = path.join(dir, f);
			if (!answerCache.has(full)) answerCache.set(full, answerSelection(JSON.parse(fs.readFileSync(full, 'utf8'))));
			const a = answerCache.get(full);
			if (a && matches(q, a)) {
				lastMatch = 'content';
				return full;
			}
		}
		return undefined;
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = req.method === 'POST' || req.method === 'PUT' ? Buffer.concat(chunks).toString('utf8') : null;
			const url = new URL(req.url ?? '/', 'http://localhost');
			const rec: ReceivedRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, body, answeredWith: null, matchedBy: null, status: 0 };
			requests.push(rec);
			const send = (status: number, text: string, headers: Record<string, string> = {}) => {
				rec.status = status;
				const buf = Buffer.from(text, 'utf8');
				res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(buf.length), ...headers });
				res.end(buf);
			};
			const script = scripts.find((s) => s.queue.length > 0 && decodeURIComponent(rec.path).includes(s.part));
			const canned = script?.queue.shift();
			if (canned && !('replay' in canned)) {
				if ('truncate' in canned) {
					rec.status = 200;
					res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(canned.truncate.declared) });
					res.write(canned.truncate.send, () => res.destroy());
					return;
				}
				send(canned.status, canned.body ?? '', canned.headers);
				return;
			}
			if (body !== null && Number.isFinite(state.maxCells)) {
				try {
					const q = querySelection(JSON.parse(body));
					const cells = q ? [...q.sel.values()].reduce((n, v) => n * v.length, 1) : 0;
					if (cells > state.maxCells) {
						send(403, JSON.stringify({ error: `Too many values selected: ${cells} > ${state.maxCells}` }));
						return;
					}
				} catch {
					/* fall through */
				}
			}
			const file = fileFor(rec.method, url.pathname, url.search.slice(1), body);
			if (!file) {
				send(404, JSON.stringify({ error: 'no recording for this request', method: rec.method, path: rec.path }));
				return;
			}
			rec.answeredWith = path.relative(root, file);
			rec.matchedBy = lastMatch;
			send(200, fs.readFileSync(file, 'utf8'));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const origin = `http://127.0.0.1:${port}`;
	const urlFor = (realUrl: string) => realUrl.replace(/^https?:\/\//, `${origin}/`);
	const replay: ReplayServer = {
		port,
		origin,
		requests,
		get maxCells() {
			return state.maxCells;
		},
		set maxCells(n: number) {
			state.maxCells = n;
		},
		urlFor,
		fetch: ((input: string | URL | Request, init?: RequestInit) => {
			const u = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
			return globalThis.fetch(u.startsWith(origin) ? u : urlFor(u), init);
		}) as typeof fetch,
		script(part, responses) {
			scripts.push({ part, queue: [...responses] });
		},
		reset() {
			scripts.length = 0;
			requests.length = 0;
			state.maxCells = Number.POSITIVE_INFINITY;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
	return replay;
}
