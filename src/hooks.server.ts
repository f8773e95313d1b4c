import type { Handle } from '@sveltejs/kit';

/** Sets <html lang> per page at prerender: English under /en, Swedish elsewhere. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = /^\/en(\/|$)/.test(event.url.pathname) ? 'en' : 'sv';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
