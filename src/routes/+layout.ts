// Every page is prerendered at build time; the site runs from any static host.
export const prerender = true;
export const trailingSlash = 'never';
