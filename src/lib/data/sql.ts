/**
 * The one place SQL text is quoted. Query values (queries.ts), engines (their DDL) and the
 * pipeline's Parquet writing all quote through these, so there is one rule to audit.
 */

/** A SQL string literal: single quotes doubled. */
export function sqlString(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

/** An integer literal; anything else is refused rather than interpolated. */
export function sqlInt(n: number): string {
	if (!Number.isInteger(n)) throw new Error(`expected an integer, got ${n}`);
	return String(n);
}

/** A quoted identifier (a column from a user's file may hold anything): double quotes doubled. */
export function sqlIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** A table name of our own making, checked (lower-case letters, digits, _) rather than quoted. */
export function sqlTable(name: string): string {
	if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`invalid table name "${name}"`);
	return name;
}

/** Table name for an indicator's partition; ids are validated so they can't inject SQL. */
export function tableOf(indicator: string): string {
	if (!/^[a-z][a-z0-9_]*$/.test(indicator)) throw new Error(`invalid indicator id "${indicator}"`);
	return `obs_${indicator}`;
}
