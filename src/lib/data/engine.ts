/**
 * One engine interface for every place the site runs SQL (after Mosaic's connector and
 * Evidence's universal SQL): at build time @duckdb/node-api over static/data
 * (src/lib/server/db.ts), in the browser DuckDB-WASM in a worker (duckdb-browser.ts). Views are
 * written once against `Engine` and `run`, so the first paint and every later view run the same
 * query text through the same mapper.
 */
import type { Query } from './queries';

export interface Engine {
	/** Makes table `tableOf(indicator)` hold that indicator's partition. Safe to call again. */
	load(indicator: string): Promise<void>;
	/** Runs one SQL statement; rows as plain objects keyed by column name. */
	query(sql: string): Promise<Record<string, unknown>[]>;
}

/** The one way a query value is run: its partitions loaded, its SQL run, its rows mapped. */
export async function run<Row>(engine: Engine, q: Query<Row>): Promise<Row[]> {
	await Promise.all(q.indicators.map((id) => engine.load(id)));
	return (await engine.query(q.sql)).map((r) => q.map(r));
}

/**
 * Caching on top of any engine: each partition is loaded once and each SQL text answered once.
 * A failure is not cached (a network hiccup must not stick): the next call tries again.
 */
export function cached(engine: Engine): Engine {
	const tables = new Map<string, Promise<void>>();
	const answers = new Map<string, Promise<Record<string, unknown>[]>>();
	const memo = <T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
		let p = map.get(key);
		if (!p) {
			p = make();
			map.set(key, p);
			p.catch(() => map.delete(key));
		}
		return p;
	};
	return {
		load: (indicator) => memo(tables, indicator, () => engine.load(indicator)),
		query: (sql) => memo(answers, sql, () => engine.query(sql))
	};
}
