/**
 * The two builds the benchmark compares:
 *   build/           the site as `npm run build` makes it (prerendered charts). Built here only
 *                    when missing (or BENCH_REBUILD=1): other people use it, so a stale one is
 *                    measured as it is and flagged.
 *   build-baseline/  BENCH_BASELINE=1: no prerendered charts, the first chart waits for
 *                    DuckDB-WASM. (Re)built when missing or older than the sources; precompress
 *                    reuses its content-hash cache, so only changed files are compressed again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { log, newestMtime, repoRoot, runMeasured } from './util.ts';

export interface BuildInfo {
	dir: string;
	built_at: string | null;
	rebuilt: boolean;
	stale: boolean;
	seconds?: number;
	error?: string;
}

function sourcesMtime(): number {
	return Math.max(
		newestMtime(path.join(repoRoot, 'src')),
		newestMtime(path.join(repoRoot, 'static')),
		newestMtime(path.join(repoRoot, 'svelte.config.js')),
		newestMtime(path.join(repoRoot, 'vite.config.ts'))
	);
}

function builtAt(dir: string): number {
	const f = path.join(dir, 'index.html');
	return fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0;
}

async function build(dir: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; error?: string }> {
	const npx = path.join(path.dirname(process.execPath), 'npx');
	const vite = await runMeasured(fs.existsSync(npx) ? npx : 'npx', ['vite', 'build'], { env: { ...process.env, ...env, BUILD_DIR: dir }, timeoutMs: 300_000 });
	if (vite.code !== 0) return { seconds: vite.seconds, error: `vite build failed: ${(vite.stderr + vite.stdout).split('\n').filter((l) => /error/i.test(l)).slice(0, 3).join(' | ')}` };
	const pc = await runMeasured(process.execPath, ['--import', 'tsx', 'scripts/precompress.ts', dir], { timeoutMs: 600_000 });
	if (pc.code !== 0) return { seconds: vite.seconds + pc.seconds, error: 'precompress failed' };
	return { seconds: vite.seconds + pc.seconds };
}

/** `baseline: false` (no first-chart section in this run): the baseline is reported as found, never rebuilt. */
export async function ensureBuilds({ baseline: wantBaseline = true }: { baseline?: boolean } = {}): Promise<{ site: BuildInfo; baseline: BuildInfo }> {
	const src = sourcesMtime();
	const siteDir = path.join(repoRoot, process.env.BUILD_DIR ?? 'build');
	const baseDir = path.join(repoRoot, 'build-baseline');
	const site: BuildInfo = { dir: path.relative(repoRoot, siteDir), built_at: null, rebuilt: false, stale: false };
	if (!builtAt(siteDir) || process.env.BENCH_REBUILD === '1') {
		log(`building ${site.dir} (npm run build equivalent)`);
		const r = await build(site.dir, {});
		Object.assign(site, { rebuilt: true, seconds: Math.round(r.seconds * 10) / 10 }, r.error ? { error: r.error } : {});
	}
	site.stale = builtAt(siteDir) > 0 && builtAt(siteDir) < src;
	site.built_at = builtAt(siteDir) ? new Date(builtAt(siteDir)).toISOString() : null;
	if (site.stale) log(`warning: ${site.dir} is older than the sources (measured as it is; BENCH_REBUILD=1 rebuilds it)`);

	const baseline: BuildInfo = { dir: 'build-baseline', built_at: null, rebuilt: false, stale: false };
	if (wantBaseline && (builtAt(baseDir) < src || process.env.BENCH_REBUILD === '1')) {
		log('building build-baseline/ (BENCH_BASELINE=1: no prerendered charts)');
		const r = await build('build-baseline', { BENCH_BASELINE: '1' });
		Object.assign(baseline, { rebuilt: true, seconds: Math.round(r.seconds * 10) / 10 }, r.error ? { error: r.error } : {});
	}
	baseline.stale = builtAt(baseDir) > 0 && builtAt(baseDir) < src;
	baseline.built_at = builtAt(baseDir) ? new Date(builtAt(baseDir)).toISOString() : null;
	return { site, baseline };
}
