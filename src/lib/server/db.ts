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

/** JSON dimension files written by the pipeline (indicators.json, regions.json, …). */
export function readDataJson<T>(name: string): T {
	return JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8')) as T;
}
