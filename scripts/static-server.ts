/**
 * A small static file server that behaves like a real static host: clean URLs
 * (/indikator/x → indikator/x.html), precompressed .br/.gz siblings chosen by
 * Accept-Encoding, HTTP range requests (206, Content-Range, If-Range-free), correct MIME
 * types (application/wasm), ETag + long cache for hashed assets, and the site's security headers
 * (deploy/security-headers.js, the same ones deploy/nginx.conf sends). Used by `npm start`,
 * the browser tests and the benchmark. Loopback only.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SECURITY_HEADERS, cacheControl } from '../deploy/security-headers.js';

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json'
};

export interface ServerOptions {
	root: string;
	port?: number;
	host?: string;
	/** Called for each request (method, url, status, bytes sent) — the tests count requests with it. */
	onRequest?: (entry: { method: string; url: string; status: number; bytes: number }) => void;
}

export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

export function resolveFile(root: string, urlPath: string): string | null {
	let p: string;
	try {
		p = decodeURIComponent(urlPath.split('?')[0]);
	} catch {
		return null;
	}
	const abs = path.resolve(root, '.' + p);
	if (!abs.startsWith(path.resolve(root))) return null;
	const candidates = p.endsWith('/') ? [path.join(abs, 'index.html')] : [abs, `${abs}.html`, path.join(abs, 'index.html')];
	for (const c of candidates) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
	return null;
}

function parseRange(header: string | undefined, size: number): [number, number] | 'invalid' | null {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
	let start: number, end: number;
	if (m[1] === '') {
		start = Math.max(0, size - Number(m[2]));
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	}
	return start > end || start >= size ? 'invalid' : [start, end];
}

export function startStaticServer(opts: ServerOptions): Promise<RunningServer> {
	const root = path.resolve(opts.root);
	const server = http.createServer((req, res) => {
		const method = req.method ?? 'GET';
		const done = (status: number, bytes: number) => opts.onRequest?.({ method, url: req.url ?? '', status, bytes });
		if (method !== 'GET' && method !== 'HEAD') {
			res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
			return done(405, 0);
		}
		let file = resolveFile(root, req.url ?? '/');
		let status = 200;
		if (!file) {
			status = 404;
			file = [path.join(root, '404.html')].find((f) => fs.existsSync(f)) ?? null;
			if (!file) {
				res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
				return done(404, 9);
			}
		}
		const ext = path.extname(file);
		const headers: Record<string, string> = {
			...SECURITY_HEADERS,
			'Content-Type': MIME[ext] ?? 'application/octet-stream',
			'Accept-Ranges': 'bytes',
			Vary: 'Accept-Encoding',
			'Cache-Control': status === 404 ? 'no-cache' : cacheControl('/' + path.relative(root, file).split(path.sep).join('/'))
		};
		// Precompressed siblings are served whole; ranges apply to the identity encoding only.
		const accept = String(req.headers['accept-encoding'] ?? '');
		let body = file;
		if (!req.headers.range) {
			for (const [enc, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
				if (new RegExp(`\\b${enc}\\b`).test(accept) && fs.existsSync(file + suffix)) {
					body = file + suffix;
					headers['Content-Encoding'] = enc;
					break;
				}
			}
		}
		const stat = fs.statSync(body);
		headers.ETag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${headers['Content-Encoding'] ? '-' + headers['Content-Encoding'] : ''}"`;
		if (req.headers['if-none-match'] === headers.ETag) {
			res.writeHead(304, headers).end();
			return done(304, 0);
		}
		const range = status === 200 ? parseRange(req.headers.range, stat.size) : null;
		if (range === 'invalid') {
			res.writeHead(416, { ...SECURITY_HEADERS, 'Content-Range': `bytes */${stat.size}` }).end();
			return done(416, 0);
		}
		const [start, end] = range ?? [0, stat.size - 1];
		const length = stat.size === 0 ? 0 : end - start + 1;
		if (range) {
			status = 206;
			headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`;
		}
		headers['Content-Length'] = String(length);
		res.writeHead(status, headers);
		if (method === 'HEAD' || length === 0) {
			res.end();
			return done(status, 0);
		}
		fs.createReadStream(body, { start, end }).pipe(res);
		res.on('finish', () => done(status, length));
	});
	return new Promise((resolve, reject) => {
		server.on('error', reject);
		server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
			const addr = server.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			resolve({
				url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
				port,
				close: () =>
					new Promise<void>((r) => {
						server.closeAllConnections();
						server.close(() => r());
					})
			});
		});
	});
}
