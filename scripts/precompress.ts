/**
 * Writes .br and .gz beside every compressible file of the build, as static hosts serve them
 * (nginx brotli_static/gzip_static, Netlify, Cloudflare Pages…). Brotli at quality 11 takes
 * about a minute for DuckDB's 34 MB wasm, so results are cached by content hash (and level) in
 * node_modules/.cache: a rebuild only compresses what changed.
 *
 * `--fast` (used by `npm start` for a local build): brotli 5 and gzip 6, seconds instead of
 * minutes on a fresh clone, ~20 % larger files. `npm run build` (what gets deployed) keeps 11.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.txt', '.xml', '.csv', '.map']);
const cacheDir = path.resolve('node_modules/.cache/precompress');

function* walk(dir: string): Generator<string> {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) yield* walk(p);
		else if (COMPRESSIBLE.has(path.extname(e.name))) yield p;
	}
}

export interface Levels {
	brotli: number;
	gzip: number;
}
export const BEST: Levels = { brotli: 11, gzip: 9 };
export const FAST: Levels = { brotli: 5, gzip: 6 };

/** Async zlib runs on libuv's thread pool, so the big files compress on both cores at once. */
async function compressCached(file: string, kind: 'br' | 'gz', levels: Levels): Promise<Buffer> {
	const data = fs.readFileSync(file);
	const key = crypto.createHash('sha256').update(data).digest('hex');
	const level = kind === 'br' ? levels.brotli : levels.gzip;
	// Level 11 / 9 keep the cache names they always had, so existing caches stay warm.
	const cached = path.join(cacheDir, level === BEST[kind === 'br' ? 'brotli' : 'gzip'] ? `${key}.${kind}` : `${key}.${kind}${level}`);
	if (fs.existsSync(cached)) return fs.readFileSync(cached);
	const out =
		kind === 'br'
			? await brotli(data, {
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: level,
						[zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
						[zlib.constants.BROTLI_PARAM_LGWIN]: 24
					}
				})
			: await gzip(data, { level });
	fs.mkdirSync(cacheDir, { recursive: true });
	// Written whole, then renamed: a cache entry is never half a file (two builds may share the cache).
	writeWhole(cached, out);
	return out;
}

function writeWhole(file: string, data: Buffer): void {
	const tmp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(tmp, data);
	fs.renameSync(tmp, file);
}

export async function precompress(dir: string, levels: Levels = BEST): Promise<{ files: number; rawBytes: number; brBytes: number }> {
	// Largest first, so the two wasm files start together and small files fill in around them.
	const files = [...walk(dir)].map((f) => ({ f, size: fs.statSync(f).size })).filter((x) => x.size >= 512).sort((a, b) => b.size - a.size);
	let rawBytes = 0, brBytes = 0;
	await Promise.all(
		files.map(async ({ f, size }) => {
			const [br, gz] = await Promise.all([compressCached(f, 'br', levels), compressCached(f, 'gz', levels)]);
			// Whole files only: `npm start` serves while this runs, and a server must never send half a copy.
			writeWhole(`${f}.br`, br);
			writeWhole(`${f}.gz`, gz);
			rawBytes += size;
			brBytes += br.length;
		})
	);
	return { files: files.length, rawBytes, brBytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const fast = args.includes('--fast');
	const dir = args.find((a) => !a.startsWith('--')) ?? 'build';
	const t = Date.now();
	const r = await precompress(dir, fast ? FAST : BEST);
	process.stdout.write(`precompress${fast ? ' (fast: brotli 5, gzip 6)' : ''}: ${r.files} files, ${(r.rawBytes / 1e6).toFixed(1)} MB → ${(r.brBytes / 1e6).toFixed(1)} MB brotli in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}
