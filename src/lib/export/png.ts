/**
 * PNG helpers. `rasterize` draws an SVG onto a canvas (browser only); the byte helpers are pure:
 * `pngSize` reads IHDR, `addPngText` adds iTXt chunks (title, source, "Exempeldata") so the
 * file's metadata says what the picture shows.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function isPng(bytes: Uint8Array): boolean {
	return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	if (!isPng(bytes)) throw new Error('not a PNG');
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const type = String.fromCharCode(...bytes.subarray(12, 16));
	if (type !== 'IHDR') throw new Error('PNG without IHDR first');
	return { width: v.getUint32(16), height: v.getUint32(20) };
}

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
	if (!crcTable) {
		crcTable = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			crcTable[n] = c >>> 0;
		}
	}
	let c = 0xffffffff;
	for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const v = new DataView(out.buffer);
	v.setUint32(0, data.length);
	for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
	out.set(data, 8);
	v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** Insert uncompressed iTXt chunks (UTF-8 text) right after IHDR. Keywords: 1–79 Latin-1 letters. */
export function addPngText(bytes: Uint8Array, entries: Record<string, string>): Uint8Array {
	if (!isPng(bytes)) throw new Error('not a PNG');
	const enc = new TextEncoder();
	const chunks: Uint8Array[] = [];
	for (const [key, text] of Object.entries(entries)) {
		if (!/^[\x20-\x7e]{1,79}$/.test(key)) throw new Error(`bad PNG keyword "${key}"`);
		const k = enc.encode(key);
		const t = enc.encode(text);
		// keyword \0 compression-flag compression-method language-tag \0 translated-keyword \0 text
		const data = new Uint8Array(k.length + 5 + t.length);
		data.set(k, 0);
		data.set([0, 0, 0, 0, 0], k.length);
		data.set(t, k.length + 5);
		chunks.push(chunk('iTXt', data));
	}
	const ihdrEnd = 8 + 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8);
	const total = bytes.length + chunks.reduce((s, c) => s + c.length, 0);
	const out = new Uint8Array(total);
	out.set(bytes.subarray(0, ihdrEnd), 0);
	let at = ihdrEnd;
	for (const c of chunks) out.set(c, at), (at += c.length);
	out.set(bytes.subarray(ihdrEnd), at);
	return out;
}

/** Read the iTXt/tEXt chunks back: keyword → text. */
export function readPngText(bytes: Uint8Array): Record<string, string> {
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const dec = new TextDecoder();
	const out: Record<string, string> = {};
	let at = 8;
	while (at + 8 <= bytes.length) {
		const len = v.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		const data = bytes.subarray(at + 8, at + 8 + len);
		if (type === 'iTXt' || type === 'tEXt') {
			const z = data.indexOf(0);
			const key = dec.decode(data.subarray(0, z));
			if (type === 'tEXt') out[key] = dec.decode(data.subarray(z + 1));
			else {
				let p = z + 3;
				p = data.indexOf(0, p) + 1; // language tag
				p = data.indexOf(0, p) + 1; // translated keyword
				out[key] = dec.decode(data.subarray(p));
			}
		}
		if (type === 'IEND') break;
		at += 12 + len;
	}
	return out;
}

/** Draw an SVG document onto a white canvas of width×height pixels and return the PNG. */
export async function rasterize(svg: string, width: number, height: number): Promise<Uint8Array> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.decoding = 'sync';
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width);
		canvas.height = Math.round(height);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D canvas');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('canvas.toBlob gave nothing');
		return new Uint8Array(await blob.arrayBuffer());
	} finally {
		URL.revokeObjectURL(url);
	}
}
