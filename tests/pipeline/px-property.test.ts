/**
 * Mutated real PX files: whatever the bytes, readPx returns a cube or throws a ReadError
 * whose problems say where (file and a line ≥ 0). Never another exception, never a hang (the
 * test's timeout; no per-read stopwatch, which failed under load and measured nothing of ours).
 * Each property counts its outcomes and asserts that the generator reached both: enough
 * mutants read into a cube and enough rejected (a reader that always rejects, or never
 * does, fails here). The unmutated seeds are checked first: all three read (one is
 * PxWeb's "error" template, which is an error only for PxWeb's own checks).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPx } from '../../pipelines/read/px/index.ts';
import { ReadError } from '../../pipelines/cube/errors.ts';
import { cellCount } from '../../pipelines/cube/model.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const PX = path.resolve(repoRoot, '../shared/fixtures/px');
const SOURCES = ['error/fatal/template av BE0101F1error.px', 'NPM/BE0101F1datasymbols.px', 'wwwroot/PO/PO01/TAB001.px'].map(
	(f) => new Uint8Array(readFileSync(path.join(PX, f)))
);
const ORIGIN = 'mutated.px';

/** Outcomes of the current property (reset by `counted`). */
const outcomes = { read: 0, rejected: 0 };

/** The property: a cube that spans its dimensions, or a well-formed ReadError; fast. */
function checkRead(bytes: Uint8Array, lenient: boolean): void {
	let result: ReturnType<typeof readPx> | undefined;
	let error: unknown;
	try {
		result = readPx(bytes, { origin: ORIGIN, lenient });
	} catch (e) {
		error = e;
	}
	if (result) {
		outcomes.read++;
		const { cube, warnings } = result;
		expect(cube.values.length).toBe(cellCount(cube.dimensions));
		for (const w of warnings) expect(w.line).toBeGreaterThanOrEqual(0);
	} else {
		const e = error;
		// Anything but a ReadError fails the property (rethrown, not swallowed).
		if (!(e instanceof ReadError)) throw e;
		outcomes.rejected++;
		expect(e.problems.length).toBeGreaterThan(0);
		for (const p of e.problems) {
			expect(p.file).toBe(ORIGIN);
			expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
			expect(p.where.length).toBeGreaterThan(0);
		}
	}
}

/**
 * Runs a property and asserts that at least `min.read` mutants read and `min.rejected` were
 * rejected. The minimums sit well below the counts seen over many runs (each property's own
 * mutation mix; fast-check seeds vary per run), and scale with the run count.
 */
function counted(run: () => void, min: { read: number; rejected: number }): void {
	outcomes.read = 0;
	outcomes.rejected = 0;
	run();
	expect(outcomes.read + outcomes.rejected).toBe(RUNS.numRuns);
	expect(outcomes.read).toBeGreaterThanOrEqual(Math.ceil((min.read * RUNS.numRuns) / 200));
	expect(outcomes.rejected).toBeGreaterThanOrEqual(Math.ceil((min.rejected * RUNS.numRuns) / 200));
}

const ascii = (s: string) => new TextEncoder().encode(s);

function splice(src: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
	const p = at % (src.length + 1);
	const out = new Uint8Array(src.length - Math.min(remove, src.length - p) + insert.length);
	out.set(src.subarray(0, p));
	out.set(insert, p);
	out.set(src.subarray(Math.min(src.length, p + remove)), p + insert.length);
	return out;
}

function dropAll(src: Uint8Array, byte: number, keepEvery: number): Uint8Array {
	let seen = 0;
	return src.filter((b) => b !== byte || seen++ % keepEvery !== 0);
}

const source = fc.constantFrom(...SOURCES);
const lenient = fc.boolean();
// FC_RUNS and FC_SEED: fewer runs and a fixed seed under mutation testing (stryker/vitest.config.ts),
// where every reader mutant reruns this file: the dry run then shows that the minimums are reached.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200), ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };

describe('readPx on mutated files', () => {
	it('the unmutated seeds: all three read (so every mutant starts from a readable file)', () => {
		for (const src of SOURCES) {
			const { cube } = readPx(src, { origin: ORIGIN });
			expect(cube.values.length).toBe(cellCount(cube.dimensions));
			expect(cube.values.length).toBeGreaterThan(10);
		}
	});

	it('truncated at any position', () => {
		// One cut in ten is the control: right after the final ';' (only the newline goes), which reads.
		const cut = fc.oneof({ weight: 9, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant(-1) });
		counted(
			() =>
				fc.assert(fc.property(source, cut, lenient, (src, at, l) => checkRead(src.subarray(0, at < 0 ? src.lastIndexOf(0x3b) + 1 : at % (src.length + 1)), l)), RUNS),
			{ read: 5, rejected: 120 }
		);
	});

	it('with random bytes flipped', () => {
		const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
		counted(
			() =>
				fc.assert(
						fc.property(source, flips, lenient, (src, changes, l) => {
							const b = src.slice();
							for (const [at, v] of changes) b[at % b.length] = v;
							checkRead(b, l);
						}),
						RUNS
					),
			{ read: 8, rejected: 100 }
		);
	});

	it('with quotes or semicolons dropped', () => {
		const char = fc.constantFrom(0x22, 0x3b);
		// every = 0 (one run in ten) drops nothing: the control, which reads.
		const every = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constant(0) });
		counted(
			() =>
				fc.assert(fc.property(source, char, every, lenient, (src, c, k, l) => checkRead(k === 0 ? src : dropAll(src, c, k), l)), RUNS),
			{ read: 5, rejected: 120 }
		);
	});

	it('with odd tokens inserted anywhere', () => {
		const token = fc.constantFrom(' 1e400 ', ' 1.2.3 ', ' --5 ', ' NaN ', '"', ';', '\n', '(', ')', '[', ']', '=', ',', ' "..." ', '\r\n', '\u0000', 'TLIST(');
		counted(
			() =>
				fc.assert(
						fc.property(source, fc.nat(), fc.nat({ max: 3 }), token, lenient, (src, at, remove, t, l) => checkRead(splice(src, at, remove, ascii(t)), l)),
						RUNS
					),
			{ read: 25, rejected: 60 }
		);
	});

	it('with odd numbers in DATA', () => {
		const token = fc.constantFrom('1e400', '1.2.3', '--5', 'NaN', '-', '.', '+7', '1e', '.5', '5.', '0x10', 'Infinity');
		counted(
			() =>
				fc.assert(
						fc.property(source, fc.nat(), token, lenient, (src, n, t, l) => {
							const text = new TextDecoder('windows-1252').decode(src);
							const dataAt = text.indexOf('DATA=') + 6;
							const at = dataAt + (n % Math.max(1, text.length - dataAt));
							checkRead(ascii(`${text.slice(0, at)} ${t} ${text.slice(at)}`), l);
						}),
						RUNS
					),
			{ read: 12, rejected: 100 }
		);
	});
});
