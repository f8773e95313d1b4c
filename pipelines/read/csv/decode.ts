/**
 * Bytes → text for CSV exports. Swedish regions' survey tools still write Windows-1252
 * (Excel "CSV (semikolonavgränsad)"), newer ones UTF-8 with or without a BOM; `auto` takes
 * the bytes as UTF-8 when they are valid UTF-8 (a Windows-1252 file with å/ä/ö almost never
 * is) and as Windows-1252 otherwise. The BOM is dropped in every case.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'auto';

export interface Decoded {
	text: string;
	encoding: 'utf-8' | 'windows-1252';
	bom: boolean;
	/** Set when `utf-8` was asked for but the bytes are not valid UTF-8 (decoded with U+FFFD). */
	invalidUtf8?: { line: number };
}

export function decode(bytes: Uint8Array, encoding: CsvEncoding): Decoded {
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	if (encoding === 'windows-1252') return { text: stripBom(new TextDecoder('windows-1252').decode(bytes)), encoding, bom: false };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom };
	} catch {
		if (encoding === 'auto') return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
		return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom, invalidUtf8: { line: firstInvalidLine(bytes) } };
	}
}

function stripBom(s: string): string {
	return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** 1-based line of the first byte sequence that is not UTF-8, for the error message. */
function firstInvalidLine(bytes: Uint8Array): number {
	let line = 1;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 0x0a) {
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
			} catch {
				return line;
			}
			line++;
			start = i + 1;
		}
	}
	return 0;
}
