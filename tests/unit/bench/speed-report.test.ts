/**
 * The bench's own arithmetic and plumbing that the figures depend on: CLS session windows (as
 * web-vitals counts them), the README table being regenerated only between its markers, and
 * precompression levels (npm start's fast level is a separate cache entry and decodes to the
 * same bytes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clsOf } from '../../../bench/first-chart.ts';
import { speedTable, updateReadme } from '../../../bench/readme-table.ts';
import { BEST, FAST, precompress } from '../../../scripts/precompress.ts';

describe('clsOf (web-vitals session windows)', () => {
	it('sums shifts less than 1 s apart into one window and keeps the largest window', () => {
		// Window 1: 0.02 + 0.03 (0.5 s apart) = 0.05; window 2 starts after a 1.5 s gap: 0.04.
		expect(clsOf([{ t: 100, v: 0.02 }, { t: 600, v: 0.03 }, { t: 2100, v: 0.04 }])).toBe(0.05);
	});
	it('closes a window after 5 s even when shifts keep coming', () => {
		// One shift of 0.01 every 0.9 s from 0 to 8.1 s: windows [0, 4.5] (6 shifts) and [5.4, 8.1] (4 shifts).
		const shifts = Array.from({ length: 10 }, (_, i) => ({ t: i * 900, v: 0.01 }));
		expect(clsOf(shifts)).toBe(0.06);
	});
	it('is 0 without shifts, and order does not matter', () => {
		expect(clsOf([])).toBe(0);
		expect(clsOf([{ t: 600, v: 0.03 }, { t: 100, v: 0.02 }])).toBe(0.05);
	});
});

describe('README speed table', () => {
	const results = {
		machine: { date: '2026-11-30T02:00:00.000Z', cpus: 2, cpu_model: 'X', loadavg_at_start: [1, 2, 3] },
		config: { runs: 5 },
		duckdb_ready_ms: 2600,
		wasm_floor_ms: 2000,
		duckdb_ready_vs_floor: 1.3,
		cls: 0.08,
		contention: { 'first chart (cold, throttled)': { foreign_cpu_share: 0.12 } }
	};
	it('states each goal with its target, the measured figure, whether it is met and the other-CPU share', () => {
		const t = speedTable(results);
		expect(t).toContain('| DuckDB ready ÷ wasm floor (2600 ms ÷ 2000 ms, cold, 40 Mbit/s) | ≤ 1.3× | 1.3× | yes | 12 % |');
		expect(t).toContain('| Layout shift (CLS, worst of overview / indicator / shared link) | ≤ 0.05 | 0.08 | **no** | 12 % |');
		expect(t).toContain('load average at start 1 / 2 / 3');
	});
	it('cuts DuckDB-ready time at the loader marks, against the floor of the same run', () => {
		const t = speedTable({
			...results,
			loader_marks_ms: { 'loader:wasm-compiled': 2100.4, 'boot:instantiate': 2150, 'boot:instantiated': 2350, 'boot:reply-1': 2500, 'loader:opened': 2590 }
		});
		expect(t).toContain(
			'- DuckDB ready, step by step (cold, medians of the loader marks, ms): wasm floor (bare compile) 2000 → compiled on the page at 2100 (+100 over the floor) → module handed to the worker → instantiated 200 → ' +
				"DuckDB's runtime start in the worker (instantiated → first reply) 150 → open + connect + SET 90 → ready at 2600."
		);
	});
	it('splits interaction time into the query and the drawing, and lists each control (one that redraws nothing says so)', () => {
		const t = speedTable({
			...results,
			interaction_ms: { p50: 12, p95: 40, query_p50: 3, query_p95: 25, draw_p50: 9, draw_p95: 15, by_control: { Kön: { p95: 40 }, Konfidensnivå: { p95: null } } }
		});
		expect(t).toContain('- Interaction: p50 12 ms, p95 40 ms; of that the query (rows in) p50 3 ms / p95 25 ms, the drawing after it p50 9 ms / p95 15 ms. By control (p95): Kön 40, Konfidensnivå — (nothing to redraw).');
		expect(t).toContain('| Control change → chart updated, p95 (50 changes) | ≤ 30 ms | 40 ms | **no** |');
	});
	it('replaces only the text between the markers', () => {
		const readme = 'intro\n<!-- speed-table:start -->\nold\n<!-- speed-table:end -->\nafter\n';
		expect(updateReadme(readme, 'NEW')).toBe('intro\n<!-- speed-table:start -->\nNEW\n<!-- speed-table:end -->\nafter\n');
	});
	it('refuses a README without the markers instead of appending somewhere', () => {
		expect(() => updateReadme('no markers here', 'NEW')).toThrow(/speed-table:start/);
	});
});

describe('precompress levels', () => {
	it('npm start’s fast level and the build’s level both decode to the original, fast is its own cache entry', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-'));
		try {
			const text = Array.from({ length: 4000 }, (_, i) => `row ${i},${(i * 7919) % 1000}\n`).join('');
			fs.writeFileSync(path.join(dir, 'a.csv'), text);
			await precompress(dir, FAST);
			const fast = fs.readFileSync(path.join(dir, 'a.csv.br'));
			expect(zlib.brotliDecompressSync(fast).toString()).toBe(text);
			expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'a.csv.gz'))).toString()).toBe(text);
			await precompress(dir, BEST);
			const best = fs.readFileSync(path.join(dir, 'a.csv.br'));
			expect(zlib.brotliDecompressSync(best).toString()).toBe(text);
			// Level 11 is smaller than level 5 on this text: the two runs did not share a cache entry.
			expect(best.length).toBeLessThan(fast.length);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
