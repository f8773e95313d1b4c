/**
 * Why the interactive views are unavailable, in one word the page can explain: the browser is
 * offline, the engine (DuckDB-WASM, its worker or wasm) could not start or died, or a data file
 * (an indicator partition) could not be fetched or read. Pure, so it is unit-tested in Node.
 */
export type FaultKind = 'offline' | 'engine' | 'data';

export interface Fault {
	kind: FaultKind;
	/** The underlying error message, for the console and for tests; never shown as HTML. */
	detail: string;
}

/**
 * `phase` says where it failed: starting the engine, or loading data/running a query with a
 * running engine. Being offline explains either; a dead worker is an engine fault wherever it shows.
 */
export function classifyFault(err: unknown, phase: 'start' | 'query', online: boolean): Fault {
	const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
	if (!online) return { kind: 'offline', detail };
	if (phase === 'start' || (err instanceof Error && err.name === 'EngineDiedError')) return { kind: 'engine', detail };
	return { kind: 'data', detail };
}
