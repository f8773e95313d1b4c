/**
 * One HTTP exchange with retries, rate limiting, raw-answer saving and the manifest.
 *
 * Policy (see README.md):
 * - 429, 502, 503, 504 and network errors (no response, connection reset, truncated body):
 *   retried with exponential backoff and jitter (`baseDelayMs · 2^(try-1)`, scaled by a
 *   random factor in [0.5, 1], capped at `maxDelayMs`); a `Retry-After` header (seconds or
 *   HTTP date) is honoured as the minimum wait. Up to `maxTries` tries in all.
 * - 500: retried once (`tries500`, default 2 tries in all): SCB answers 500 both for
 *   passing server trouble and for queries it can't handle, so a second try is worth
 *   it, five are not.
 * - 403: not retried here; FetchError kind `over-limit` (the caller splits the query).
 * - 404: FetchError kind `unknown-table` ("unknown table <id> at <url>").
 * - other 4xx: FetchError kind `http`, with the start of the answer.
 * - 2xx that isn't JSON: FetchError kind `not-json`, naming URL and byte count.
 * Every try is recorded in the manifest; every answer received is saved: good ones as
 * `<name>`, failed tries as `<name without .json>.try<N>-<status>.raw`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { sha256Hex } from './hash.ts';
import { appendManifest, type ManifestEntry } from './manifest.ts';
import type { RateLimiter } from './rate-limit.ts';

export type FetchErrorKind =
	| 'over-limit'
	| 'unknown-table'
	| 'http'
	| 'network'
	| 'truncated'
	| 'not-json'
	| 'retries-exhausted';

export class FetchError extends Error {
	readonly kind: FetchErrorKind;
	readonly url: string;
	readonly method: string;
	/** Last HTTP status; 0 when no response arrived. */
	readonly status: number;
	readonly tries: number;
	/** Bytes of the last answer received. */
	readonly bytes: number;
	/** Where the last answer was saved (repo-relative), if it was. */
	readonly savedAs: string | null;
	constructor(kind: FetchErrorKind, message: string, info: { url: string; method: string; status: number; tries: number; bytes?: number; savedAs?: string | null; cause?: unknown }) {
		super(message, info.cause !== undefined ? { cause: info.cause } : undefined);
		this.name = 'FetchError';
		this.kind = kind;
		this.url = info.url;
		this.method = info.method;
		this.status = info.status;
		this.tries = info.tries;
		this.bytes = info.bytes ?? 0;
		this.savedAs = info.savedAs ?? null;
	}
}

export interface RetryPolicy {
	/** Tries in all for retryable failures (429, 502–504, network). Default 5. */
	maxTries: number;
	/** Tries in all for 500. Default 2. */
	tries500: number;
	/** First backoff. Default 1000 ms. */
	baseDelayMs: number;
	/** Longest backoff. Default 30 000 ms. */
	maxDelayMs: number;
	/** A Retry-After above this fails at once instead of waiting. Default 120 000 ms. */
	maxRetryAfterMs: number;
	/** Jitter source in [0, 1). Default Math.random. */
	random: () => number;
	/** Abort a try that takes longer (real time; counts as a network error). Default 120 000 ms. */
	timeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
	maxTries: 5,
	tries500: 2,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
	random: Math.random,
	timeoutMs: 120_000
};

export interface HttpContext {
	fetch: typeof fetch;
	clock: Clock;
	limiter: RateLimiter;
	retry: RetryPolicy;
	/** Folder for raw answers (absolute or relative to cwd). */
	outDir: string;
	manifestPath: string;
	/** Base of `savedAs` paths. Default process.cwd(). */
	repoRoot: string;
	/** Called before each wait (for logs). */
	onWait?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
}

export interface HttpRequest {
	url: string;
	method: 'GET' | 'POST';
	body: string | null;
	/** File name for the saved answer, relative to outDir. */
	saveAs: string;
	/** Table id for "unknown table" messages. */
	table: string;
}

