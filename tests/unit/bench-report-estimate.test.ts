/** The bench's goal rows for own survey extracts (#12): goal, measured, ratio, and the floor beside it (bench/report.ts). */
import { describe, expect, it } from 'vitest';
import { goalsTable } from '../../bench/report';

const estimate = {
	pipeline_s: 7.23,
	pipeline_floor_s: 2.09,
	pipeline_vs_floor: 3.46,
	peak_mb: 282,
	pipeline_detail: { cpu_s: [3, 2.49] },
	browser_first_results_ms: 8129,
	browser_floor_ms: 1547,
	browser_vs_floor: 5.25,
	r_ratio: 93.8,
	r_max_abs_diff: 1.1e-15,
	r_detail: { respondents: 5000 }
};

describe('goalsTable: own extracts', () => {
	const rows = goalsTable({ estimate });
	const row = (key: string) => rows.find((r) => r.key === key)!;

	it('the 1 M CLI row shows the wall time against 5 s, its CPU seconds and the floor from the same run', () => {
		const r = row('estimate.pipeline_s');
		expect(r).toMatchObject({ target: '≤ 5 s', measured: '7.23 s', ratio_to_target: 1.45, direction: 'at most' });
		expect(r.goal).toContain('2.49 CPU-s');
		expect(r.goal).toContain('3.46× the floor, read_csv + SUM(weight) 2.09 s');
	});

	it('the browser row is measured against 3 s with its floor; memory, R ratio and R difference have their own goals', () => {
		expect(row('estimate.browser_first_results_ms')).toMatchObject({ target: '≤ 3000 ms', measured: '8129 ms', ratio_to_target: 2.71 });
		expect(row('estimate.browser_first_results_ms').goal).toContain('5.25× the floor, file → worker + read_csv + SUM(weight) 1547 ms');
		expect(row('estimate.peak_mb')).toMatchObject({ target: '≤ 1024 MB', measured: '282 MB', ratio_to_target: 0.28 });
		expect(row('estimate.r_ratio')).toMatchObject({ target: '≥ 20×', measured: '93.8×', direction: 'at least', ratio_to_target: 4.69 });
		expect(row('estimate.r_max_abs_diff')).toMatchObject({ target: '≤ 1.0e-9', measured: '1.1e-15' });
	});

	it('without an estimate section the rows say nothing was measured, and no goal text contains a table pipe', () => {
		const empty = goalsTable({});
		for (const key of ['estimate.pipeline_s', 'estimate.browser_first_results_ms', 'estimate.peak_mb', 'estimate.r_ratio', 'estimate.r_max_abs_diff'])
			expect(empty.find((r) => r.key === key)).toMatchObject({ measured: '—', ratio_to_target: null });
		for (const r of rows) expect(r.goal).not.toContain('|');
	});
});
