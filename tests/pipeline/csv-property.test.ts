/**
 * Robustness: mutated CSV bytes must either read or throw a ReadError whose problems each
 * carry the file and a location. Never another exception type, never a hang.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../pipelines/cube/errors.ts';
import { cellCount } from '../../pipelines/cube/model.ts';
import { csvCellData, loadCsvMapping, readCsv } from '../../pipelines/read/csv.ts';

const published = readFileSync(new URL('../../../shared/reference/published_values.csv', import.meta.url));
const head = published.subarray(0, published.indexOf('\nlonely_isolation_bother_mild') + 1); // header + first rows
const publishedMapping = loadCsvMapping(
	readFileSync(new URL('./fixtures-csv/published_values.mapping.yaml', import.meta.url), 'utf8'),
	'published_values.mapping.yaml'
);
const svMapping = loadCsvMapping(
	'decimal: ","\ndimensions: [{ column: Län, labelColumn: Namn, role: geo }, { column: År, role: time }]\nvalue: Andel\nci_low: KI\nkeep: [Not]\n',
	'sv.yaml'
);
const sv = Buffer.from(
	'Län;Namn;År;Andel;KI;Not\r\n01;Stockholms län;2023;12,5;10,0;"a; b"\r\n01;Stockholms län;2024;..;;\r\n12;Skåne län;2023;7,25;6,1;"rad\r\ntvå"\r\n',
	'latin1'
);
const seeds = [
	{ bytes: new Uint8Array(head), mapping: publishedMapping },
	{ bytes: new Uint8Array(sv), mapping: svMapping }
];

type Mutation = (b: Uint8Array) => Uint8Array;
const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const splice = (b: Uint8Array, at: number, del: number, ins: Uint8Array) => {
	const i = at % (b.length + 1);
	return new Uint8Array([...b.subarray(0, i), ...ins, ...b.subarray(Math.min(b.length, i + del))]);
};
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.nat().map((n) => (b: Uint8Array) => b.subarray(0, n % (b.length + 1))),
	fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, x]) => (b: Uint8Array) => splice(b, n, 1, new Uint8Array([x]))),
	fc.tuple(fc.nat(), fc.constantFrom('"', ',', ';', '\t', '\n', '\r', '""', '\r\n')).map(([n, s]) => (b: Uint8Array) => splice(b, n, 0, enc(s))),
	fc.tuple(fc.nat(), fc.constantFrom('"', ',', ';', '\n')).map(([n, ch]) => (b: Uint8Array) => {
		const hits = [...b.keys()].filter((i) => b[i] === ch.charCodeAt(0));
		return hits.length ? splice(b, hits[n % hits.length], 1, new Uint8Array()) : b;
	}),
	fc.tuple(fc.nat(), fc.constantFrom('1e400', '-0', 'NaN', '12,3,4', '..', '', '9'.repeat(400), '\u00ef\u00bb\u00bf')).map(([n, rep]) => (b: Uint8Array) => {
		const s = Buffer.from(b).toString('latin1');
		const hits = [...s.matchAll(/\d+([.,]\d+)?/g)];
		if (!hits.length) return b;
		const m = hits[n % hits.length];
		return splice(b, m.index!, m[0].length, enc(rep));
	}),
	fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3000 })).map(([n, k]) => (b: Uint8Array) => splice(b, n, 0, enc('"'.repeat(k))))
);

const outcomes = { read: 0, rejected: 0 };

describe('readCsv on mutated bytes', () => {
	it('the unmutated seeds read', () => {
		expect(readCsv(seeds[0].bytes, seeds[0].mapping, { origin: 'seed.csv' }).cube.values.filter((v) => v !== null)).toEqual([6, 6, 12, 8, 13, 18, 30, 24, 26]);
		const { cube } = readCsv(seeds[1].bytes, seeds[1].mapping, { origin: 'seed.csv' });
		expect(cube.values).toEqual([12.5, null, 7.25, null]);
	});

	it('returns or throws ReadError with located problems', () => {
		fc.assert(
			fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (s, muts, lenient) => {
				const bytes = muts.reduce<Uint8Array>((b, m) => m(b), seeds[s].bytes);
				try {
					const { cube } = readCsv(bytes, seeds[s].mapping, { origin: 'mutant.csv', lenient });
					outcomes.read++;
					expect(cube.values).toHaveLength(cellCount(cube.dimensions));
					expect(csvCellData(cube)!.line).toHaveLength(cube.values.length);
					for (const v of cube.values) expect(v === null || Number.isFinite(v)).toBe(true);
				} catch (e) {
					if (!(e instanceof ReadError)) throw e;
					outcomes.rejected++;
					expect(e.problems.length).toBeGreaterThan(0);
					for (const p of e.problems) {
						expect(p.file).toBe('mutant.csv');
						expect(p.where.length).toBeGreaterThan(0);
						expect(p.line).toBeGreaterThanOrEqual(0);
					}
				}
			}),
			{ numRuns: 200 }
		);
		expect(outcomes.read).toBeGreaterThan(10);
		expect(outcomes.rejected).toBeGreaterThan(10);
	});
});
