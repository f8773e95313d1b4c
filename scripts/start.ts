/**
 * `npm start`: make sure the data and the site exist (building what is missing or out of date),
 * then serve the built site on localhost.
 *
 * The site is served as soon as Vite has built it; the .br/.gz copies are written afterwards, in
 * the background, at brotli 5 (`precompress --fast`), not 11: on a fresh clone (no compression
 * cache) brotli 11 of DuckDB's 34 MB wasm alone takes minutes, and a local server does not need
 * the last 20 %. Until a file's copy exists the server sends it uncompressed (each copy appears
 * whole: written, then renamed). `npm run build` (what gets deployed) keeps level 11.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FAST, precompress } from './precompress.ts';
import { serve } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script: string) => execFileSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });

function newestMtime(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	let newest = 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (e.isFile()) newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
	}
	return newest;
}

// A fresh clone has no .svelte-kit yet: the pipeline resolves `$lib` through the tsconfig that
// `svelte-kit sync` writes there (without it: "Cannot find package '$lib'").
if (!fs.existsSync(path.join(root, '.svelte-kit/tsconfig.json'))) {
	process.stdout.write('start: generating .svelte-kit (svelte-kit sync)…\n');
	execFileSync(process.execPath, [path.join(root, 'node_modules/@sveltejs/kit/svelte-kit.js'), 'sync'], { cwd: root, stdio: 'inherit' });
}
if (!fs.existsSync(path.join(root, 'static/data/manifest.json'))) {
	process.stdout.write('start: no data yet, running the pipeline…\n');
	run('pipeline');
}
const built = path.join(root, 'build/index.html');
const sourcesChanged = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'static'))) > (fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0);
if (sourcesChanged) {
	process.stdout.write('start: building the site…\n');
	execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}
await serve(path.join(root, 'build'), Number(process.env.PORT ?? 4173));
if (sourcesChanged) {
	const t = Date.now();
	precompress(path.join(root, 'build'), FAST).then(
		(r) => process.stdout.write(`start: ${r.files} files compressed in the background (brotli 5 for local use; npm run build uses 11) in ${((Date.now() - t) / 1000).toFixed(1)} s\n`),
		(err: unknown) => process.stderr.write(`start: background compression failed (files are served uncompressed): ${err instanceof Error ? err.message : String(err)}\n`)
	);
}
