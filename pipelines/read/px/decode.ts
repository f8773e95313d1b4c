/**
 * Bytes → text for PC-Axis files. PX files declare their charset inside themselves
 * (CODEPAGE="..."), so we sniff that keyword on the raw bytes before decoding.
 *
 * Why windows-1252 for "iso-8859-1": real files (and browsers, per WHATWG) treat the
 * label as windows-1252, and the fixtures contain 0x80–0x9F bytes ("…", "”") that only
 * make sense that way. No CODEPAGE at all also means windows-1252 (PC-Axis is a Windows
 * program; "ANSI" in CHARSET means the Windows code page).
 */

export interface Decoded {
	text: string;
	/** The WHATWG encoding actually used. */
	encoding: string;
	/** CODEPAGE as written in the file, if any. */
	declared?: string;
	/** Set when CODEPAGE named something we cannot decode (we fell back to windows-1252). */
	unknownCodepage?: string;
}

const FALLBACK = 'windows-1252';

export function decodePx(bytes: Uint8Array): Decoded {
	if (hasUtf8Bom(bytes)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	const declared = sniffCodepage(bytes);
	const encoding = declared === undefined ? FALLBACK : encodingFor(declared);
	if (encoding === undefined) {
		return { text: decodeWith(FALLBACK, bytes), encoding: FALLBACK, declared, unknownCodepage: declared };
	}
	return { text: decodeWith(encoding, bytes), encoding, declared };
}

function hasUtf8Bom(b: Uint8Array): boolean {
	return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
	return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

/** Maps a CODEPAGE label to a WHATWG encoding name, or undefined when unsupported. */
function encodingFor(label: string): string | undefined {
	const l = label.trim().toLowerCase();
	if (l === '' || l === 'ansi' || l === 'iso-8859-1' || l === 'iso8859-1' || l === 'latin1' || l === 'latin-1') return FALLBACK;
	if (l === 'utf8') return 'utf-8';
	try {
		return new TextDecoder(l).encoding;
	} catch {
		return undefined;
	}
}

const CODEPAGE = [...'CODEPAGE'].map((c) => c.charCodeAt(0));

/**
 * Finds `CODEPAGE="x"` at the start of a line, looking only at ASCII bytes (the keyword
 * part of a PX file is ASCII whatever the charset). Stops at `DATA=` so a huge data part
 * is not scanned.
 */
export function sniffCodepage(b: Uint8Array): string | undefined {
	const n = b.length;
	for (let i = 0; i < n; i++) {
		if (i > 0 && b[i - 1] !== 0x0a) continue;
		if (b[i] === 0x44 && b[i + 1] === 0x41 && b[i + 2] === 0x54 && b[i + 3] === 0x41 && b[i + 4] === 0x3d) return undefined;
		if (!matchesAt(b, i, CODEPAGE)) continue;
		let j = i + CODEPAGE.length;
		if (b[j] !== 0x3d) continue; // '='
		j++;
		if (b[j] !== 0x22) continue; // '"'
		const start = ++j;
		while (j < n && b[j] !== 0x22 && b[j] !== 0x0a) j++;
		let s = '';
		for (let k = start; k < j; k++) s += String.fromCharCode(b[k]);
		return s;
	}
	return undefined;
}

function matchesAt(b: Uint8Array, at: number, pattern: number[]): boolean {
	for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) return false;
	return true;
}
