/**
 * Small JSON helpers shared by the JSON-stat modules: type guards for untrusted input,
 * JSON-pointer building, and JSON.parse with a usable line number.
 *
 * Every problem a JSON input produces points at a JSON pointer (`where`); the document
 * root is written "/" rather than "" so that `where` is never empty in messages.
 */
import type { Problem, Severity } from '../../cube/errors.ts';

export type JsonObject = { [key: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isStringArray(v: unknown): v is string[] {
	return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * A short description of an untrusted value for messages. Never JSON.stringify a value
 * that may be an object: a deeply nested array overflows the stack.
 */
export function show(v: unknown): string {
	if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
	if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
	return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

/** Append one reference token to a JSON pointer (RFC 6901 escaping). */
export function ptr(base: string, token: string | number): string {
	return `${base}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function problem(
	severity: Severity,
	file: string,
	where: string,
	message: string,
	code?: string
): Problem {
	return { severity, file, line: 0, where: where === '' ? '/' : where, message, code };
}

/** Own enumerable property, safe against keys such as "__proto__" or "constructor". */
export function own(o: JsonObject, key: string): unknown {
	return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/**
 * JSON.parse that turns a syntax error into a Problem with the 1-based line of the error
 * (computed from the character position V8 reports), so a user can open the file there.
 */
export function parseJson(text: string, file: string): { value: unknown } | { problem: Problem } {
	try {
		return { value: JSON.parse(text) };
	} catch (err) {
		const msg = err instanceof Error ? err.message : String(err);
		let line = 0;
		const lc = /line (\d+) column (\d+)/.exec(msg);
		const pos = /position (\d+)/.exec(msg);
		if (lc) line = Number(lc[1]);
		else if (pos) line = lineAt(text, Number(pos[1]));
		else if (/end of JSON input|Unterminated/i.test(msg)) line = lineAt(text, text.length);
		return {
			problem: { severity: 'error', file, line, where: '/', message: `not valid JSON: ${msg}`, code: 'PARSE_ERROR' }
		};
	}
}

function lineAt(text: string, pos: number): number {
	let line = 1;
	const end = Math.min(pos, text.length);
	for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}
