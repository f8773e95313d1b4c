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

/** Table name for an indicator's partition; ids are validated so they can't inject SQL. */
export function tableOf(indicator: string): string {
	if (!/^[a-z][a-z0-9_]*$/.test(indicator)) throw new Error(`invalid indicator id "${indicator}"`);
	return `obs_${indicator}`;
}
