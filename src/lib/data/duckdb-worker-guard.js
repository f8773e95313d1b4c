// Classic worker that loads DuckDB's worker script (its URL is in this script's #hash).
// DuckDB's worker instantiates its wasm with a promise nobody catches: a wasm that cannot be
// fetched or compiled becomes an unhandled rejection inside the worker and instantiate() never
// settles. Rethrown as an error here, it reaches the Worker's 'error' event, where the loader
// (duckdb-browser.ts) turns it into an engine fault the page explains and can retry.
self.addEventListener('unhandledrejection', (e) => {
	e.preventDefault();
	const reason = e.reason instanceof Error ? e.reason : new Error(String(e.reason));
	setTimeout(() => {
		throw reason;
	});
});
// (Typed by hand: the project's TypeScript lib is the DOM, not WebWorker.)
const scope = /** @type {{ importScripts(url: string): void }} */ (/** @type {unknown} */ (self));
scope.importScripts(decodeURIComponent(self.location.hash.slice(1)));
