/**
 * Writes .br and .gz beside every compressible file of the build, as static hosts serve them
 * (nginx brotli_static/gzip_static, Netlify, Cloudflare Pages…). Brotli at quality 11 takes
 * about a minute for DuckDB's 34 MB wasm, so results are cached by content hash in
 * node_modules/.cache: a rebuild only compresses what changed.
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

/** Async zlib runs on libuv's thread pool, so the big files compress on both cores at once. */
async function compressCached(file: string, kind: 'br' | 'gz'): Promise<Buffer> {
	const data = fs.readFileSync(file);
	const key = crypto.createHash('sha256').update(data).digest('hex');
	const cached = path.join(cacheDir, `${key}.${kind}`);
	if (fs.existsSync(cached)) return fs.readFileSync(cached);
	const out =
		kind === 'br'
			? await brotli(data, {
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: 11,
						[zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
						[zlib.constants.BROTLI_PARAM_LGWIN]: 24
					}
				})
			: await gzip(data, { level: 9 });
	fs.mkdirSync(cacheDir, { recursive: true });
	fs.writeFileSync(cached, out);
	return out;
}

export async function precompress(dir: string): Promise<{ files: number; rawBytes: number; brBytes: number }> {
	// Largest first, so the two wasm files start together and small files fill in around them.
	const files = [...walk(dir)].map((f) => ({ f, size: fs.statSync(f).size })).filter((x) => x.size >= 512).sort((a, b) => b.size - a.size);
	let rawBytes = 0, brBytes = 0;
	await Promise.all(
		files.map(async ({ f, size }) => {
			const [br, gz] = await Promise.all([compressCached(f, 'br'), compressCached(f, 'gz')]);
			fs.writeFileSync(`${f}.br`, br);
			fs.writeFileSync(`${f}.gz`, gz);
			rawBytes += size;
			brBytes += br.length;
		})
	);
	return { files: files.length, rawBytes, brBytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv[2] ?? 'build';
	const t = Date.now();
	const r = await precompress(dir);
	process.stdout.write(`precompress: ${r.files} files, ${(r.rawBytes / 1e6).toFixed(1)} MB → ${(r.brBytes / 1e6).toFixed(1)} MB brotli in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}
