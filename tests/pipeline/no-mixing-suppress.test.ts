/** The build's rules for example cells next to real ones, and suppression for every source (worked examples). */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/lib/data/observation.ts';
import { withholdExampleWhereReal } from '../../pipelines/check/no-mixing.ts';
import { suppress } from '../../pipelines/check/suppress.ts';
import { obsRow } from '../helpers/obs-row';

const o = (p: Partial<Observation>): Observation => obsRow({ indicator_id: 'trust_others', value: 50, source_id: 'x', ...p });

describe('real first, never mixed', () => {
	it('withholds every example cell at an indicator × level × period that has a real value, and only there', () => {
		const real = [o({ region_code: '20', period_start: 2021, period_end: 2024 }), o({ region_code: '2080', period_start: 2021, period_end: 2021 })];
		const examples = [
			o({ region_code: '01', period_start: 2021, period_end: 2024, is_demo: true }), // county level, same window → withheld
			o({ region_code: '01', period_start: 2021, period_end: 2024, sex: 'K', is_demo: true }), // its sexes too
			o({ region_code: '20', period_start: 2021, period_end: 2024, group_dim: 'age', group_code: '16-29', is_demo: true }), // and its groups
			o({ region_code: '00', period_start: 2021, period_end: 2024, is_demo: true }), // nation: another level → kept
			o({ region_code: '01', period_start: 2017, period_end: 2020, is_demo: true }), // another window → kept
			o({ region_code: '01', period_start: 2021, period_end: 2021, is_demo: true }), // county single year ≠ the municipal year's level → kept
			o({ indicator_id: 'no_confidant', region_code: '01', period_start: 2021, period_end: 2024, is_demo: true }) // another indicator → kept
		];
		const { kept, withheld } = withholdExampleWhereReal(real, examples);
		expect(withheld).toEqual(examples.slice(0, 3));
		expect(kept).toEqual(examples.slice(3));
	});
});

describe('suppression in the build, for every source', () => {
	const rule = [{ id: 'trust_others', suppression: { min_n: 100, rule: { sv: 'x', en: 'x' } } }];
	it('hides an estimate from fewer than 100 respondents and keeps n; 100 itself is shown', () => {
		const rows = [o({ n: 99, value: 40, ci_low: 30, ci_high: 50 }), o({ n: 100, region_code: '01' })];
		const { suppressed } = suppress(rule, rows);
		expect(rows[0]).toMatchObject({ value: null, ci_low: null, ci_high: null, status: '..', n: 99 });
		expect(rows[1].value).toBe(50);
		expect(suppressed.map((s) => s.reason)).toEqual(['suppressed: n = 99 is below 100 respondents']);
	});
	it('hides both sexes when women or men are fewer than 100; the total stays', () => {
		const rows = [o({ sex: 'T', n: 400 }), o({ sex: 'K', n: 90 }), o({ sex: 'M', n: 310 })];
		const { suppressed } = suppress(rule, rows);
		expect(rows.map((r) => r.value)).toEqual([50, null, null]);
		expect(suppressed[1].reason).toBe('suppressed: women number 90, below 100 respondents, so both sexes are hidden');
	});
	it('leaves indicators without a rule, and rows without n, alone', () => {
		const rows = [o({ indicator_id: 'transit_access', n: 5 }), o({ n: null })];
		expect(suppress(rule, rows).suppressed).toEqual([]);
		expect(rows.map((r) => r.value)).toEqual([50, 50]);
	});
});
