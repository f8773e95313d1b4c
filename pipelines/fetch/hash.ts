/**
 * Request hashes compatible with the R package httptest (used by rOpenGov/pxweb to record
 * the fixtures in /work/shared/fixtures/pxweb-api): `substr(digest::digest(string), 1, 6)`,
 * i.e. the MD5 of R's XDR serialization of a length-1 character vector, without the
 * serialization header (digest's `skip = "auto"`).
 *
 * Checked against the recordings: "config" → 249173, "lang=sv" → f01ece,
 * "lang=sv&outputFormat=json-stat2" → 35e0e2, and the minified JSON bodies of e57f52,
 * 28a10f, 3e8562, eec451, b4ec21, d7786c, c9f73a (v1) and 5aec69 (v2).
 * Bodies with non-ASCII characters (ÄNKL) don't reproduce upstream's hash (R's encoding
 * marks are not known); our own files are still named consistently by this function.
 */
import { createHash } from 'node:crypto';

export function rDigestBytes(s: string): Buffer {
	const bytes = Buffer.from(s, 'utf8');
	const ascii = bytes.length === s.length && /^[\x00-\x7f]*$/.test(s);
	const head = Buffer.alloc(16);
	head.writeUInt32BE(0x10, 0); // STRSXP
	head.writeUInt32BE(1, 4); // length 1
	head.writeUInt32BE(ascii ? 0x00040009 : 0x00008009, 8); // CHARSXP, ASCII_MASK or UTF8_MASK
	head.writeUInt32BE(bytes.length, 12);
	return Buffer.concat([head, bytes]);
}

/** httptest's 6-hex hash of a string (query string or request body). */
export function requestHash(s: string): string {
	return createHash('md5').update(rDigestBytes(s)).digest('hex').slice(0, 6);
}

export { sha256Hex } from '../sha256.ts';

/**
 * httptest's mock file name for a request, relative to the host directory:
 * `<path>[-<hash(query)>][-<hash(body)>][-<METHOD>].json` (method only when not GET).
 */
export function mockPath(url: string, method: string, body: string | null): string {
	const noProto = url.replace(/^[a-z]+:\/\//i, '');
	const q = noProto.indexOf('?');
	let f = (q >= 0 ? noProto.slice(0, q) : noProto).replace(/\/$/, '').replace(/:/g, '-');
	if (q >= 0) f += '-' + requestHash(noProto.slice(q + 1));
	if (body !== null) f += '-' + requestHash(body);
	if (method.toUpperCase() !== 'GET') f += '-' + method.toUpperCase();
	return f + '.json';
}
