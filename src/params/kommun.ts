/** A municipality code: four digits (SCB's kommunkod, e.g. 2080 Falun). Counties are two digits. */
export function match(param: string): boolean {
	return /^\d{4}$/.test(param);
}
