/**
 * The survey estimator (src/lib/data/estimate-queries.ts) run by @duckdb/node-api:
 * a hand-worked design whose linearised variance is computed by formula here, R's survey package
 * figures for the same design (computed once with svydesign/svymean/svyby, survey 4.x, and
 * written down), the simple-random-sample special case, domains versus a cut-down file, CIs,
 * pooling, the input formats and every bad input's message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { estimateFile, estimateCsv } from '../../pipelines/commands/estimate.ts';
import { loadRespondentFile, openNodeRunner } from '../../pipelines/read/respondents.ts';
import { estimateLoaded } from '../../src/lib/own/estimate.ts';
import { DESIGN_DEFAULTS, designToYaml, parseDesignYaml, type SurveyDesign } from '../../src/lib/own/design.ts';
import type { RawEstimateRow } from '../../src/lib/data/estimate-queries.ts';
import { surveyCi } from '../../src/lib/own/ci.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'estimate-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const repo = path.resolve(__dirname, '../..');

function file(name: string, content: string | Buffer): string {
	const f = path.join(tmp, name);
	fs.writeFileSync(f, content);
	return f;
}

function design(over: Partial<SurveyDesign>): SurveyDesign {
	return {
		...DESIGN_DEFAULTS,
		weight: 'w',
		by: [],
		period: { start: 2024, end: 2024 },
		minN: 0,
		suppressBothSexes: false,
		items: [{ column: 'y', yes: ['1'], missing: ['9'], indicator: 'x' }],
		...over
	};
}

async function estimate(f: string, d: SurveyDesign): Promise<RawEstimateRow[]> {
	const db = await openNodeRunner();
	try {
		const { lineOffset } = await loadRespondentFile(db, f);
		return (await estimateLoaded(db, d, { file: path.basename(f), lineOffset, raw: true })).rows;
	} finally {
		db.close();
	}
}

function cell(rows: RawEstimateRow[], k: Partial<RawEstimateRow> = {}): RawEstimateRow {
	const r = rows.find(
		(x) =>
			x.region_code === (k.region_code ?? '00') &&
			x.sex === (k.sex ?? 'T') &&
			x.group_dim === (k.group_dim ?? 'total') &&
			x.group_code === (k.group_code ?? 'total') &&
			(k.indicator_id === undefined || x.indicator_id === k.indicator_id)
	);
	if (!r) throw new Error(`no row ${JSON.stringify(k)}`);
	return r;
}

// Three strata: A with three PSUs, B with two, C with a single PSU (a "lonely" stratum).
// Respondent 10 answered 9 (a missing code): out of the denominator.
const HAND = `id,h,psu,w,sex,y,fpc
1,A,a1,2,1,1,10
2,A,a1,3,2,0,10
3,A,a2,1,2,1,10
4,A,a2,4,1,1,10
5,A,a3,2,2,0,10
6,B,b1,5,1,0,4
7,B,b1,1,2,1,4
8,B,b2,2,1,1,4
9,B,b2,3,2,0,4
10,B,b2,2,2,9,4
11,C,c1,6,1,1,2
12,C,c1,2,2,0,2
`;
type Resp = { h: string; psu: string; w: number; sex: string; y: number | null };
const handRows: Resp[] = HAND.trim()
	.split('\n')
	.slice(1)
	.map((l) => l.split(','))
	.map((f) => ({ h: f[1], psu: f[2], w: Number(f[3]), sex: f[4], y: f[5] === '9' ? null : Number(f[5]) }));

/**
 * The textbook formula, written out independently of the SQL: ratio p = Σwy/Σw over valid
 * answers in the domain, u = w(y − p)/Σw, PSU totals t, V = Σ_h n_h/(n_h−1) Σ_j (t_hj − t̄_h)²
 * with n_h the stratum's PSUs in the whole file; a one-PSU stratum contributes t² (adjust).
 */
