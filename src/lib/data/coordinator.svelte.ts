/**
 * The browser's engine, as Mosaic's coordinator: views hand it Query values through `run`; it
 * starts DuckDB-WASM once, lazily, and caches on top of it (engine.ts `cached`: each partition
 * loaded once, each SQL text answered once), so re-selecting a view costs nothing. Its status is
 * reactive, so the page can show progress while the engine loads.
 */
import { base } from '$app/paths';
import { cached, type Engine } from './engine';
import type { BrowserDb, LoadProgress } from './duckdb-browser';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

class Coordinator implements Engine {
	status = $state<EngineStatus>('idle');
	progress = $state(0);
	error = $state<string | null>(null);
	private engine: Promise<BrowserDb & Engine> | null = null;
	private cache = cached({
		load: async (indicator) => (await this.start()).load(indicator),
		query: async (sql) => (await this.start()).query(sql)
	});

	/** Starts the engine (idempotent). Pages call it after first paint or on first interaction. */
	start(): Promise<BrowserDb & Engine> {
		if (!this.engine) {
			this.status = 'loading';
			performance.mark('duckdb-start');
			this.engine = import('./duckdb-browser')
				.then(async (m) => m.browserEngine(await m.openBrowserDb((p: LoadProgress) => (this.progress = p.fraction)), (id) => `${base}/data/indicators/${id}.parquet`))
				.then((engine) => {
					this.status = 'ready';
					performance.mark('duckdb-ready');
					return engine;
				})
				.catch((err: unknown) => {
					this.status = 'error';
					this.error = err instanceof Error ? err.message : String(err);
					throw err;
				});
		}
		return this.engine;
	}

	load(indicator: string): Promise<void> {
		return this.cache.load(indicator);
	}

	query(sql: string): Promise<Record<string, unknown>[]> {
		return this.cache.query(sql);
	}
}

export const coordinator = new Coordinator();
