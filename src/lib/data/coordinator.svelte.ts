/**
 * The coordinator between data and views (as in Mosaic): views hand it Query values; it starts
 * DuckDB-WASM once, lazily, loads the partitions a query needs (each once), runs the SQL and
 * caches results by SQL text, so re-selecting a view costs nothing. Its status is reactive, so
 * the page can show progress while the engine loads.
 */
import { base } from '$app/paths';
import { tableOf, type Query } from './queries';
import type { BrowserDb, LoadProgress } from './duckdb-browser';
import { classifyFault, type Fault } from './fault';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

class Coordinator {
	status = $state<EngineStatus>('idle');
	progress = $state(0);
	error = $state<string | null>(null);
	/** Why interactive views are unavailable (shown by EngineFault with a retry), or null. */
	fault = $state<Fault | null>(null);
	private retryListeners = new Set<() => void>();
	private db: Promise<BrowserDb> | null = null;
	private tables = new Map<string, Promise<void>>();
	private cache = new Map<string, Promise<unknown[]>>();

	/** Starts the engine (idempotent). Pages call it after first paint or on first interaction. */
	start(): Promise<BrowserDb> {
		if (!this.db) {
			this.status = 'loading';
			performance.mark('duckdb-start');
			this.db = import('./duckdb-browser')
				.then((m) => m.openBrowserDb((p: LoadProgress) => (this.progress = p.fraction)))
				.then((db) => {
					this.status = 'ready';
					performance.mark('duckdb-ready');
					return db;
				})
				.catch((err: unknown) => {
					this.status = 'error';
					this.error = err instanceof Error ? err.message : String(err);
					this.fault = classifyFault(err, 'start', navigator.onLine);
					throw err;
				});
		}
		return this.db;
	}

	private ensureTable(db: BrowserDb, indicator: string): Promise<void> {
		let p = this.tables.get(indicator);
		if (!p) {
			p = db.loadParquet(`${base}/data/indicators/${indicator}.parquet`, tableOf(indicator));
			this.tables.set(indicator, p);
			// A failed load (network hiccup) must not stay cached: the next query tries again.
			p.catch(() => this.tables.delete(indicator));
		}
		return p;
	}

	async query<Row>(q: Query<Row>): Promise<Row[]> {
		let p = this.cache.get(q.sql) as Promise<Row[]> | undefined;
		if (!p) {
			p = (async () => {
				const db = await this.start();
				try {
					await Promise.all(q.indicators.map((id) => this.ensureTable(db, id)));
					return (await db.query(q.sql)).map(q.map);
				} catch (err) {
					this.fault = classifyFault(err, 'query', navigator.onLine);
					if (this.fault.kind === 'engine') this.status = 'error';
					throw err;
				}
			})();
			this.cache.set(q.sql, p);
			p.catch(() => this.cache.delete(q.sql));
		}
		return p;
	}

	/** Pages re-run their queries when the reader asks to retry; returns the unsubscribe function. */
	onRetry(fn: () => void): () => void {
		this.retryListeners.add(fn);
		return () => this.retryListeners.delete(fn);
	}

	/**
	 * Try again after a fault. A failed or dead engine is dropped (its worker terminated) so the
	 * next query starts a fresh one; after a data fault the running engine and its loaded tables
	 * stay. Failed loads and queries are never cached, so the pages' queries now run anew.
	 */
	retry(): void {
		if (this.status === 'error' && this.db) {
			this.db.then((db) => db.terminate(), () => {});
			this.db = null;
			this.tables.clear();
			this.cache.clear();
			this.status = 'idle';
			this.progress = 0;
		}
		this.error = null;
		this.fault = null;
		for (const fn of this.retryListeners) fn();
	}
}

export const coordinator = new Coordinator();
