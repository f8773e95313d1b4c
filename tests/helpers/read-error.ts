/** The problems a reader reports: runs `f`, which must throw a ReadError, and returns its problem list. */
import { expect } from 'vitest';
import { ReadError } from '../../pipelines/cube/errors.ts';

export function problemsOf(f: () => unknown): ReadError['problems'] {
	try {
		f();
	} catch (e) {
		expect(e).toBeInstanceOf(ReadError);
		return (e as ReadError).problems;
	}
	throw new Error('expected a ReadError');
}
