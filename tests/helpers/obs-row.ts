/**
 * One observation for a worked example: Sweden's total, both sexes, 2024, `no_confidant`, real,
 * no value; a test states what matters to it (value, CI, n, region, period …) and nothing else.
 * A period given by its start only is a single year.
 */
import type { Observation } from '../../src/lib/data/observation';

export function obsRow(p: Partial<Observation> = {}): Observation {
	return {
		indicator_id: 'no_confidant',
		region_code: '00',
		period_start: 2024,
		period_end: p.period_start ?? 2024,
		sex: 'T',
		group_dim: 'total',
		group_code: 'total',
		value: null,
		ci_low: null,
		ci_high: null,
		n: null,
		status: null,
		source_id: 's',
		is_demo: false,
		...p
	};
}

/**
 * An example-data row around `value`: a symmetric CI of ±0.5, n 5000, and status ".." when the
 * value is missing (the view tests' fixture).
 */
export function exampleRow(p: Partial<Observation> & { region_code: string; period_start: number; value: number | null }): Observation {
	return obsRow({
		ci_low: p.value === null ? null : p.value - 0.5,
		ci_high: p.value === null ? null : p.value + 0.5,
		n: 5000,
		status: p.value === null ? '..' : null,
		source_id: 'demo-no_confidant',
		is_demo: true,
		...p
	});
}
