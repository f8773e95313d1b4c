/** The engine's fault reasons and its download progress, as the page states them. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFault } from '$lib/data/fault';
import { DUCKDB_EH_WASM_BYTES, downloadFraction } from '$lib/data/duckdb-browser';


describe('classifyFault', () => {
	const died = Object.assign(new Error('DuckDB worker failed: x'), { name: 'EngineDiedError' });
	it('offline explains any failure', () => {
		expect(classifyFault(new TypeError('Failed to fetch'), 'query', false).kind).toBe('offline');
		expect(classifyFault(died, 'start', false).kind).toBe('offline');
	});
	it('a failed start or a dead worker is the engine', () => {
		expect(classifyFault(new Error('HTTP 404'), 'start', true).kind).toBe('engine');
		expect(classifyFault(died, 'query', true)).toEqual({ kind: 'engine', detail: 'EngineDiedError: DuckDB worker failed: x' });
	});
	it('anything else while online is a data file', () => {
		expect(classifyFault(new Error('/data/indicators/x.parquet: HTTP 500'), 'query', true).kind).toBe('data');
		expect(classifyFault('odd', 'query', true)).toEqual({ kind: 'data', detail: 'odd' });
	});
});

describe('DuckDB download progress', () => {
	const size = () => DUCKDB_EH_WASM_BYTES;
	it('counts against the decoded size of the shipped duckdb-eh.wasm', () => {
		const installed = fs.statSync(path.resolve(import.meta.dirname, '../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).size;
		expect(DUCKDB_EH_WASM_BYTES).toBe(installed);
	});
	it('is truthful when the wasm comes brotli-compressed (Content-Length = compressed size)', () => {
		const compressed = 5_065_391;
		// A seventh of the decoded bytes is a seventh, not "done" because it exceeds Content-Length.
		expect(downloadFraction(size() / 7, compressed)).toBeCloseTo(1 / 7, 3);
		expect(downloadFraction(size() / 2, size())).toBeCloseTo(0.5, 3);
		// Never claims completion before the engine is ready.
		expect(downloadFraction(size(), compressed)).toBe(0.99);
	});
});
