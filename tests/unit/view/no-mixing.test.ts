/**
 * Real first, never mixed: no comparison the pages make (region vs nation or county, county
 * outcomes on the map, change since the baseline) pairs a real value with an example value.
 * Each case has a control with the same numbers and the same kind, which IS compared, so the
 * test fails if the guard compares nothing at all.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/lib/data/observation';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { profileRow } from '../../../src/lib/view/region-profile';
import { countyOutcomes, compareWithNation } from '../../../src/lib/view/outcomes';
import { sameKindAs } from '../../../src/lib/data/series';

const ind: IndicatorMeta = { id: 'trust_others', subgoal: 1, name: { sv: 'Andel som litar', en: 'Share who trust' }, short: { sv: 'Tillit', en: 'Trust' }, unit: 'percent', polarity: 'higher-is-better' };
const row = (region: string, start: number, end: number, value: number, is_demo: boolean): Observation => ({
	indicator_id: 'trust_others',
	region_code: region,
	period_start: start,
	period_end: end,
	sex: 'T',
	group_dim: 'total',
	group_code: 'total',
	value,
	ci_low: value - 1,
	ci_high: value + 1,
	n: 1000,
	status: null,
	source_id: is_demo ? 'demo-trust_others' : 'ext-fohm-x',
	is_demo
});

describe('no comparison pairs a real value with an example value', () => {
	it('a real county against an example nation for the same window is not compared; the same numbers, both real, are', () => {
		const mixed = profileRow(ind, '20', { sv: 'Dalarna', en: 'Dalarna' }, [row('00', 2021, 2024, 80, true), row('20', 2021, 2024, 70, false)], []);
		expect(mixed.estimate?.is_demo).toBe(false);
		expect(mixed.benchmark).toBeNull();
		expect(mixed.at95.outcome).toBe('not-compared');
		const real = profileRow(ind, '20', { sv: 'Dalarna', en: 'Dalarna' }, [row('00', 2021, 2024, 80, false), row('20', 2021, 2024, 70, false)], []);
		expect(real.benchmark?.value).toBe(80);
		expect(real.at95.outcome).toBe('worse');
	});

	it('a municipality is compared with its county of the same kind', () => {
		const rows = [row('20', 2021, 2021, 80, false), row('2080', 2021, 2021, 70, false), row('00', 2021, 2021, 70, false)];
		const r = profileRow(ind, '2080', { sv: 'Falun', en: 'Falun' }, rows, [], '20');
		expect(r.benchmark?.region_code).toBe('20');
		expect(r.at95.outcome).toBe('worse');
	});

	it('change since the baseline does not set a real latest value against an example baseline', () => {
		// Example 2024 baseline, real 2025 latest; the control has a real 2024 baseline.
		const mixed = profileRow(ind, '20', { sv: 'Dalarna', en: 'Dalarna' }, [row('20', 2024, 2024, 60, true), row('20', 2025, 2025, 70, false)], []);
		expect(mixed.change.outcome).toBe('not-assessable');
		expect(mixed.change.baseline).toBeNull();
		const real = profileRow(ind, '20', { sv: 'Dalarna', en: 'Dalarna' }, [row('20', 2024, 2024, 60, false), row('20', 2025, 2025, 70, false)], []);
		expect(real.change.outcome).not.toBe('not-assessable');
		expect(real.change.baseline?.value).toBe(60);
	});

	it('county outcomes on the map: a county of the other kind than the nation is not compared', () => {
		const rows = [row('00', 2021, 2024, 80, false), row('01', 2021, 2024, 70, true), row('03', 2021, 2024, 70, false)];
		const out = countyOutcomes(rows, 'higher-is-better', 0.95);
		expect(out['01']).toBe('not-compared');
		expect(out['03']).toBe('worse');
		expect(compareWithNation(rows[1], rows[0], 'higher-is-better', 0.95).outcome).toBe('not-compared');
		expect(compareWithNation(rows[2], rows[0], 'higher-is-better', 0.95).outcome).toBe('worse');
	});

	it('sameKindAs keeps the reference kind only', () => {
		const rows = [row('00', 2020, 2020, 1, true), row('00', 2021, 2021, 2, false), row('00', 2022, 2022, 3, true)];
		expect(sameKindAs(rows, rows[1]).map((r) => r.value)).toEqual([2]);
		expect(sameKindAs(rows, rows[0]).map((r) => r.value)).toEqual([1, 3]);
	});
});
