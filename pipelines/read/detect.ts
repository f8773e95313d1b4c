/**
 * Which reader a file or URL answer needs. Extensions lie (URLs have none, `.json` covers
 * three formats), so the content decides; the extension only breaks ties.
 */
export type Format = 'px' | 'json-stat' | 'pxweb-json' | 'pxweb-metadata' | 'csv' | 'unknown';

const PX_START = /^[A-Z][A-Z0-9-]*(\[[^\]\n]*\])?(\([^)\n]*\))?\s*=/i;

export function detectFormat(name: string, bytes: Uint8Array): Format {
	const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
	if (head.startsWith('{') || head.startsWith('[')) return detectJson(bytes);
	if (PX_START.test(head)) return 'px';
	const ext = extension(name);
	if (ext === 'px') return 'px';
	if (ext === 'csv' || looksLikeCsv(head)) return 'csv';
	return 'unknown';
}

function extension(name: string): string {
	const clean = name.split(/[?#]/)[0];
	const dot = clean.lastIndexOf('.');
	return dot < 0 || dot < clean.lastIndexOf('/') ? '' : clean.slice(dot + 1).toLowerCase();
}

function detectJson(bytes: Uint8Array): Format {
	let doc: unknown;
	try {
		doc = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
	} catch {
		return 'unknown';
	}
	return classifyJson(doc);
}

/** JSON-stat 2.0 (version/class), 1.x ({"dataset":…} or a bundle), PxWeb v1 answers and metadata. */
export function classifyJson(doc: unknown): Format {
	if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'unknown';
	const o = doc as Record<string, unknown>;
	if (typeof o.class === 'string' && ['dataset', 'collection', 'dimension', 'bundle'].includes(o.class)) return 'json-stat';
	if (typeof o.version === 'string' && ('dimension' in o || 'link' in o)) return 'json-stat';
	if (o.dataset && typeof o.dataset === 'object') return 'json-stat';
	if (Array.isArray(o.columns) && Array.isArray(o.data)) return 'pxweb-json';
	if (typeof o.title === 'string' && Array.isArray(o.variables)) return 'pxweb-metadata';
	const values = Object.values(o);
	if (values.length && values.every((v) => v && typeof v === 'object' && 'dimension' in (v as object) && 'value' in (v as object))) return 'json-stat';
	return 'unknown';
}

function looksLikeCsv(head: string): boolean {
	const lines = head.split(/\r?\n/).filter(Boolean).slice(0, 3);
	if (lines.length < 2) return false;
	for (const sep of [',', ';', '\t']) {
		const n = lines[0].split(sep).length;
		if (n > 1 && lines.every((l) => l.split(sep).length === n)) return true;
	}
	return false;
}
