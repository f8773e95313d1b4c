/**
 * The physical floor for "DuckDB ready": a blank page that does nothing but
 * `WebAssembly.compileStreaming(fetch(<the site's duckdb-eh.wasm>))`, served the same way
 * (scripts/static-server.ts, the build's own .br file, the same immutable cache headers) under
 * the same throttling, cold, in the same run. Download and compile of the same bytes: no site can
 * have DuckDB ready before this, so `duckdb_ready_ms ÷ wasm_floor_ms` says how much the site adds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer, type RunningServer } from '../scripts/static-server.ts';
import { openBenchPage } from './lib/browser.ts';
import { benchDir, round } from './lib/util.ts';

const ASSETS = '_app/immutable/assets';

/** A served root holding only floor.html and (hard links to) the build's DuckDB wasm files. */
export async function startFloorServer(buildDir: string): Promise<{ server: RunningServer; url: string; wasm: string }> {
	const src = path.join(buildDir, ASSETS);
	const wasm = fs.readdirSync(src).find((f) => /^duckdb-eh\..+\.wasm$/.test(f));
	if (!wasm) throw new Error(`no duckdb-eh.*.wasm in ${src}`);
	const root = path.join(benchDir, '.floor');
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(path.join(root, ASSETS), { recursive: true });
	for (const f of [wasm, `${wasm}.br`, `${wasm}.gz`]) {
		if (!fs.existsSync(path.join(src, f))) continue;
		try {
			fs.linkSync(path.join(src, f), path.join(root, ASSETS, f));
		} catch {
			fs.copyFileSync(path.join(src, f), path.join(root, ASSETS, f));
		}
	}
	fs.writeFileSync(
		path.join(root, 'floor.html'),
		`<!doctype html><html lang="en"><meta charset="utf-8"><title>wasm floor</title><script type="module">
WebAssembly.compileStreaming(fetch('/${ASSETS}/${wasm}')).then(() => performance.mark('floor-done'), (e) => { performance.mark('floor-error'); console.error(e); });
</script></html>\n`
	);
	const server = await startStaticServer({ root });
	return { server, url: `${server.url}/floor.html`, wasm };
}

/**
 * A second reference: a blank page (no site, no hydration) that preloads the same wasm and runs
 * the site's own loader (`openBrowserDb` from the built chunk) to DuckDB ready. duckdb_ready ÷ this
 * is what the site adds around the loader; this ÷ wasm_floor is DuckDB's own start after the compile.
 */
export async function startEngineFloorServer(buildDir: string): Promise<{ server: RunningServer; url: string }> {
	const chunks = path.join(buildDir, '_app/immutable/chunks');
	const chunk = fs.readdirSync(chunks).find((f) => f.endsWith('.js') && /as openBrowserDb\}/.test(fs.readFileSync(path.join(chunks, f), 'utf8')));
	if (!chunk) throw new Error(`no chunk exporting openBrowserDb in ${chunks}`);
	const wasm = fs.readdirSync(path.join(buildDir, ASSETS)).find((f) => /^duckdb-eh\..+\.wasm$/.test(f));
	const root = path.join(benchDir, '.engine-floor');
	fs.rmSync(root, { recursive: true, force: true });
	fs.mkdirSync(root, { recursive: true });
	fs.symlinkSync(path.join(buildDir, '_app'), path.join(root, '_app'));
	fs.writeFileSync(
		path.join(root, 'engine.html'),
		`<!doctype html><html lang="en"><meta charset="utf-8"><title>engine floor</title>
<link rel="preload" href="/${ASSETS}/${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous">
<script type="module">
import('/_app/immutable/chunks/${chunk}').then((m) => m.openBrowserDb(() => {})).then(() => performance.mark('engine-done'), (e) => { performance.mark('floor-error'); console.error(e); });
</script></html>\n`
	);
	const server = await startStaticServer({ root });
	return { server, url: `${server.url}/engine.html` };
}

export interface FloorRun {
	wasm_floor_ms: number | null;
	bytes: number | null;
	error?: string;
}

/** One cold, throttled load of the floor page: ms from navigation start to the compiled module. */
export async function measureFloor(browser: Browser, url: string, doneMark = 'floor-done'): Promise<FloorRun> {
	const bp = await openBenchPage(browser, { throttle: true });
	try {
		await bp.page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
		await bp.page.waitForFunction((m) => performance.getEntriesByName(m).length + performance.getEntriesByName('floor-error').length > 0, doneMark, { timeout: 90_000, polling: 'raf' });
		const r = await bp.page.evaluate((m) => ({ done: performance.getEntriesByName(m)[0]?.startTime ?? null, origin: performance.timeOrigin }), doneMark);
		if (r.done === null) return { wasm_floor_ms: null, bytes: null, error: `${doneMark}: failed on the floor page` };
		return { wasm_floor_ms: round(r.done), bytes: bp.bytesFinishedBefore(r.origin + r.done).bytes };
	} catch (err) {
		return { wasm_floor_ms: null, bytes: null, error: String(err instanceof Error ? err.message.split('\n')[0] : err) };
	} finally {
		await bp.close();
	}
}