function byFormula(rows: Resp[], inDomain: (r: Resp) => boolean, opts: { fpc?: Record<string, number> } = {}) {
	const valid = rows.filter((r) => inDomain(r) && r.y !== null);
	const W = valid.reduce((s, r) => s + r.w, 0);
	const p = valid.reduce((s, r) => s + r.w * r.y!, 0) / W;
	const strata = [...new Set(rows.map((r) => r.h))];
	let v = 0;
	for (const h of strata) {
		const psus = [...new Set(rows.filter((r) => r.h === h).map((r) => r.psu))];
		const t = psus.map((j) => valid.filter((r) => r.h === h && r.psu === j).reduce((s, r) => s + (r.w * (r.y! - p)) / W, 0));
		const nh = psus.length;
		const f = opts.fpc ? 1 - nh / opts.fpc[h] : 1;
		if (nh === 1) v += f * t[0] ** 2;
		else {
			const mean = t.reduce((s, x) => s + x, 0) / nh;
			v += (f * nh) / (nh - 1) * t.reduce((s, x) => s + (x - mean) ** 2, 0);
		}
	}
	return { p, se: Math.sqrt(v) };
}

describe('hand-worked design', () => {
	const f = file('hand.csv', HAND);
	const d = design({ strata: 'h', psu: 'psu', sex: 'sex' });

	it('whole file: the formula and R agree with the SQL', async () => {
		const all = cell(await estimate(f, d));
		const expected = byFormula(handRows, () => true);
		expect(all.p).toBeCloseTo(expected.p, 14);
		expect(all.se_p).toBeCloseTo(expected.se, 14);
		// R: svymean(~yy, svydesign(ids=~psu, strata=~h, weights=~w, nest=TRUE), na.rm=TRUE), lonely.psu="adjust"
		expect(all.p).toBeCloseTo(0.5161290322580645, 14);
		expect(all.se_p).toBeCloseTo(0.13046766300651388, 14);
		expect(all.n).toBe(11);
		expect(all.weighted_n).toBe(31);
	});

	it('domains by sex over the full design: the formula and R agree', async () => {
		const rows = await estimate(f, d);
		for (const [sex, code, rP, rSe] of [
			['M', '1', 0.73684210526315785, 0.24149024617953874],
			['K', '2', 0.16666666666666666, 0.15528249843748537]
		] as const) {
			const r = cell(rows, { sex });
			const e = byFormula(handRows, (x) => x.sex === code);
			expect(r.p).toBeCloseTo(e.p, 14);
			expect(r.se_p).toBeCloseTo(e.se, 14);
			expect(r.p).toBeCloseTo(rP, 14);
			expect(r.se_p).toBeCloseTo(rSe, 14);
		}
	});

	it('finite population correction (N_h PSUs per stratum) as R computes it', async () => {
		const noC = file('hand-no-c.csv', HAND.split('\n').filter((l) => !l.includes(',C,')).join('\n'));
		const withFpc = cell(await estimate(noC, design({ strata: 'h', psu: 'psu', fpc: 'fpc' })));
		const without = cell(await estimate(noC, design({ strata: 'h', psu: 'psu' })));
		const rows = handRows.filter((r) => r.h !== 'C');
		expect(withFpc.se_p).toBeCloseTo(byFormula(rows, () => true, { fpc: { A: 10, B: 4 } }).se, 14);
		expect(withFpc.se_p).toBeCloseTo(0.13136568172514357, 14); // R, fpc = ~fpc
		expect(without.se_p).toBeCloseTo(0.16051364624086031, 14); // R, no fpc
		// A sampling fraction (≤ 1) means the same as the population count it implies.
		const frac = file('hand-frac.csv', HAND.split('\n').filter((l) => !l.includes(',C,')).map((l) => l.replace(/,10$/, ',0.3').replace(/,4$/, ',0.5')).join('\n'));
		expect(cell(await estimate(frac, design({ strata: 'h', psu: 'psu', fpc: 'fpc' }))).se_p).toBeCloseTo(withFpc.se_p!, 14);
	});

	it('a stratum with one PSU under lonely_psu "fail" is an error naming the stratum', async () => {
		await expect(estimate(f, design({ strata: 'h', psu: 'psu', lonelyPsu: 'fail' }))).rejects.toThrow(
			'hand.csv: stratum "C" in column "h" has a single PSU (1 such strata); lonely_psu is "fail"'
		);
	});
});

