/**
 * The site's security policy, defined once. Used by svelte.config.js (kit.csp → a
 * <meta http-equiv="Content-Security-Policy"> with hashes of the inline scripts in every
 * prerendered page), by scripts/static-server.ts (response headers) and checked against
 * deploy/nginx.conf by tests/e2e/nginx.test.ts, so the three cannot drift apart.
 *
 * Why two policies: the script hashes differ per page and exist only in each page's <meta>, so
 * a server header cannot carry script-src without either the hashes or 'unsafe-inline'. A
 * browser enforces every policy it receives, so the header adds what a <meta> cannot carry
 * (frame-ancestors) and repeats the page-independent fences; script-src lives in the <meta>.
 * Plain JS (with JSDoc types) because svelte.config.js imports it without a build step.
 */

/** @typedef {Record<string, string[]>} Directives */

/** Directives shared by the <meta> policy and the header policy ('self' etc. unquoted, as kit.csp wants). */
const FENCES = {
	// blob:: the own-data page reads a chosen Parquet file through a blob: URL (never uploaded).
	'connect-src': ['self', 'blob:'],
	// DuckDB's worker is a same-origin script (no blob: worker anywhere in the site).
	'worker-src': ['self'],
	// PNG export and presentation mode draw an SVG from a blob: URL; Plot may inline data: images.
	'img-src': ['self', 'data:', 'blob:'],
	// Observable Plot writes a <style> into each chart and Svelte sets style attributes;
	// inline styles cannot run code, inline scripts stay forbidden.
	'style-src': ['self', 'unsafe-inline'],
	'font-src': ['self'],
	'manifest-src': ['self'],
	'media-src': ['none'],
	'frame-src': ['none'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** kit.csp.directives: SvelteKit adds the sha256 hashes of its inline scripts to script-src. */
export const CSP_DIRECTIVES = /** @type {Directives} */ ({
	'default-src': ['self'],
	// 'wasm-unsafe-eval': compiling WebAssembly (DuckDB-WASM, parquet-wasm); it allows no JS eval.
	'script-src': ['self', 'wasm-unsafe-eval'],
	...FENCES
});

const quote = (/** @type {string} */ v) => (/^(self|none|unsafe-inline|wasm-unsafe-eval|strict-dynamic)$/.test(v) ? `'${v}'` : v);

/** The policy a server sends as a header: the fences, plus frame-ancestors (ignored in <meta>). */
export const HEADER_CSP = Object.entries({ ...FENCES, 'frame-ancestors': ['none'] })
	.map(([k, vs]) => `${k} ${vs.map(quote).join(' ')}`)
	.join('; ');

/**
 * Everything the site does not use is switched off; fullscreen stays for presentation mode.
 * Only features Chromium recognises: an unknown one is logged as a console error.
 */
export const PERMISSIONS_POLICY = [
	'accelerometer=()',
	'autoplay=()',
	'camera=()',
	'display-capture=()',
	'encrypted-media=()',
	'fullscreen=(self)',
	'geolocation=()',
	'gyroscope=()',
	'magnetometer=()',
	'microphone=()',
	'midi=()',
	'payment=()',
	'picture-in-picture=()',
	'publickey-credentials-get=()',
	'screen-wake-lock=()',
	'serial=()',
	'usb=()',
	'xr-spatial-tracking=()'
].join(', ');

/** Headers on every response. */
export const SECURITY_HEADERS = {
	'Content-Security-Policy': HEADER_CSP,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy': PERMISSIONS_POLICY,
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/** Cache-Control by path: hashed build assets never change; HTML and data are revalidated. */
export function cacheControl(/** @type {string} */ urlPath) {
	return /\/_app\/immutable\//.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
