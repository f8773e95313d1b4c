/**
 * PC-Axis (.px) reader. There is no maintained JS PX reader, so this one is ours:
 * decode (CODEPAGE) → lex (statements with lines) → build (cube + validation) with the
 * DATA part scanned by data.ts.
 *
 * Strict (default): any problem is an error and nothing is returned.
 * Lenient: problems in optional keywords become warnings and the cube is returned;
 * structural problems (required keyword missing, broken quoting in STUB/VALUES/CODES/…,
 * references to variables or values that do not exist in CONTVARIABLE/UNITS/CODES, DATA
 * not matching the dimensions) still reject the file, now with the optional-keyword
 * problems listed as warnings alongside.
 *
 * Problem lines are the line where the keyword starts; 0 for a keyword that is missing.
 */
import type { Cube } from '../../cube/model.ts';
import { ReadError, type Problem } from '../../cube/errors.ts';
import { decodePx } from './decode.ts';
import { lexPx } from './lex.ts';
import { buildCube, type Issue } from './to-cube.ts';

export interface ReadPxOptions {
	/** Path or URL, used in problems and as Cube.origin. */
	origin: string;
	lenient?: boolean;
	/** Language to assume when the file has no LANGUAGE keyword (default "sv"). */
	lang?: string;
}

export function readPx(bytes: Uint8Array, opts: ReadPxOptions): { cube: Cube; warnings: Problem[] } {
	const decoded = decodePx(bytes);
	const lexed = lexPx(decoded.text);
	const { cube, issues } = buildCube(lexed, decoded, opts.origin, opts.lang ?? 'sv');
	const lenient = opts.lenient === true;
	const rejected = !cube || issues.some((i) => i.fatal || !lenient);
	const problems = issues.map((i) => toProblem(i, opts.origin, !lenient || i.fatal));
	if (rejected) {
		if (!problems.some((p) => p.severity === 'error')) {
			problems.push({ severity: 'error', file: opts.origin, line: 0, where: 'DATA', message: 'no data cube could be built' });
		}
		throw new ReadError(problems);
	}
	return { cube, warnings: problems };
}

/** Reads PX text that is already decoded (tests, generated files). */
export function readPxText(text: string, opts: ReadPxOptions): { cube: Cube; warnings: Problem[] } {
	return readPx(new TextEncoder().encode(`CODEPAGE="utf-8";${text}`), opts); // same line: line numbers stay those of `text`
}

function toProblem(issue: Issue, file: string, asError: boolean): Problem {
	return { severity: asError ? 'error' : 'warning', file, line: issue.line, where: issue.where, message: issue.message };
}

export { decodePx } from './decode.ts';
