/**
 * DuckDB-WASM in a Web Worker, plus parquet-wasm to decode our Parquet partitions into Arrow.
 *
 * Why parquet-wasm: since 1.29 DuckDB-WASM no longer contains the Parquet reader and would
 * download `parquet.duckdb_extension.wasm` from extensions.duckdb.org on the first Parquet read —
 * a third-party request we refuse (and one that fails offline). parquet-wasm (zstd included)
 * turns each file into Arrow IPC, which DuckDB ingests natively.
 *
 * Why the page compiles DuckDB's wasm (not DuckDB's worker): the worker can only start its
 * download once it exists and its own 156 KB script has arrived, which on a cold visit is ~1 s
 * after the HTML. Pages with controls preload the wasm from their prerendered head
 * (EnginePreload.svelte); `fetch` here picks that download up and `compileStreaming` compiles it
 * as it arrives, off the main thread. The compiled module is handed to a small boot worker
 * (duckdb-boot.worker.js) that runs DuckDB's worker script with it. The browser's compile of the
 * same bytes from the same server is the floor the bench measures this against.
 *
 * Marks (`loader:*`, performance.mark on the page) show where the time goes; the bench reports
 * them. Every failure rejects with an Error naming the step: nothing here waits forever.
 *
 * Only the `eh` bundle is shipped: every browser we support has wasm exceptions.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import bootWorkerUrl from './duckdb-boot.worker.js?url&no-inline';
import { duckdbWasmUrl } from './engine-assets';
import type { Engine } from './engine';
import { tableOf } from './sql';

export interface LoadProgress {
	/** 0…1 over DuckDB's wasm download. */
	fraction: number;
	phase: 'download' | 'start' | 'ready';
}

/**
 * Decoded size of duckdb-eh.wasm (tests/unit/duckdb-progress.test.ts checks it against the
 * installed package). Progress must count against it: served brotli-compressed, the response's
 * Content-Length is the compressed size (~5 MB) while DuckDB counts decoded bytes, so its own
 * bytesTotal would claim "done" after a seventh of the download.
 */
export const DUCKDB_EH_WASM_BYTES = 34_242_586;

/**
 * DuckDB's worker never settles instantiate() when the wasm cannot be fetched or compiled (its
 * instantiateStreaming has no catch), so a download that makes no progress for this long is a fault.
 */
export const STALL_MS = 15_000;

/** The worker failed to load or died (an uncaught error in it): this engine is gone, start a new one. */
export class EngineDiedError extends Error {
	override name = 'EngineDiedError';
}

/** Progress as a fraction of the decoded wasm, truthful whether or not the file came compressed. */
export function downloadFraction(bytesLoaded: number, bytesTotal: number): number {
	return Math.min(0.99, bytesLoaded / Math.max(bytesTotal, DUCKDB_EH_WASM_BYTES));
}

export interface BrowserDb {
	conn: AsyncDuckDBConnection;
	/** Fetches a Parquet file, decodes it to Arrow and creates `table` from it. */
	loadParquet(url: string, table: string): Promise<void>;
	query(sql: string): Promise<Record<string, unknown>[]>;
	/** Stops the worker (a retry starts a fresh one). */
	terminate(): void;
}

/** After the module is compiled, DuckDB's instantiate + open normally take well under a second. */
const START_TIMEOUT_MS = 30_000;

const mark = (name: string) => performance.mark(`loader:${name}`);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`DuckDB: ${what} did not finish within ${ms / 1000} s`)), ms);
		p.then(
			(v) => (clearTimeout(timer), resolve(v)),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}

/** Reads a clone of the wasm response only to report download progress. */
async function countBytes(res: Response, onProgress: (p: LoadProgress) => void, onChunk: () => void, onDone: () => void): Promise<void> {
	const reader = res.body?.getReader();
	if (!reader) return onDone();
	let loaded = 0, lastReport = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			onChunk();
			loaded += value.byteLength;
			const now = performance.now();
			if (now - lastReport > 50) {
				lastReport = now;
				onProgress({ fraction: downloadFraction(loaded, 0), phase: 'download' });
			}
		}
		mark('wasm-downloaded');
	} catch {
		// The compile reports a failed download; this is only the progress bar.
	} finally {
		onDone();
	}
}

