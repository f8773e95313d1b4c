/**
 * The coordinator between data and views (as in Mosaic): views hand it Query values; it starts
 * DuckDB-WASM once, lazily, loads the partitions a query needs (each once), runs the SQL and
 * caches results by SQL text, so re-selecting a view costs nothing. Its status is reactive, so
 * the page can show progress while the engine loads.
 */
import { base } from '$app/paths';
import { tableOf, type Query } from './queries';
import type { BrowserDb, LoadProgress } from './duckdb-browser';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

class Coordinator {
	status = $state<EngineStatus>('idle');
	progress = $state(0);
	error = $state<string | null>(null);
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
				await Promise.all(q.indicators.map((id) => this.ensureTable(db, id)));
				return (await db.query(q.sql)).map(q.map);
			})();
			this.cache.set(q.sql, p);
			p.catch(() => this.cache.delete(q.sql));
		}
		return p;
	}
}

export const coordinator = new Coordinator();
