import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addPngText, crc32, isPng, pngSize, readPngText } from '$lib/export/png';

/** A valid 3×2 RGBA PNG built by hand. */
function tinyPng(width = 3, height = 2): Uint8Array {
	const chunk = (type: string, data: Uint8Array) => {
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		out.write(type, 4, 'latin1');
		Buffer.from(data).copy(out, 8);
		out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 6;
	const raw = Buffer.alloc(height * (1 + width * 4), 255);
	for (let y = 0; y < height; y++) raw[y * (1 + width * 4)] = 0;
	return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}

describe('png helpers', () => {
	it('crc32 matches zlib', () => {
		const data = new TextEncoder().encode('IHDR Ensamhetsmonitorn åäö');
		expect(crc32(data)).toBe(zlib.crc32(data));
	});

	it('reads the size from IHDR', () => {
		expect(isPng(tinyPng())).toBe(true);
		expect(pngSize(tinyPng(1920, 1080))).toEqual({ width: 1920, height: 1080 });
		expect(() => pngSize(new Uint8Array(30))).toThrow();
	});

	it('adds UTF-8 text chunks after IHDR with valid CRCs, keeping the image', () => {
		const png = addPngText(tinyPng(), { Title: 'Utveckling över tid', Comment: 'Exempeldata', Source: 'Källa: FoHM – HLV' });
		expect(pngSize(png)).toEqual({ width: 3, height: 2 });
		expect(readPngText(png)).toEqual({ Title: 'Utveckling över tid', Comment: 'Exempeldata', Source: 'Källa: FoHM – HLV' });
		// Every chunk's CRC is right.
		const v = new DataView(png.buffer, png.byteOffset);
		let at = 8;
		let chunks = 0;
		while (at < png.length) {
			const len = v.getUint32(at);
			expect(v.getUint32(at + 8 + len)).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
			at += 12 + len;
			chunks++;
		}
		expect(chunks).toBe(6);
		expect(() => addPngText(tinyPng(), { 'bad\u0000key': 'x' })).toThrow();
	});
});