export interface HttpResult {
	status: number;
	bytes: Uint8Array;
	json: unknown;
	/** Absolute path of the saved answer. */
	file: string;
	savedAs: string;
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/** Retry-After in ms (delta-seconds or HTTP date), or undefined. */
export function parseRetryAfter(h: string | null, now: number): number | undefined {
	if (!h) return undefined;
	const s = h.trim();
	if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
	const t = Date.parse(s);
	return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export function backoffMs(attempt: number, p: RetryPolicy): number {
	const exp = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exp * (0.5 + 0.5 * p.random()));
}

/** Read the whole body; on a stream error return what arrived and the error. */
async function readBody(res: Response): Promise<{ bytes: Uint8Array; error?: unknown }> {
	const chunks: Uint8Array[] = [];
	let n = 0;
	let error: unknown;
	if (res.body) {
		const reader = res.body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				chunks.push(value);
				n += value.length;
			}
		} catch (e) {
			error = e;
		}
	}
	const bytes = new Uint8Array(n);
	let o = 0;
	for (const c of chunks) {
		bytes.set(c, o);
		o += c.length;
	}
	return { bytes, error };
}

function rel(ctx: HttpContext, abs: string): string {
	return path.relative(ctx.repoRoot, abs).split(path.sep).join('/');
}

function preview(bytes: Uint8Array): string {
	return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 120)).replace(/\s+/g, ' ').trim();
}

