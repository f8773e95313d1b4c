/** The optional first path segment: absent = Swedish, "en" = English. */
export function match(param: string): param is 'en' {
	return param === 'en';
}
