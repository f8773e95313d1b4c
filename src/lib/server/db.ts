/**
 * The build-time engine: @duckdb/node-api over static/data (node-engine.ts), implementing the
 * same `Engine` the browser's DuckDB-WASM implements, so prerendered first views show exactly
 * what the interactive page will. Server-only (src/lib/server is never bundled for the browser).
 */
import fs from 'node:fs';
import path from 'node:path';
import { cached, type Engine } from '$lib/data/engine';
import { createNodeEngine } from './node-engine';

export { createNodeEngine };

// The pipeline's output folder: static/data unless ENSAMHET_OUT_DIR names another (the same
// variable the pipeline writes to), so a page can be rendered from a freshly built data folder.
const dataDir = path.resolve(process.env.ENSAMHET_OUT_DIR ?? 'static/data');

/** The engine prerendering uses: static/data, each partition loaded once, answers cached. */
export const nodeEngine: Engine = cached(createNodeEngine(dataDir));

const parsed = new Map<string, { mtimeMs: number; value: unknown }>();

/**
 * JSON dimension files written by the pipeline (indicators.json, regions.json, …). Parsed once
 * per file version, not once per page: prerendering asks for regions.json and indicators.json
 * several times on each of ~600 pages. The value is frozen, so a caller that would change the
 * shared copy fails loudly instead of altering every later page; a new file (a pipeline run under
 * `vite dev`) is read again.
 */
export function readDataJson<T>(name: string): T {
	const file = path.join(dataDir, name);
	const mtimeMs = fs.statSync(file).mtimeMs;
	const hit = parsed.get(name);
	if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
	const value = deepFreeze(JSON.parse(fs.readFileSync(file, 'utf8')));
	parsed.set(name, { mtimeMs, value });
	return value as T;
}

function deepFreeze<T>(v: T): T {
	if (v && typeof v === 'object' && !Object.isFrozen(v)) {
		Object.freeze(v);
		for (const x of Object.values(v)) deepFreeze(x);
	}
	return v;
}