/** Fetches and compiles DuckDB's wasm while it downloads (the preload, when the page has one). */
async function compileDuckdbWasm(onProgress: (p: LoadProgress) => void): Promise<WebAssembly.Module> {
	mark('wasm-fetch');
	const res = await fetch(duckdbWasmUrl);
	if (!res.ok || !res.body) throw new Error(`DuckDB: ${duckdbWasmUrl}: HTTP ${res.status}`);
	mark('wasm-response');
	// The response itself goes to compileStreaming (never a re-wrapped stream): only a real HTTP
	// response lets Chromium cache the compiled code for the next visit. Progress is counted on a
	// clone of the body.
	// A download that stops (network gone, a server that hangs) would leave the compile pending for
	// ever: no chunk for STALL_MS is a fault. Once the bytes are all in, only the compile remains.
	let stallTimer: ReturnType<typeof setTimeout> | undefined;
	let stall: (err: Error) => void = () => {};
	const stalled = new Promise<never>((_, reject) => (stall = reject));
	const arm = () => {
		clearTimeout(stallTimer);
		stallTimer = setTimeout(() => stall(new EngineDiedError(`DuckDB wasm: no progress for ${STALL_MS / 1000} s (missing, damaged or the network is gone)`)), STALL_MS);
	};
	arm();
	void countBytes(res.clone(), onProgress, arm, () => clearTimeout(stallTimer));
	// compileStreaming needs the wasm MIME type; a host that serves another one still works, just
	// without streaming compilation.
	const wasmType = (res.headers.get('content-type') ?? '').split(';')[0].trim() === 'application/wasm';
	const compiling = wasmType ? WebAssembly.compileStreaming(res) : res.arrayBuffer().then((b) => WebAssembly.compile(b));
	const module = await Promise.race([compiling, stalled]).finally(() => clearTimeout(stallTimer));
	mark('wasm-compiled');
	return module;
}

/** Resolves when the worker reports an uncaught error (e.g. its script failed to load): never resolves otherwise. */
function workerFailure(worker: Worker): Promise<never> {
	return new Promise((_, reject) =>
		worker.addEventListener(
			'error',
			(e) => {
				e.preventDefault();
				reject(new EngineDiedError(`DuckDB worker failed: ${e.message || 'script could not be loaded'}`));
			},
			{ once: true }
		)
	);
}

export async function openBrowserDb(onProgress: (p: LoadProgress) => void): Promise<BrowserDb> {
	mark('open');
	// 1. The wasm download + compile starts first: it is the long pole.
	const compiled = compileDuckdbWasm(onProgress);
	// 2. The worker and DuckDB's own script load in the meantime.
	const worker = new Worker(bootWorkerUrl);
	const failed = workerFailure(worker);
	failed.catch(() => {});
	worker.postMessage({ type: 'ensam-duckdb-boot', workerUrl: new URL(duckdbWorkerUrl, location.href).href, wasmUrl: new URL(duckdbWasmUrl, location.href).href });
	mark('worker-created');
	const duckdbJs = import('@duckdb/duckdb-wasm').then((m) => (mark('duckdb-js'), m));
	// 3. parquet-wasm (1.2 MB brotli) waits until DuckDB's download is through, so it does not take
	// bandwidth from it; its compile then overlaps DuckDB's instantiate and open.
	const parquetReady = compiled.then(async () => {
		const pq = await import('parquet-wasm/esm');
		await pq.default({ module_or_path: parquetWasmUrl });
		mark('parquet-ready');
		return pq;
	});
	parquetReady.catch(() => {});
	try {
		const [duckdb, module] = await Promise.race([Promise.all([duckdbJs, compiled]), failed]);
		worker.postMessage({ type: 'ensam-duckdb-module', module });
		onProgress({ fraction: 1, phase: 'start' });
		const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		const conn = await withTimeout(
			Promise.race([
				(async () => {
					await db.instantiate(duckdbWasmUrl, null);
					mark('instantiated');
					await db.open({ query: { castBigIntToDouble: true } });
					const conn = await db.connect();
					// Never reach for extensions over the network: a missing one must fail loudly here.
					await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
					mark('opened');
					return conn;
				})(),
				failed
			]),
			START_TIMEOUT_MS,
			'instantiate and open'
		);
		const pq = await parquetReady;
		onProgress({ fraction: 1, phase: 'ready' });
		// DuckDB-WASM drops its pending requests when its worker dies (they would never settle), so
		// every call races the worker's failure: a worker that dies mid-query rejects instead.
		const alive = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failed]);
		return {
			conn,
			async loadParquet(url, table) {
				const res = await fetch(url);
				if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
				const bytes = new Uint8Array(await res.arrayBuffer());
				const ipc = pq.readParquet(bytes).intoIPCStream();
				await alive(conn.insertArrowFromIPCStream(ipc, { name: table, create: true }));
			},
			async query(sql) {
				const result = await alive(conn.query(sql));
				return result.toArray().map((row) => row.toJSON() as Record<string, unknown>);
			},
			terminate() {
				worker.terminate();
			}
		};
	} catch (err) {
		worker.terminate();
		throw err instanceof Error ? err : new Error(String(err));
	}
}

/**
 * The browser's `Engine`: an indicator's partition is fetched from `partitionUrl(indicator)`. The
 * database itself stays reachable (own survey files are loaded into it directly).
 */
export function browserEngine(db: BrowserDb, partitionUrl: (indicator: string) => string): BrowserDb & Engine {
	return { ...db, load: (indicator) => db.loadParquet(partitionUrl(indicator), tableOf(indicator)) };
}
