/**
 * Chromium for the benchmark: Debian's binary through playwright-core (same flags as the browser
 * tests), one fresh context per measured page load, and a CDP session per page that clears and
 * disables the cache, throttles the network and records every request's compressed size
 * (`Network.loadingFinished.encodedDataLength`) with its monotonic finish time.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/helpers/browser.ts';

export { chromiumPath };

/** 40 Mbit/s down, 20 Mbit/s up, 20 ms latency (CDP takes bytes per second). */
export const THROTTLE = { offline: false, latency: 20, downloadThroughput: 5_000_000, uploadThroughput: 2_500_000 };

export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export interface RequestRecord {
	url: string;
	/** CDP monotonic seconds. */
	start: number;
	wall: number;
	end: number | null;
	bytes: number;
	failed: boolean;
}

export interface BenchPage {
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	requests: Map<string, RequestRecord>;
	/** Epoch ms → CDP monotonic seconds, calibrated on the first request (wallTime vs timestamp). */
	toMonotonic(epochMs: number): number | null;
	/** Compressed bytes of requests that finished at or before `epochMs`. */
	bytesFinishedBefore(epochMs: number): { bytes: number; requests: number; urls: string[] };
	close(): Promise<void>;
}

/**
 * A fresh context + page with a cold, disabled cache and (optionally) throttling. `initScript`
 * runs before any page script (the first-chart probe).
 */
export async function openBenchPage(browser: Browser, opts: { throttle: boolean; initScript?: string }): Promise<BenchPage> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
	if (opts.initScript) await context.addInitScript({ content: opts.initScript });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	const requests = new Map<string, RequestRecord>();
	let offset: number | null = null; // wallTime − timestamp, seconds
	cdp.on('Network.requestWillBeSent', (e) => {
		if (offset === null && e.wallTime) offset = e.wallTime - e.timestamp;
		const prev = requests.get(e.requestId);
		// Redirects reuse the requestId; keep the first start.
		requests.set(e.requestId, { url: e.request.url, start: prev?.start ?? e.timestamp, wall: prev?.wall ?? e.wallTime, end: null, bytes: 0, failed: false });
	});
	cdp.on('Network.loadingFinished', (e) => {
		const r = requests.get(e.requestId);
		if (r) (r.end = e.timestamp), (r.bytes = e.encodedDataLength);
	});
	cdp.on('Network.loadingFailed', (e) => {
		const r = requests.get(e.requestId);
		if (r) (r.end = e.timestamp), (r.failed = true);
	});
	await cdp.send('Network.enable');
	await cdp.send('Network.clearBrowserCache');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	if (opts.throttle) await cdp.send('Network.emulateNetworkConditions', THROTTLE);
	// Requests made by workers (DuckDB fetches its wasm inside its Web Worker) do not reach the
	// page's CDP Network domain; Playwright attaches to workers and reports them, so those are
	// added from its events (encoded body + headers, finish time in epoch ms).
	const workerSide: { url: string; endEpoch: number; bytes: number }[] = [];
	context.on('requestfinished', (r) => {
		const t = r.timing();
		r.sizes()
			.then((sz) => workerSide.push({ url: r.url(), endEpoch: t.startTime + t.responseEnd, bytes: sz.responseBodySize + sz.responseHeadersSize }))
			.catch(() => {});
	});
	const toMonotonic = (epochMs: number) => (offset === null ? null : epochMs / 1000 - offset);
	return {
		context,
		page,
		cdp,
		requests,
		toMonotonic,
		bytesFinishedBefore(epochMs) {
			const t = toMonotonic(epochMs);
			let bytes = 0;
			const urls: string[] = [];
			if (t === null) return { bytes: 0, requests: 0, urls };
			for (const r of requests.values()) {
				if (r.end !== null && r.end <= t && !r.failed) {
					bytes += r.bytes;
					urls.push(r.url);
				}
			}
			const seen = new Set([...requests.values()].map((r) => r.url));
			for (const w of workerSide) {
				if (!seen.has(w.url) && w.endEpoch <= epochMs) {
					bytes += w.bytes;
					urls.push(w.url);
				}
			}
			return { bytes, requests: urls.length, urls };
		},
		close: () => context.close()
	};
}
