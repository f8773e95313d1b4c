/**
 * One estimate run in its own process, so its peak memory is its own:
 *   node --import tsx bench/estimate-child.ts <respondents.csv> <design.yaml> [raw-out.json]
 * Prints one JSON line: seconds (file → estimates: read, check, estimate), its CPU seconds (all
 * threads; on a busy shared machine a steadier figure than wall time), split: file → view (load),
 * the one scan into cells with the checks (cells), the estimator (estimate),
 * rows, peak RSS (VmHWM, MB). With raw-out, writes every estimate's unrounded p and se (for R).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadRespondentFile, openNodeRunner } from '../pipelines/read/respondents.ts';
import { estimateLoaded } from '../src/lib/own/estimate.ts';
import { parseDesignYaml } from '../src/lib/own/design.ts';
import { selfPeakMb } from './lib/util.ts';

const [file, designFile, rawOut] = process.argv.slice(2);
const design = { ...parseDesignYaml(fs.readFileSync(designFile, 'utf8')), minN: 0, suppressBothSexes: false };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const db = await openNodeRunner();
const { lineOffset } = await loadRespondentFile(db, file);
const t1 = performance.now();
const at: Record<string, number> = {};
const { rows } = await estimateLoaded(db, design, { file: path.basename(file), lineOffset, raw: true, onStep: (s) => (at[s] = performance.now()) });
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
db.close();
if (rawOut) fs.writeFileSync(rawOut, JSON.stringify(rows.map((r) => [r.indicator_id, r.region_code, r.sex, r.group_code, r.p, r.se_p, r.n])));
process.stdout.write(
	JSON.stringify({ seconds: (t2 - t0) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6, load_s: (t1 - t0) / 1000, cells_s: (at.estimate - at.check) / 1000, estimate_s: (t2 - at.estimate) / 1000, rows: rows.length, items: design.items.length, peak_mb: selfPeakMb() }) + '\n'
);