describe('special cases give the simple-random-sample result', () => {
	// Equal weights, one stratum, every respondent its own PSU: V = p(1−p)/(n−1).
	const ys = [1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1];
	const csv = 'w,y\n' + ys.map((y) => `3,${y}`).join('\n') + '\n';
	it('no strata, no PSU column', async () => {
		const r = cell(await estimate(file('srs.csv', csv), design({})));
		const n = ys.length;
		const p = ys.filter((y) => y === 1).length / n;
		expect(r.p).toBeCloseTo(p, 15);
		expect(r.se_p).toBeCloseTo(Math.sqrt((p * (1 - p)) / (n - 1)), 15);
	});
	it('an explicit single stratum and one PSU per respondent give the same', async () => {
		const csv2 = 'w,y,s,id\n' + ys.map((y, i) => `3,${y},1,${i}`).join('\n') + '\n';
		const a = cell(await estimate(file('srs2.csv', csv2), design({ strata: 's', psu: 'id' })));
		const b = cell(await estimate(file('srs.csv', csv), design({})));
		expect(a.se_p).toBeCloseTo(b.se_p!, 15);
	});
});

describe('a domain is not a cut-down file', () => {
	it('same estimate; the variance differs exactly by the PSUs the cut drops and the centring', async () => {
		const noC = HAND.split('\n').filter((l) => !l.includes(',C,')).join('\n');
		const rows = handRows.filter((r) => r.h !== 'C');
		const full = cell(await estimate(file('dom.csv', noC), design({ strata: 'h', psu: 'psu', sex: 'sex' })), { sex: 'M' });
		const menOnly = noC.split('\n').filter((l, i) => i === 0 || l.split(',')[4] === '1').join('\n') + '\n';
		const cut = cell(await estimate(file('cut.csv', menOnly), design({ strata: 'h', psu: 'psu' })));
		expect(cut.p).toBeCloseTo(full.p!, 15);
		// R: svyby(~yy, ~sex, des, svymean) gives SE 0.3131 for men; the cut file's svymean 0.3017.
		expect(full.se_p).toBeCloseTo(0.31310666403131254, 14);
		expect(cut.se_p).toBeCloseTo(0.30171713098182162, 14);
		// Theory: with PSU totals t_hj of the domain (zero where a PSU has no men), the full design
		// uses all n_h PSUs and centres at Σt/n_h; the cut file keeps only the m_h PSUs with men
		// and centres at Σt/m_h. Both from the same t's:
		const men = rows.filter((r) => r.sex === '1' && r.y !== null);
		const W = men.reduce((s, r) => s + r.w, 0);
		const p = men.reduce((s, r) => s + r.w * r.y!, 0) / W;
		let vFull = 0, vCut = 0;
		for (const h of ['A', 'B']) {
			const all = [...new Set(rows.filter((r) => r.h === h).map((r) => r.psu))];
			const t = all.map((j) => men.filter((r) => r.psu === j).reduce((s, r) => s + (r.w * (r.y! - p)) / W, 0));
			const present = all.map((j, i) => (men.some((r) => r.psu === j) ? t[i] : null)).filter((x): x is number => x !== null);
			const nh = all.length, mh = present.length;
			const mFull = t.reduce((s, x) => s + x, 0) / nh;
			const mCut = present.reduce((s, x) => s + x, 0) / mh;
			vFull += (nh / (nh - 1)) * t.reduce((s, x) => s + (x - mFull) ** 2, 0);
			vCut += (mh / (mh - 1)) * present.reduce((s, x) => s + (x - mCut) ** 2, 0);
		}
		expect(full.se_p! ** 2 - cut.se_p! ** 2).toBeCloseTo(vFull - vCut, 14);
		expect(Math.abs(vFull - vCut)).toBeGreaterThan(0.005);
	});
});

