/**
 * URLs of the engine's big files, and nothing else: pages with controls import this (not the
 * loader) to put a `<link rel=preload>` for DuckDB's wasm into their prerendered head, so the
 * 5 MB download starts while the HTML is parsed instead of after hydration.
 */
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

export { duckdbWasmUrl };
