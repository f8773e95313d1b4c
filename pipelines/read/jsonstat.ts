/**
 * JSON-stat reader: JSON-stat 2.0 datasets and collections, 1.x bundles, the agencies'
 * `{"dataset": …}` v1 dialect (cso.ie, ssb.no, PxWeb API v1 `json-stat`) and PxWeb API v2
 * answers (JSON-stat 2.0 with PxWeb's `extension`), all into the shared Cube.
 *
 * Pipeline: parse (PARSE_ERROR with a line) → walk the response class (./jsonstat/walk.ts)
 * → check each dataset against the validator rules (./jsonstat/validate.ts) → build the
 * cube (./jsonstat/build.ts).
 *
 * Decisions:
 * - Strict (default): any error-severity problem throws one ReadError. Lenient: only
 *   *fatal* errors throw (the cube cannot be laid out); the rest come back as warnings and
 *   the offending part is ignored.
 * - Eurostat's `wsVersion` V1_1 files are rejected (NOT_JSONSTAT), see walk.ts.
 * - Collections: embedded datasets become cubes; href-only items become `links` (the
 *   caller decides whether to fetch them). A collection of links only gives zero cubes and
 *   no error.
 * - Text values live in `cube.extra.textValues` (cell index → text), null in `values`.
 * - `value: []` on a non-empty cube (PxWeb v2 `/metadata`): read as metadata only —
 *   `values` is [] and `extra.metadataOnly` is true, with a METADATA_ONLY warning. Callers
 *   that need cells must check it (values.length !== cellCount).
 * - JSON-stat has no language tag: texts are keyed by `opts.lang` (default "en").
 * - PxWeb v2 `extension.noteMandatory` (dataset and dimension) and
 *   `categoryNoteMandatory` (category code → note position) map onto `Note.mandatory`.
 * - `extension` is kept in `extra.extension`, dimension extensions in
 *   `extra.dimensionExtension`, raw unit objects in `extra.categoryUnits` (multiplier!).
 */
import { ReadError, type Problem } from '../cube/errors.ts';
import type { Cube } from '../cube/model.ts';
import { buildCube } from './jsonstat/to-cube.ts';
import { parseJson } from './jsonstat/json.ts';
import { checkDataset, type CheckedDataset } from './jsonstat/validate.ts';
import { walk, type JsonStatLink } from './jsonstat/walk.ts';

export type { JsonStatLink } from './jsonstat/walk.ts';
export { MAX_CELLS } from './jsonstat/validate.ts';

export interface JsonStatOptions {
	/** Path or URL, used in every problem and as `cube.origin`. */
	origin: string;
	lenient?: boolean;
	/** Language of the texts (JSON-stat does not say). Default "en". */
	lang?: string;
}

export interface JsonStatResult {
	cubes: Cube[];
	warnings: Problem[];
	/** Collection items given by reference only (href), in document order. */
	links: JsonStatLink[];
}

/** Codes that are errors by rule but never stop a metadata-only answer (see header). */
const METADATA_EXEMPT = new Set(['VALUE_LEN_MISMATCH', 'CUBE_SIZE_OVERFLOW']);

/**
 * Check a parsed JSON-stat response (any class) against the validator rules. Returns every
 * problem (errors, warnings, and infos as warnings), each with `code` and a JSON pointer.
 */
export function validateJsonStat(obj: unknown, origin: string): Problem[] {
	const walked = walk(obj, origin);
	return [...walked.problems, ...walked.datasets.flatMap((d) => checkDataset(d, origin).problems)];
}

export function readJsonStat(input: string | unknown, opts: JsonStatOptions): JsonStatResult {
	const file = opts.origin;
	const lang = opts.lang ?? 'en';
	let obj: unknown = input;
	if (typeof input === 'string') {
		const parsed = parseJson(input.replace(/^\uFEFF/, ''), file);
		if ('problem' in parsed) throw new ReadError([parsed.problem]);
		obj = parsed.value;
	}
	const walked = walk(obj, file);
	const problems: Problem[] = [...walked.problems];
	const fatal = new Set<Problem>(walked.problems.filter((p) => p.severity === 'error'));
	const checked: { c: CheckedDataset; metadataOnly: boolean }[] = [];
	for (const raw of walked.datasets) {
		const c = checkDataset(raw, file);
		const value = (raw.obj as Record<string, unknown>).value;
		const metadataOnly = Array.isArray(value) && value.length === 0 && c.cells > 0;
		for (const p of c.problems) {
			if (metadataOnly && p.code && METADATA_EXEMPT.has(p.code)) continue;
			problems.push(p);
			if (c.fatal.has(p)) fatal.add(p);
		}
		if (metadataOnly) {
			problems.push({
				severity: 'warning',
				file,
				line: 0,
				where: `${raw.pointer}/value`,
				message: 'empty "value": read as metadata only (values = [], extra.metadataOnly = true)',
				code: 'METADATA_ONLY'
			});
		}
		checked.push({ c, metadataOnly });
	}
	const errors = problems.filter((p) => p.severity === 'error');
	if (fatal.size > 0 || (!opts.lenient && errors.length > 0)) {
		throw new ReadError(opts.lenient ? [...fatal] : errors);
	}
	const cubes: Cube[] = [];
	for (const { c, metadataOnly } of checked) {
		const built = buildCube(c, file, lang, metadataOnly);
		problems.push(...built.problems);
		cubes.push(built.cube);
	}
	const late = problems.filter((p) => p.severity === 'error');
	if (!opts.lenient && late.length > 0) throw new ReadError(late);
	return { cubes, warnings: problems.map(asWarning), links: walked.links };
}

function asWarning(p: Problem): Problem {
	return p.severity === 'warning' ? p : { ...p, severity: 'warning' };
}