describe('confidence intervals', () => {
	it('Wald is p ± 1.96·se; logit and Korn–Graubard follow their formulas', () => {
		const p = 0.43478260869565216, se = 0.16051364624086031;
		const [wl, wh] = surveyCi('wald', { p, se, n: 9, df: 3 });
		expect(wl).toBeCloseTo(p - 1.959963984540054 * se, 14);
		expect(wh).toBeCloseTo(p + 1.959963984540054 * se, 14);
		const [ll, lh] = surveyCi('logit', { p, se, n: 9, df: 3 });
		const l = Math.log(p / (1 - p)), sl = se / (p * (1 - p));
		expect(ll).toBeCloseTo(1 / (1 + Math.exp(-(l - 1.959963984540054 * sl))), 14);
		expect(lh).toBeCloseTo(1 / (1 + Math.exp(-(l + 1.959963984540054 * sl))), 14);
		expect(lh - p).toBeGreaterThan(p - ll); // asymmetric, pulled towards 0.5
		// R: svyciprop(~yy, des, method = "beta") with nrow(design) = 10, degf = 3 → [0.06233, 0.87832]
		const [kl, kh] = surveyCi('korn-graubard', { p, se, n: 10, df: 3 });
		expect(kl).toBeCloseTo(0.062333705805891315, 8);
		expect(kh).toBeCloseTo(0.87831637574467891, 8);
	});
	it('Wald is clipped to 0–100 and the CLI output carries value, se and CI in per cent', async () => {
		const out = await estimateFile(file('hand2.csv', HAND), design({ strata: 'h', psu: 'psu', ci: 'wald' }));
		const r = out.rows.find((x) => x.region_code === '00' && x.sex === 'T')!;
		expect(r.value).toBeCloseTo(51.61290322580645, 12);
		expect(r.se).toBeCloseTo(13.046766300651388, 12);
		expect(r.ci_low).toBeCloseTo(51.61290322580645 - 1.959963984540054 * 13.046766300651388, 10);
	});
});

describe('suppression and pooling', () => {
	it('fewer than 100 respondents: the status and no number; if women or men are few, both sexes hidden', async () => {
		// 150 respondents: 130 men, 20 women.
		const lines = ['w,y,kon'];
		for (let i = 0; i < 150; i++) lines.push(`1,${i % 3 === 0 ? 1 : 0},${i < 130 ? 'M' : 'K'}`);
		const rows = await estimate(file('supp.csv', lines.join('\n') + '\n'), design({ sex: 'kon', minN: 100, suppressBothSexes: true }));
		expect(cell(rows).value).not.toBeNull();
		for (const sex of ['K', 'M'] as const) {
			const r = cell(rows, { sex });
			expect(r.value).toBeNull();
			expect(r.ci_low).toBeNull();
			expect(r.status).toBe('..');
		}
		expect(cell(rows, { sex: 'M' }).n).toBe(130);
	});
	it('a four-year window divides the weights by four: same share, a yearly weighted base', async () => {
		const f = file('pool.csv', HAND);
		const one = cell(await estimate(f, design({ strata: 'h', psu: 'psu' })));
		const four = cell(await estimate(f, design({ strata: 'h', psu: 'psu', period: { start: 2021, end: 2024 } })));
		expect(four.p).toBeCloseTo(one.p!, 15);
		expect(four.se_p).toBeCloseTo(one.se_p!, 15);
		expect(four.weighted_n).toBeCloseTo(one.weighted_n / 4, 12);
		expect([four.period_start, four.period_end]).toEqual([2021, 2024]);
	});
});

