/**
 * The HTTP contract of a host serving build/, checked on the real nginx with the repository's
 * deploy/nginx.conf and on our own static server (scripts/static-server.ts), byte for byte:
 * clean URLs, precompressed .br/.gz to clients that accept them, application/wasm, range
 * requests, the 404 page, and the security and cache headers of deploy/security-headers.js.
 * nginx missing is a failure with an install hint, never a skip.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../scripts/static-server.ts';
import { SECURITY_HEADERS } from '../../deploy/security-headers.js';
import { DEPLOY_CONF, startNginx } from './helpers/nginx.ts';
import { buildDir } from './helpers/browser.ts';

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** A raw GET (no automatic decompression, unlike fetch), so the bytes on the wire are compared. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		http.get(url, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		}).on('error', reject);
	});
}

const immutable = fs.readdirSync(path.join(buildDir, '_app/immutable/assets'));
const duckWasm = `/_app/immutable/assets/${immutable.find((f) => /^duckdb-eh\..+\.wasm$/.test(f))}`;
const someChunk = `/_app/immutable/chunks/${fs.readdirSync(path.join(buildDir, '_app/immutable/chunks')).find((f) => f.endsWith('.js') && fs.existsSync(path.join(buildDir, '_app/immutable/chunks', f + '.br')))}`;
const file = (p: string) => fs.readFileSync(path.join(buildDir, p));

describe('deploy/nginx.conf', () => {
	it('sends exactly the headers of deploy/security-headers.js', () => {
		const conf = fs.readFileSync(DEPLOY_CONF, 'utf8');
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(conf, name).toContain(`add_header ${name} "${value}" always;`);
		// A location with its own add_header would silently drop the server's headers.
		expect(conf.match(/^\s*add_header/gm)?.length).toBe(Object.keys(SECURITY_HEADERS).length + 1);
	});
});

describe.each(['nginx', 'node'] as const)('served by %s', (kind) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = kind === 'nginx' ? await startNginx(buildDir) : await startStaticServer({ root: buildDir });
	});
	afterAll(async () => {
		await server?.close();
	});

	it.each([
		['/', 'index.html'],
		['/indikator/no_confidant', 'indikator/no_confidant.html'],
		['/en', 'en.html'],
		['/en/region/21', 'en/region/21.html']
	])('clean URL %s is %s', async (url, target) => {
		const res = await get(server.url + url);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
		expect(res.body.equals(file(target))).toBe(true);
	});

	it('sends the .br copy to a client that accepts brotli, .gz to one that accepts only gzip, and the file itself otherwise', async () => {
		for (const url of [someChunk, '/indikator/no_confidant', '/data/manifest.json']) {
			const raw = file(url.endsWith('no_confidant') ? 'indikator/no_confidant.html' : url.slice(1));
			const br = await get(server.url + url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
			expect(br.headers['content-encoding'], url).toBe('br');
			expect(br.headers.vary, url).toMatch(/Accept-Encoding/i);
			expect(zlib.brotliDecompressSync(br.body).equals(raw), url).toBe(true);
			expect(br.body.length).toBeLessThan(raw.length);
			const gz = await get(server.url + url, { 'Accept-Encoding': 'gzip' });
			expect(gz.headers['content-encoding'], url).toBe('gzip');
			expect(zlib.gunzipSync(gz.body).equals(raw), url).toBe(true);
			const plain = await get(server.url + url);
			expect(plain.headers['content-encoding'], url).toBeUndefined();
			expect(plain.body.equals(raw), url).toBe(true);
		}
	});

	it('serves DuckDB’s wasm as application/wasm, brotli-compressed', async () => {
		const res = await get(server.url + duckWasm, { 'Accept-Encoding': 'br' });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/wasm');
		expect(res.headers['content-encoding']).toBe('br');
		expect(zlib.brotliDecompressSync(res.body).subarray(0, 4).toString('hex')).toBe('0061736d'); // \0asm
	});

	it('answers a range request bytes=0-0 with 206 and the first byte', async () => {
		const size = file(duckWasm.slice(1)).length;
		const res = await get(server.url + duckWasm, { Range: 'bytes=0-0' });
		expect(res.status).toBe(206);
		expect(res.headers['content-range']).toBe(`bytes 0-0/${size}`);
		expect(res.body).toEqual(Buffer.from([0]));
		const parquet = await get(server.url + '/data/indicators/no_confidant.parquet', { Range: 'bytes=0-3' });
		expect(parquet.status).toBe(206);
		expect(parquet.body.toString('latin1')).toBe('PAR1');
	});

	it('answers an unknown address with 404 and the site’s 404 page', async () => {
		const res = await get(server.url + '/indikator/finns_inte');
		expect(res.status).toBe(404);
		expect(res.headers['content-type']).toMatch(/^text\/html/);
		expect(res.body.equals(file('404.html'))).toBe(true);
	});

	it.each([
		['/indikator/no_confidant', 'no-cache'],
		['/data/manifest.json', 'no-cache'],
		['/data/indicators/no_confidant.parquet', 'no-cache'],
		[duckWasm, 'public, max-age=31536000, immutable'],
		[someChunk, 'public, max-age=31536000, immutable'],
		['/finns/inte', 'no-cache']
	])('%s: security headers and Cache-Control %s', async (url, cache) => {
		const res = await get(server.url + url, { 'Accept-Encoding': 'br' });
		expect(res.status).toBe(url === '/finns/inte' ? 404 : 200);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()], name).toBe(value);
		expect(res.headers['cache-control']).toBe(cache);
	});

	it('refuses to write', async () => {
		const status = await new Promise<number>((resolve, reject) => {
			const req = http.request(server.url + '/index.html', { method: 'POST' }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
			req.on('error', reject);
			req.end('x');
		});
		expect(status).toBe(405);
	});
});
