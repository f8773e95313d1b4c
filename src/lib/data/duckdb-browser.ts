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
import type { Engine } from './engine';
import { tableOf } from './sql';

export interface LoadProgress {
	/** 0…1 over both wasm downloads. */
	fraction: number;
	phase: 'download' | 'start' | 'ready';
}

export interface BrowserDb {
	conn: AsyncDuckDBConnection;
	/** Fetches a Parquet file, decodes it to Arrow and creates `table` from it. */
	loadParquet(url: string, table: string): Promise<void>;
	query(sql: string): Promise<Record<string, unknown>[]>;
}

export async function openBrowserDb(onProgress: (p: LoadProgress) => void): Promise<BrowserDb> {
	// Both wasm modules download at once; parquet-wasm is ~5 MB raw, DuckDB's ~34 MB raw.
	let duckLoaded = 0, duckTotal = 34_000_000;
	const report = () => onProgress({ fraction: Math.min(0.99, duckLoaded / duckTotal), phase: 'download' });
	const parquetReady = (async () => {
		const pq = await import('parquet-wasm/esm');
		await pq.default({ module_or_path: parquetWasmUrl });
		return pq;
	})();
	// The worker script starts loading now, in parallel with DuckDB's JS chunk.
	const worker = new Worker(duckdbWorkerUrl);
	const duckReady = (async () => {
		const duckdb = await import('@duckdb/duckdb-wasm');
		const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		await db.instantiate(duckdbWasmUrl, null, (p) => {
			duckLoaded = p.bytesLoaded;
			if (p.bytesTotal > 0) duckTotal = p.bytesTotal;
			report();
		});
		onProgress({ fraction: 1, phase: 'start' });
		await db.open({ query: { castBigIntToDouble: true } });
		const conn = await db.connect();
		// Never reach for extensions over the network: a missing one must fail loudly here.
		await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
		return conn;
	})();
	const [pq, conn] = await Promise.all([parquetReady, duckReady]);
	onProgress({ fraction: 1, phase: 'ready' });
	return {
		conn,
		async loadParquet(url, table) {
			const res = await fetch(url);
			if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
			const bytes = new Uint8Array(await res.arrayBuffer());
			const ipc = pq.readParquet(bytes).intoIPCStream();
			await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
		},
		async query(sql) {
			const result = await conn.query(sql);
			return result.toArray().map((row) => row.toJSON() as Record<string, unknown>);
		}
	};
}

/**
 * The browser's `Engine`: an indicator's partition is fetched from `partitionUrl(indicator)`. The
 * database itself stays reachable (own survey files are loaded into it directly).
 */
export function browserEngine(db: BrowserDb, partitionUrl: (indicator: string) => string): BrowserDb & Engine {
	return { ...db, load: (indicator) => db.loadParquet(partitionUrl(indicator), tableOf(indicator)) };
}