export async function httpRequest(req: HttpRequest, ctx: HttpContext): Promise<HttpResult> {
	const { url, method, body } = req;
	const info = (status: number, tries: number, bytes = 0, savedAs: string | null = null, cause?: unknown) => ({ url, method, status, tries, bytes, savedAs, cause });
	const okFile = path.resolve(ctx.outDir, req.saveAs);
	const failFile = (attempt: number, status: number | string) => okFile.replace(/\.json$/, '') + `.try${attempt}-${status}.raw`;
	let lastReason = '';
	let lastStatus = 0;
	let lastBytes = 0;
	let lastSaved: string | null = null;
	for (let attempt = 1; ; attempt++) {
		await ctx.limiter.acquire();
		const requestedAt = new Date(ctx.clock.now()).toISOString();
		const entry: ManifestEntry = { url, method, body, requestedAt, status: 0, sha256: null, bytes: 0, savedAs: null, attempt };
		let res: Response | undefined;
		let netErr: unknown;
		try {
			res = await ctx.fetch(url, {
				method,
				headers: body !== null ? { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' } : { accept: 'application/json' },
				body: body ?? undefined,
				signal: AbortSignal.timeout(ctx.retry.timeoutMs)
			});
		} catch (e) {
			netErr = e;
		}
		let retryable: boolean;
		let retryAfter: number | undefined;
		let failKind: FetchErrorKind = 'network';
		if (!res) {
			entry.error = `network error: ${(netErr as Error)?.message ?? String(netErr)}`;
			await appendManifest(ctx.manifestPath, entry);
			lastReason = entry.error;
			lastStatus = 0;
			lastBytes = 0;
			lastSaved = null;
			retryable = true;
		} else {
			const { bytes, error: streamErr } = await readBody(res);
			// Content-Length counts the bytes on the wire: only comparable when not compressed
			// (fetch decompresses gzip/br transparently). A cut connection also shows as a stream error.
			const encoding = (res.headers.get('content-encoding') ?? 'identity').toLowerCase();
			const declared = encoding === 'identity' ? Number(res.headers.get('content-length') ?? NaN) : NaN;
			const truncated = streamErr !== undefined || (Number.isFinite(declared) && declared !== bytes.length);
			const good = res.status >= 200 && res.status < 300 && !truncated;
			let json: unknown;
			let notJson = false;
			if (good) {
				try {
					json = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
				} catch {
					notJson = true;
				}
			}
			const file = good && !notJson ? okFile : failFile(attempt, truncated ? 'truncated' : notJson ? 'notjson' : res.status);
			await fs.mkdir(path.dirname(file), { recursive: true });
			await fs.writeFile(file, bytes);
			entry.status = res.status;
			entry.sha256 = sha256Hex(bytes);
			entry.bytes = bytes.length;
			entry.savedAs = rel(ctx, file);
			lastStatus = res.status;
			lastBytes = bytes.length;
			lastSaved = entry.savedAs;
			if (good && !notJson) {
				await appendManifest(ctx.manifestPath, entry);
				return { status: res.status, bytes, json, file, savedAs: entry.savedAs };
			}
			if (truncated) {
				entry.error = `truncated answer: ${bytes.length} bytes received${Number.isFinite(declared) ? ` of ${declared} declared` : ''}`;
				failKind = 'truncated';
				retryable = true;
			} else if (notJson) {
				entry.error = `answer is not JSON (${bytes.length} bytes)`;
				await appendManifest(ctx.manifestPath, entry);
				throw new FetchError(
					'not-json',
					`${method} ${url}: answer is not JSON (HTTP ${res.status}, ${bytes.length} bytes, starts "${preview(bytes)}"); saved as ${entry.savedAs}`,
					info(res.status, attempt, bytes.length, entry.savedAs)
				);
			} else {
				entry.error = `HTTP ${res.status}`;
				if (res.status === 403) {
					await appendManifest(ctx.manifestPath, entry);
					throw new FetchError('over-limit', `${method} ${url}: HTTP 403 (over the server's limit?): ${preview(bytes)}`, info(403, attempt, bytes.length, entry.savedAs));
				}
				if (res.status === 404) {
					await appendManifest(ctx.manifestPath, entry);
					throw new FetchError('unknown-table', `unknown table ${req.table} at ${url} (HTTP 404: ${preview(bytes)})`, info(404, attempt, bytes.length, entry.savedAs));
				}
				if (res.status === 500) retryable = attempt < ctx.retry.tries500;
				else retryable = RETRYABLE.has(res.status);
				if (!RETRYABLE.has(res.status) && res.status !== 500) {
					await appendManifest(ctx.manifestPath, entry);
					throw new FetchError('http', `${method} ${url}: HTTP ${res.status}: ${preview(bytes)}`, info(res.status, attempt, bytes.length, entry.savedAs));
				}
				failKind = 'http';
				retryAfter = parseRetryAfter(res.headers.get('retry-after'), ctx.clock.now());
			}
			lastReason = entry.error;
			await appendManifest(ctx.manifestPath, entry);
		}
		const cap = lastStatus === 500 ? ctx.retry.tries500 : ctx.retry.maxTries;
		if (!retryable || attempt >= cap) {
			const what = failKind === 'truncated' ? `truncated answer (${lastBytes} bytes)` : lastStatus ? `HTTP ${lastStatus}` : lastReason;
			throw new FetchError(
				failKind === 'truncated' ? 'truncated' : 'retries-exhausted',
				`${method} ${url}: gave up after ${attempt} ${attempt === 1 ? 'try' : 'tries'}; last: ${what}${lastSaved ? `; answer saved as ${lastSaved}` : ''}`,
				info(lastStatus, attempt, lastBytes, lastSaved, netErr)
			);
		}
		if (retryAfter !== undefined && retryAfter > ctx.retry.maxRetryAfterMs) {
			throw new FetchError(
				'retries-exhausted',
				`${method} ${url}: HTTP ${lastStatus} asks to retry after ${Math.round(retryAfter / 1000)} s, more than the allowed ${Math.round(ctx.retry.maxRetryAfterMs / 1000)} s (try ${attempt})`,
				info(lastStatus, attempt, lastBytes, lastSaved)
			);
		}
		const delay = Math.max(backoffMs(attempt, ctx.retry), retryAfter ?? 0);
		ctx.onWait?.({ url, attempt, delayMs: delay, reason: lastReason });
		await ctx.clock.sleep(delay);
	}
}