describe('input formats give the same estimates', () => {
	const d = design({ strata: 'h', psu: 'psu', sex: 'sex' });
	it('Windows-1252, semicolons and decimal commas', async () => {
		const text = HAND.replaceAll(',', ';').replace('id;h;psu;w;sex;y;fpc', 'id;h;psu;vikt_å;sex;y;fpc').replace(/;(\d);(\d);(\d)$/gm, ';$1;$2;$3');
		const withDecimalComma = text.replace('1;A;a1;2;', '1;A;a1;2,0;');
		const bytes = Buffer.from(new TextEncoder().encode(withDecimalComma)).toString('latin1');
		const f = file('cp1252.csv', Buffer.from(bytes.replaceAll('Ã¥', 'å'), 'latin1'));
		expect(fs.readFileSync(f).includes(0xe5)).toBe(true); // å as one Windows-1252 byte
		const r = cell(await estimate(f, { ...d, weight: 'vikt_å' }));
		expect(r.se_p).toBeCloseTo(0.13046766300651388, 14);
	});
	it('Parquet, Excel and SPSS .sav', async () => {
		const csv = file('fmt.csv', HAND);
		const pq = path.join(tmp, 'fmt.parquet');
		const db = await openNodeRunner();
		await db.exec(`COPY (SELECT * FROM read_csv('${csv}')) TO '${pq}' (FORMAT parquet)`);
		db.close();
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('svar');
		for (const l of HAND.trim().split('\n')) ws.addRow(l.split(',').map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
		const xlsx = path.join(tmp, 'fmt.xlsx');
		await wb.xlsx.writeFile(xlsx);
		const base = await estimate(csv, d);
		// SPSS: the same design saved by GNU PSPP (fixtures-own/hand.sps → hand.sav), read with sav-reader.
		const sav = path.join(__dirname, 'fixtures-own/hand.sav');
		for (const f of [pq, xlsx, sav]) {
			const rows = await estimate(f, d);
			expect(rows.map((r) => [r.sex, r.p, r.se_p])).toEqual(base.map((r) => [r.sex, r.p, r.se_p]));
		}
	});
});

describe('bad input: one line naming the file and the row or column', () => {
	const cases: [string, string, Partial<SurveyDesign>, string][] = [
		['missing column', HAND, { weight: 'vikt' }, 'bad.csv: column "vikt" (weight) not found; the file has 7 columns: id, h, psu, w, sex, y, fpc'],
		['unknown item column', HAND, { items: [{ column: 'q9', yes: ['1'], missing: [], indicator: 'x' }] }, 'bad.csv: column "q9" (item) not found'],
		['negative weight', HAND.replace('4,A,a2,4,', '4,A,a2,-4,'), {}, 'bad.csv: row 4 (line 5): weight in column "w" is -4: zero or negative; every weight must be a positive number'],
		['zero weight', HAND.replace('7,B,b1,1,', '7,B,b1,0,'), {}, 'bad.csv: row 7 (line 8): weight in column "w" is 0: zero or negative'],
		['empty weight', HAND.replace('7,B,b1,1,', '7,B,b1,,'), {}, 'bad.csv: row 7 (line 8): weight in column "w" is empty'],
		['text weight', HAND.replace('7,B,b1,1,', '7,B,b1,ett,'), {}, 'bad.csv: row 7 (line 8): weight in column "w" "ett" is not a number'],
		['item with no valid answers', HAND.replace(/,[01],(\d+)$/gm, ',9,$1'), {}, 'bad.csv: column "y" (item for x) has no valid answers: every cell is empty or a missing code (9)'],
		['unknown sex code', HAND.replace('5,A,a3,2,2,', '5,A,a3,2,7,'), { sex: 'sex' }, 'bad.csv: row 5 (line 6): sex code "7" in column "sex" is neither a women\'s nor a men\'s code'],
		['empty PSU', HAND.replace('3,A,a2,', '3,A,,'), { strata: 'h', psu: 'psu' }, 'bad.csv: row 3 (line 4): PSU in column "psu" is empty']
	];
	for (const [name, content, over, message] of cases) {
		it(name, async () => {
			await expect(estimate(file('bad.csv', content), design(over))).rejects.toThrow(message);
		});
	}
	it('unreadable files', async () => {
		await expect(estimate(path.join(tmp, 'nope.csv'), design({}))).rejects.toThrow('nope.csv: unreadable: no such file');
		await expect(estimate(file('empty.csv', ''), design({}))).rejects.toThrow('empty.csv: unreadable: the file is empty');
		await expect(estimate(file('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2])), design({}))).rejects.toThrow('bin.csv: unreadable: binary content');
		await expect(estimate(file('x.parquet', 'w,y\n1,1\n'), design({}))).rejects.toThrow('x.parquet: unreadable: not a Parquet file');
		await expect(estimate(file('x.xlsx', 'w,y\n1,1\n'), design({}))).rejects.toThrow('x.xlsx: unreadable: not an Excel .xlsx workbook');
		await expect(estimate(file('x.pdf', 'w,y\n1,1\n'), design({}))).rejects.toThrow('x.pdf: unreadable: unknown file type ".pdf"');
		await expect(estimate(file('ragged.csv', 'w,y\n' + '1,1\n'.repeat(20) + '2,0,5,6\n'), design({}))).rejects.toThrow('ragged.csv: unreadable: line 22: more fields than the header\'s 2');
		await expect(estimate(file('dup.csv', 'w,y,w\n1,1,1\n'), design({}))).rejects.toThrow('dup.csv: unreadable: column "w" appears twice in the header');
	});
});

describe('the command line', () => {
	const cli = (args: string[]) =>
		spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'estimate', ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });

	it('prints one CSV row per domain to stdout, and the same with --design YAML', () => {
		const f = file('cli.csv', HAND);
		const a = cli([f, '--item', 'y', '--yes', '1', '--missing', '9', '--weight', 'w', '--strata', 'h', '--psu', 'psu', '--sex', 'sex', '--period', '2024', '--indicator', 'no_confidant']);
		expect(a.stderr).toBe('');
		expect(a.status).toBe(0);
		const lines = a.stdout.trim().split('\n');
		expect(lines[0]).toBe('indicator_id,region_code,sex,group_dim,group_code,period_start,period_end,value,se,ci_low,ci_high,n,weighted_n,status');
		// n < 100 everywhere in this tiny file: suppressed with the status and no number.
		expect(lines[1]).toBe('no_confidant,00,T,total,total,2024,2024,,,,,11,31,..');
		const y = file('d.yaml', designToYaml({ ...design({ strata: 'h', psu: 'psu', sex: 'sex' }), minN: 100, suppressBothSexes: true, items: [{ column: 'y', yes: ['1'], missing: ['9'], indicator: 'no_confidant' }] }));
		const b = cli([f, '--design', y]);
		expect(b.stdout).toBe(a.stdout);
	});

	it('bad input: exit 1, one line on stderr, and an existing --out file untouched', () => {
		const out = file('keep.csv', 'previous results\n');
		const r = cli([file('neg.csv', HAND.replace('4,A,a2,4,', '4,A,a2,-4,')), '--item', 'y', '--yes', '1', '--weight', 'w', '--period', '2024', '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toBe('error: neg.csv: row 4 (line 5): weight in column "w" is -4: zero or negative; every weight must be a positive number\n');
		expect(fs.readFileSync(out, 'utf8')).toBe('previous results\n');
		expect(fs.readdirSync(tmp).filter((x) => x.includes('.tmp'))).toEqual([]);
	});

	it('--out writes Parquet with the same rows', async () => {
		const f = file('cli2.csv', HAND);
		const pq = path.join(tmp, 'out.parquet');
		const r = cli([f, '--item', 'y', '--yes', '1', '--missing', '9', '--weight', 'w', '--strata', 'h', '--psu', 'psu', '--period', '2021-2024', '--out', pq]);
		expect(r.status).toBe(0);
		const db = await openNodeRunner();
		const rows = await db.all({ sql: `SELECT * FROM read_parquet('${pq}') WHERE region_code = '00' AND sex = 'T'`, map: (x) => x });
		db.close();
		expect(rows[0]).toMatchObject({ indicator_id: 'y', period_start: 2021, period_end: 2024, n: 11, weighted_n: 31 / 4, status: '..' });
	});

	it('the design YAML round-trips', () => {
		const d = design({ strata: 'h', psu: 'psu', by: ['age'], groupDims: { age: 'age' }, ci: 'korn-graubard', period: { start: 2021, end: 2024 } });
		expect(parseDesignYaml(designToYaml(d))).toEqual(d);
		expect(() => parseDesignYaml('weight: w\nperiod: 2024\nitems: []\n', 'd.yaml')).toThrow('d.yaml: items: ');
	});

	it('CSV numbers are written in full precision', () => {
		const csv = estimateCsv([{ indicator_id: 'x', region_code: '00', sex: 'T', group_dim: 'total', group_code: 'total', period_start: 2024, period_end: 2024, value: 1 / 3, se: 0.1, ci_low: null, ci_high: null, n: 3, weighted_n: 2.5, status: null }]);
		expect(csv.split('\n')[1]).toBe('x,00,T,total,total,2024,2024,0.3333333333333333,0.1,,,3,2.5,');
	});
});

describe('from extract to the site’s data', () => {
	it('estimate --site then npm run pipeline: real rows with the file name, sha256 and design as provenance', async () => {
		const raw = path.join(tmp, 'raw');
		const outDir = path.join(tmp, 'site-data');
		fs.cpSync(path.join(repo, 'data/raw'), raw, { recursive: true });
		fs.rmSync(path.join(raw, 'own'), { recursive: true, force: true });
		const f = path.join(tmp, 'extract.csv');
		const { syntheticItems, writeSyntheticFile } = await import('../../pipelines/generate/respondents.ts');
		const { syntheticDesignYaml } = await import('../../src/lib/own/synthetic.ts');
		writeSyntheticFile(f, { respondents: 6000, seed: 11, year: 2024, items: syntheticItems('hlv') });
		const d = file('site.yaml', syntheticDesignYaml(syntheticItems('hlv'), 2024).replace('period: "2024"', 'period: "2021-2024"'));
		const env = { ...process.env, ENSAMHET_RAW_DIR: raw, ENSAMHET_OUT_DIR: outDir };
		const est = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'estimate', f, '--design', d, '--site'], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
		expect(est.status, est.stderr).toBe(0);
		const meta = JSON.parse(fs.readFileSync(path.join(raw, 'own/extract.source.json'), 'utf8'));
		expect(meta).toMatchObject({ source_id: 'own-extract', file: 'extract.csv' });
		expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(parseDesignYaml(meta.design).period).toEqual({ start: 2021, end: 2024 });
		const build = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts'], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
		expect(build.status, build.stderr).toBe(0);
		const expected = fs.readFileSync(path.join(raw, 'own/extract.csv'), 'utf8').split('\n').find((l) => l.startsWith('no_confidant,01,T,total,total,2021,2024,'))!.split(',');
		const db = await openNodeRunner();
		const rows = await db.all({
			sql: `SELECT value, ci_low, n, is_demo, source_id FROM read_parquet('${path.join(outDir, 'observations.parquet')}') WHERE indicator_id = 'no_confidant' AND region_code = '01' AND sex = 'T' AND group_dim = 'total' AND period_start = 2021 AND period_end = 2024`,
			map: (r) => r
		});
		db.close();
		expect(rows).toEqual([{ value: Number(expected[7]), ci_low: Number(expected[9]), n: Number(expected[11]), is_demo: false, source_id: 'own-extract' }]);
		const sources = JSON.parse(fs.readFileSync(path.join(outDir, 'sources.json'), 'utf8'));
		expect(sources.find((s: { source_id: string }) => s.source_id === 'own-extract')).toMatchObject({ input_file: 'extract.csv', input_sha256: meta.sha256 });
	}, 240_000);
});
