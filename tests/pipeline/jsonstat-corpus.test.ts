/**
 * All 20 cases of the jsonstat/validator corpus, through both validateJsonStat and
 * readJsonStat: valid cases read; invalid ones are rejected with exactly the expected codes
 * (when noOtherErrors), warning/info cases read with the code among the warnings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../pipelines/cube/errors.ts';
import { readJsonStat, validateJsonStat } from '../../pipelines/read/jsonstat.ts';

interface Case {
	id: string;
	group: string;
	expected: { valid?: boolean; codes?: string[]; noOtherErrors?: boolean };
	input: unknown;
}
const DIR = new URL('../../../shared/fixtures/jsonstat/validator-corpus/', import.meta.url).pathname;
const cases: Case[] = JSON.parse(readFileSync(`${DIR}cases.json`, 'utf8'));
const manifest: { rules: { code: string; severity: string }[] } = JSON.parse(readFileSync(`${DIR}rules-manifest.json`, 'utf8'));

describe('validator corpus', () => {
	it('has the 20 cases the fixtures README lists', () => {
		expect(cases).toHaveLength(20);
		expect(cases.filter((c) => c.group === 'valid')).toHaveLength(4);
	});

	it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
		const origin = `corpus:${c.id}`;
		const problems = validateJsonStat(c.input, origin);
		const errorCodes = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort();
		const allCodes = new Set(problems.map((p) => p.code));
		for (const p of problems) {
			expect(p.file).toBe(origin);
			expect(p.where).not.toBe('');
			expect(p.code).toBeTruthy();
		}
		const expectedCodes = c.expected.codes ?? [];
		for (const code of expectedCodes) expect(allCodes, code).toContain(code);
		const isError = (code: string) => manifest.rules.find((r) => r.code === code)?.severity === 'error';
		if (c.expected.noOtherErrors) expect(errorCodes).toEqual(expectedCodes.filter(isError).sort());

		const valid = c.expected.valid ?? expectedCodes.every((code) => !isError(code));
		if (valid) {
			const r = readJsonStat(c.input, { origin });
			expect(r.cubes.length).toBeGreaterThan(0);
			for (const code of expectedCodes) expect(r.warnings.map((w) => w.code)).toContain(code);
		} else {
			let err: unknown;
			try {
				readJsonStat(c.input, { origin });
			} catch (e) {
				err = e;
			}
			expect(err).toBeInstanceOf(ReadError);
			const codes = [...new Set((err as ReadError).problems.map((p) => p.code))].sort();
			if (c.expected.noOtherErrors) expect(codes).toEqual([...expectedCodes].sort());
			else for (const code of expectedCodes) expect(codes).toContain(code);
		}
	});

	it('the same rules hold when the corpus input arrives as text', () => {
		const c = cases.find((x) => x.id === 'invalid/index-positions-invalid')!;
		expect(() => readJsonStat(JSON.stringify(c.input), { origin: 'x' })).toThrow(/INDEX_POSITIONS_INVALID|permutation/);
	});
});
