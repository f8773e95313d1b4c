/**
 * Robustness: mutated JSON-stat text must either read or throw a ReadError whose problems
 * each carry a file and a location. Never another exception type, never a hang.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../pipelines/cube/errors.ts';
import { readJsonStat } from '../../pipelines/read/jsonstat.ts';

const V2 = new URL('../../../shared/fixtures/jsonstat/json-stat.org-samples/', import.meta.url).pathname;
const seeds = ['v2/oecd.json', 'v2/canada.json', 'v2/order.json', 'v2/hierarchy.json', 'v2/oecd-canada-col.json', 'v1/oecd-canada.json'].map(
	(f) => readFileSync(V2 + f, 'utf8')
);

type Mutation = (s: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.nat().map((n) => (s: string) => s.slice(0, n % (s.length + 1))),
	fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, b]) => (s: string) => {
		const i = n % Math.max(1, s.length);
		return s.slice(0, i) + String.fromCharCode(b) + s.slice(i + 1);
	}),
	fc.tuple(fc.nat(), fc.constantFrom('"', ',', '{', '}', '[', ']', ':')).map(([n, ch]) => (s: string) => {
		const hits = [...s.matchAll(new RegExp(`\\${ch}`, 'g'))].map((m) => m.index!);
		if (!hits.length) return s;
		const i = hits[n % hits.length];
		return s.slice(0, i) + s.slice(i + 1);
	}),
	fc.tuple(fc.nat(), fc.constantFrom('1e400', '-1e400', '-0', '"NaN"', 'null', '1.5', '-3', '1e15', '[]', '{}', 'true', '"x"')).map(
		([n, rep]) => (s: string) => {
			const hits = [...s.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
			if (!hits.length) return s;
			const m = hits[n % hits.length];
			return s.slice(0, m.index!) + rep + s.slice(m.index! + m[0].length);
		}
	),
	fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5000 })).map(([n, depth]) => (s: string) => {
		const hits = [...s.matchAll(/:\s*/g)];
		if (!hits.length) return s;
		const m = hits[n % hits.length];
		const at = m.index! + m[0].length;
		return s.slice(0, at) + '['.repeat(depth) + '1' + ']'.repeat(depth) + ',"_":' + s.slice(at);
	})
);

const outcomes = { read: 0, rejected: 0 };

it('the unmutated seeds read', () => {
	for (const text of seeds) expect(readJsonStat(text, { origin: 'seed.json' }).cubes.length).toBeGreaterThan(0);
});

function check(text: string, lenient: boolean): void {
	try {
		const r = readJsonStat(text, { origin: 'mutant.json', lenient });
		outcomes.read++;
		for (const c of r.cubes) {
			expect(c.values.length === 0 || c.values.length === c.dimensions.reduce((n, d) => n * d.categories.length, 1)).toBe(true);
			for (const v of c.values) expect(v === null || Number.isFinite(v)).toBe(true);
		}
	} catch (e) {
		if (!(e instanceof ReadError)) throw e;
		outcomes.rejected++;
		expect(e.problems.length).toBeGreaterThan(0);
		for (const p of e.problems) {
			expect(p.file).toBe('mutant.json');
			expect(p.where.length).toBeGreaterThan(0);
			expect(p.line).toBeGreaterThanOrEqual(0);
		}
	}
}

describe('readJsonStat on mutated input', () => {
	it('returns or throws ReadError with located problems', () => {
		fc.assert(
			fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (seed, muts, lenient) => {
				check(
					muts.reduce((s, m) => m(s), seeds[seed]),
					lenient
				);
			}),
			{ numRuns: 200 }
		);
		// the mutations must exercise both paths, or the property proves little
		expect(outcomes.read).toBeGreaterThan(10);
		expect(outcomes.rejected).toBeGreaterThan(10);
	});

	it('survives arbitrary JSON values as already-parsed input', () => {
		// One value in five is an unmutated seed, parsed: those must read, the rest mostly can't.
		const parsedSeeds = seeds.map((t) => JSON.parse(t) as unknown);
		const value = fc.oneof({ weight: 4, arbitrary: fc.jsonValue() }, { weight: 1, arbitrary: fc.constantFrom(...parsedSeeds) });
		const seen = { read: 0, rejected: 0 };
		fc.assert(
			fc.property(value, fc.boolean(), (v, lenient) => {
				let threw: unknown;
				try {
					readJsonStat(v, { origin: 'obj', lenient });
				} catch (e) {
					threw = e;
				}
				if (threw === undefined) seen.read++;
				else {
					// Anything but a located ReadError fails the property.
					expect(threw).toBeInstanceOf(ReadError);
					expect((threw as ReadError).problems.length).toBeGreaterThan(0);
					seen.rejected++;
				}
			}),
			{ numRuns: 200 }
		);
		expect(seen.read).toBeGreaterThanOrEqual(15);
		expect(seen.rejected).toBeGreaterThanOrEqual(100);
	});
});
