/** The /egna-data form's first guess at a file's design (src/lib/own/guess.ts). */
import { describe, expect, it } from 'vitest';
import { guessDesign } from '../../src/lib/own/guess';

const rows = (header: string, lines: string[]) => {
	const cols = header.split(',');
	return { columns: cols, sample: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v === '' ? null : v]))) };
};

describe('guessDesign', () => {
	it('reads an HLV-like file: weight, strata, PSU, region, sex, age, year and items with their missing codes', () => {
		const f = rows('lopnr,ar,lan,kommun,kon,aldersgrupp,vikt,ensam,tillit', ['1,2023,01,0114,1,16-29,812.5,1,2', '2,2024,03,0305,2,30-44,95.25,9,1', '3,2024,03,0305,2,30-44,100.75,2,']);
		const g = guessDesign({ ...f, indicators: ['ensam'], fallbackYear: 2020 });
		expect(g.problem).toBeNull();
		expect(g.design).toMatchObject({ weight: 'vikt', strata: 'lan', psu: 'kommun', region: 'lan', sex: 'kon', by: ['aldersgrupp'], groupDims: { aldersgrupp: 'age' }, period: { start: 2023, end: 2024 } });
		expect(g.design!.items).toEqual([
			{ column: 'ensam', yes: ['1'], missing: ['9'], indicator: 'ensam' },
			{ column: 'tillit', yes: ['1'], missing: [], indicator: 'tillit' }
		]);
	});
	it('finds a weight by its contents when the name says nothing, but never a year or a code column', () => {
		const f = rows('year,region,factor,q', ['2024,1,1.52,1', '2024,2,0.8,2', '2024,1,2.5,1']);
		const g = guessDesign({ ...f, indicators: [], fallbackYear: 2020 });
		expect(g.design?.weight).toBe('factor');
		expect(g.design?.region).toBe('region');
	});
	it('a file without weights or without coded questions is not a survey file', () => {
		expect(guessDesign({ ...rows('id,q1,q2', ['1,1,2', '2,2,1']), indicators: [], fallbackYear: 2020 }).problem).toBe('no-weight');
		expect(guessDesign({ ...rows('product,price', ['apple,1.5', 'pear,2.25']), indicators: [], fallbackYear: 2020 }).problem).toBe('no-items');
	});
	it('without a year column the period is the fallback year', () => {
		const g = guessDesign({ ...rows('vikt,q', ['1.5,1', '2.5,2']), indicators: [], fallbackYear: 2023 });
		expect(g.design?.period).toEqual({ start: 2023, end: 2023 });
	});
});
