/**
 * DuckDB-WASM in a Web Worker, plus parquet-wasm to decode our Parquet partitions into Arrow.
 *
 * Why parquet-wasm: since 1.29 DuckDB-WASM no longer contains the Parquet reader and would
 * download `parquet.duckdb_extension.wasm` from extensions.duckdb.org on the first Parquet read —
 * a third-party request we refuse (and one that fails offline). parquet-wasm (zstd included)
 * turns each file into Arrow IPC, which DuckDB ingests natively. Both wasm files are
 * self-hosted from the build and served precompressed; they load in parallel.
 *
 * Only the `eh` bundle is shipped: every browser we support has wasm exceptions.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import workerGuardUrl from './duckdb-worker-guard.js?url&no-inline';

export interface LoadProgress {
	/** 0…1 over both wasm downloads. */
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

export async function openBrowserDb(onProgress: (p: LoadProgress) => void): Promise<BrowserDb> {
	// Both wasm modules download at once; parquet-wasm is ~5 MB raw, DuckDB's ~34 MB raw.
	let duckLoaded = 0, duckTotal = 0;
	const report = () => onProgress({ fraction: downloadFraction(duckLoaded, duckTotal), phase: 'download' });
	const parquetReady = (async () => {
		const pq = await import('parquet-wasm/esm');
		await pq.default({ module_or_path: parquetWasmUrl });
		return pq;
	})();
	// The worker script starts loading now, in parallel with DuckDB's JS chunk.
	// Through a small guard that turns DuckDB's uncaught wasm-load failure into a worker error.
	const worker = new Worker(`${workerGuardUrl}#${encodeURIComponent(duckdbWorkerUrl)}`);
	// DuckDB-WASM drops its pending requests when its worker fails (they would never settle), so
	// every call races this: a worker that cannot load or throws uncaught rejects them instead.
	const died = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => {
			e.preventDefault();
			reject(new EngineDiedError(`DuckDB worker failed: ${e.message || 'it could not be loaded'}`));
		})
	);
	died.catch(() => {});
	const alive = <T>(p: Promise<T>): Promise<T> => Promise.race([p, died]);
	const duckReady = (async () => {
		const duckdb = await import('@duckdb/duckdb-wasm');
		const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		let stallTimer: ReturnType<typeof setTimeout> | undefined;
		let armStall = () => {};
		const stalled = new Promise<never>((_, reject) => {
			armStall = () => {
				clearTimeout(stallTimer);
				stallTimer = setTimeout(() => reject(new EngineDiedError(`DuckDB wasm: no progress for ${STALL_MS / 1000} s (missing, damaged or the network is gone)`)), STALL_MS);
			};
		});
		armStall();
		await Promise.race([
			db.instantiate(duckdbWasmUrl, null, (p) => {
				armStall();
				duckLoaded = p.bytesLoaded;
				if (p.bytesTotal > 0) duckTotal = p.bytesTotal;
				report();
			}),
			stalled
		]).finally(() => clearTimeout(stallTimer));
		onProgress({ fraction: 1, phase: 'start' });
		await db.open({ query: { castBigIntToDouble: true } });
		const conn = await db.connect();
		// Never reach for extensions over the network: a missing one must fail loudly here.
		await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
		return conn;
	})();
	const [pq, conn] = await Promise.all([parquetReady, alive(duckReady)]).catch((err: unknown) => {
		worker.terminate();
		throw err;
	});
	onProgress({ fraction: 1, phase: 'ready' });
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
}
