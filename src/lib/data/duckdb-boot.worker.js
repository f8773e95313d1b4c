// A tiny classic worker that runs DuckDB-WASM's own worker script with a wasm module the page has
// already compiled (see duckdb-browser.ts). Why: DuckDB's worker fetches and compiles its 34 MB
// wasm itself, which can only start once this worker exists and its 156 KB script has arrived;
// the page instead starts that download from a <link rel=preload> in the prerendered head and
// compiles it while the page hydrates, then hands the compiled WebAssembly.Module over here.
//
// Protocol (messages from the page, before DuckDB's own):
//   { type: 'ensam-duckdb-boot', workerUrl, wasmUrl }  → load DuckDB's worker script now
//   { type: 'ensam-duckdb-module', module }           → the compiled module, sent before INSTANTIATE
// Both are consumed here (stopImmediatePropagation) and never reach DuckDB's dispatcher.
// Plain JS, not bundled: it must stay a classic worker (importScripts) in dev and in the build.
'use strict';

/** The worker's global scope (typed loosely: this file is checked against the DOM lib). */
const scope = /** @type {any} */ (self);

/** @type {(m: WebAssembly.Module) => void} */
let resolveModule = () => {};
/** @type {Promise<WebAssembly.Module>} */
const modulePromise = new Promise((resolve) => (resolveModule = resolve));
/** @type {string | null} */
let wasmHref = null;
// Marks in this worker's own timeline (the bench reads them through the worker; see bench/duckdb-ready.ts).
const mark = (/** @type {string} */ name) => performance.mark(`boot:${name}`);
mark('start');

self.addEventListener('message', (event) => {
	const data = event.data;
	if (!data || typeof data !== 'object') return;
	if (data.type === 'ensam-duckdb-boot') {
		event.stopImmediatePropagation();
		wasmHref = new URL(data.wasmUrl, self.location.href).href;
		// Throws (→ the Worker's `error` event on the page) when the script cannot be loaded.
		scope.importScripts(data.workerUrl);
		mark('duckdb-script');
	} else if (data.type === 'ensam-duckdb-module') {
		event.stopImmediatePropagation();
		mark('module');
		resolveModule(data.module);
	}
});

// DuckDB's instantiateWasm fetches its main module URL (for progress) and streams it into
// WebAssembly.instantiateStreaming. The module is already compiled: answer that fetch with an
// empty body and instantiate the handed-over module instead.
const realFetch = self.fetch.bind(self);
scope.fetch = (/** @type {RequestInfo | URL} */ input, /** @type {RequestInit | undefined} */ init) => {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	if (wasmHref !== null && new URL(url, self.location.href).href === wasmHref) {
		return Promise.resolve(new Response(null, { headers: { 'content-type': 'application/wasm' } }));
	}
	return realFetch(input, init);
};
// Marks DuckDB's first replies (the first is INSTANTIATE's, then OPEN's…): the gap after
// `boot:instantiated` is DuckDB's own start-up inside the worker. Only the first few: marks pile up.
const realPost = scope.postMessage.bind(self);
let replies = 0;
scope.postMessage = (/** @type {any} */ message, /** @type {any} */ transfer) => {
	if (++replies <= 4) mark(`reply-${replies}`);
	return realPost(message, transfer);
};
/** @type {any} */ (WebAssembly).instantiateStreaming = async (/** @type {any} */ _source, /** @type {WebAssembly.Imports} */ imports) => {
	const module = await modulePromise;
	mark('instantiate');
	const instance = await WebAssembly.instantiate(module, imports);
	mark('instantiated');
	return { module, instance };
};
