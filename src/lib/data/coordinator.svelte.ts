/**
 * The browser's engine, as Mosaic's coordinator: views hand it Query values through `run`; it
 * starts DuckDB-WASM once, lazily, and caches on top of it (engine.ts `cached`: each partition
 * loaded once, each SQL text answered once), so re-selecting a view costs nothing. Its status is
 * reactive, so the page can show progress while the engine loads, and a fault (offline, engine,
 * data) is kept for EngineFault to explain, with a retry.
 */
import { base } from '$app/paths';
import { cached, type Engine } from './engine';
import type { BrowserDb, LoadProgress } from './duckdb-browser';
import { classifyFault, type Fault } from './fault';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

class Coordinator implements Engine {
	status = $state<EngineStatus>('idle');
	progress = $state(0);
	error = $state<string | null>(null);
	/** Why interactive views are unavailable (shown by EngineFault with a retry), or null. */
	fault = $state<Fault | null>(null);
	private retryListeners = new Set<() => void>();
	private engine: Promise<BrowserDb & Engine> | null = null;
	private cache = this.freshCache();

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
					this.fault = classifyFault(err, 'start', navigator.onLine);
					throw err;
				});
		}
		return this.engine;
	}

	/** The cache over the running engine; a load or query that fails with a running engine is classified (a failed start already was). */
	private freshCache(): Engine {
		const guarded = async <T>(work: (engine: BrowserDb & Engine) => Promise<T>): Promise<T> => {
			const engine = await this.start();
			try {
				return await work(engine);
			} catch (err) {
				this.fault = classifyFault(err, 'query', navigator.onLine);
				if (this.fault.kind === 'engine') this.status = 'error';
				throw err;
			}
		};
		return cached({
			load: (indicator) => guarded((e) => e.load(indicator)),
			query: (sql) => guarded((e) => e.query(sql))
		});
	}

	load(indicator: string): Promise<void> {
		return this.cache.load(indicator);
	}

	query(sql: string): Promise<Record<string, unknown>[]> {
		return this.cache.query(sql);
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
		if (this.status === 'error' && this.engine) {
			this.engine.then((e) => e.terminate(), () => {});
			this.engine = null;
			this.cache = this.freshCache();
			this.status = 'idle';
			this.progress = 0;
		}
		this.error = null;
		this.fault = null;
		for (const fn of this.retryListeners) fn();
	}
}

export const coordinator = new Coordinator();
