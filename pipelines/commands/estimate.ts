/**
 * `npm run --silent pipeline -- estimate <file> --item <col> --yes <codes> [--missing <codes>]
 *     --weight <col> [--strata <col>] [--psu <col>] [--fpc <col>] [--region <col>] [--sex <col>]
 *     [--by <cols>] [--period <yyyy|yyyy-yyyy>] [--indicator <id>] [--ci wald|logit|korn-graubard]
 *     [--lonely-psu adjust|fail] [--design <design.yaml>] [--out <file.csv|file.parquet>] [--site]`
 *
 * Respondent-level file → one row per domain and item (estimator: src/lib/data/estimate-queries.ts).
 * CSV to stdout without --out. --design holds the same settings for many items (flags given
 * beside it override its single settings). --site writes the result into data/raw/own/ with its
 * provenance (file name, sha256, design) for `npm run pipeline` to take in as real rows.
 * Bad input: one line on stderr naming the file and row/column, exit code 1, nothing written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EstimateRow } from '../../src/lib/data/estimate-queries.ts';
import { csvToParquet } from '../../src/lib/data/file-queries.ts';
import { CI_METHODS, DESIGN_DEFAULTS, defaultIndicatorId, designToYaml, parseDesignYaml, parsePeriod, type CiMethod, type SurveyDesign } from '../../src/lib/own/design.ts';
import { estimateCsv, estimateLoaded, SurveyInputError } from '../../src/lib/own/estimate.ts';

export { estimateCsv };
import { loadRespondentFile, openNodeRunner } from '../read/respondents.ts';
import { rawDir } from '../paths.ts';

const VALUE_FLAGS = ['item', 'yes', 'missing', 'weight', 'strata', 'psu', 'fpc', 'region', 'sex', 'by', 'period', 'indicator', 'ci', 'lonely-psu', 'design', 'out'];
const USAGE =
	'usage: pipeline estimate <file> --item <col> --yes <codes> [--missing <codes>] --weight <col> [--strata <col>] [--psu <col>] [--region <col>] [--sex <col>] [--by <cols>] [--period <yyyy|yyyy-yyyy>] [--indicator <id>] [--ci wald|logit|korn-graubard] [--design <design.yaml>] [--out <file.csv|file.parquet>] [--site]';

export interface EstimateArgs {
	file: string;
	flags: Record<string, string>;
	site: boolean;
}

export function parseArgs(args: string[]): EstimateArgs {
	const flags: Record<string, string> = {};
	let file: string | null = null;
	let site = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--site') site = true;
		else if (a.startsWith('--')) {
			const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
			if (!VALUE_FLAGS.includes(name)) throw new SurveyInputError(`unknown option --${name}\n${USAGE}`);
			const v = inline ?? args[++i];
			if (v === undefined) throw new SurveyInputError(`option --${name} needs a value`);
			flags[name] = v;
		} else if (file === null) file = a;
		else throw new SurveyInputError(`unexpected argument "${a}" (one file at a time)`);
	}
	if (file === null) throw new SurveyInputError(`no file given\n${USAGE}`);
	return { file, flags, site };
}

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

/** Flags (and --design) → a design; errors say which flag or field is missing. */
export function designFromArgs(a: EstimateArgs): SurveyDesign {
	const f = a.flags;
	let base: Partial<SurveyDesign> = {};
	if (f.design) {
		let text: string;
		try {
			text = fs.readFileSync(f.design, 'utf8');
		} catch {
			throw new SurveyInputError(`${f.design}: unreadable: no such design file`);
		}
		base = parseDesignYaml(text, path.basename(f.design));
	}
	if (f.ci && !CI_METHODS.includes(f.ci as CiMethod)) throw new SurveyInputError(`--ci "${f.ci}" is not one of ${CI_METHODS.join(', ')}`);
	if (f['lonely-psu'] && f['lonely-psu'] !== 'adjust' && f['lonely-psu'] !== 'fail') throw new SurveyInputError(`--lonely-psu "${f['lonely-psu']}" is not adjust or fail`);
	const weight = f.weight ?? base.weight;
	if (!weight) throw new SurveyInputError('no weight: give --weight <column> (or weight: in --design)');
	let items = base.items ?? [];
	if (f.item) {
		if (!f.yes) throw new SurveyInputError(`--item ${f.item} needs --yes <codes> (the codes that count as yes)`);
		items = [{ column: f.item, yes: list(f.yes), missing: list(f.missing), indicator: f.indicator ?? defaultIndicatorId(f.item) }];
	} else if (f.yes || f.missing) throw new SurveyInputError('--yes/--missing need --item <column>');
	if (!items.length) throw new SurveyInputError('no item: give --item <column> --yes <codes> (or items: in --design)');
	if (f.indicator && !/^[a-z][a-z0-9_]*$/.test(f.indicator)) throw new SurveyInputError(`--indicator "${f.indicator}" is not an id (lower-case letters, digits, _)`);
	const period = f.period ? parsePeriodArg(f.period) : base.period;
	if (!period) throw new SurveyInputError('no period: give --period <yyyy|yyyy-yyyy> (or period: in --design)');
	return {
		weight,
		strata: f.strata ?? base.strata,
		psu: f.psu ?? base.psu,
		fpc: f.fpc ?? base.fpc,
		region: f.region ?? base.region,
		sex: f.sex ?? base.sex,
		sexCodes: base.sexCodes,
		by: f.by !== undefined ? list(f.by) : (base.by ?? []),
		groupDims: base.groupDims,
		period,
		pool: base.pool ?? DESIGN_DEFAULTS.pool,
		ci: (f.ci as CiMethod | undefined) ?? base.ci ?? DESIGN_DEFAULTS.ci,
		lonelyPsu: (f['lonely-psu'] as 'adjust' | 'fail' | undefined) ?? base.lonelyPsu ?? DESIGN_DEFAULTS.lonelyPsu,
		minN: base.minN ?? DESIGN_DEFAULTS.minN,
		suppressedStatus: base.suppressedStatus ?? DESIGN_DEFAULTS.suppressedStatus,
		suppressBothSexes: base.suppressBothSexes ?? DESIGN_DEFAULTS.suppressBothSexes,
		items
	};
}

function parsePeriodArg(s: string) {
	try {
		return parsePeriod(s);
	} catch (err) {
		throw new SurveyInputError(`--period: ${err instanceof Error ? err.message : String(err)}`);
	}
}

export interface EstimateOutcome {
	rows: EstimateRow[];
	design: SurveyDesign;
	sha256: string;
}

export async function estimateFile(file: string, design: SurveyDesign): Promise<EstimateOutcome> {
	// The provenance hash is read while DuckDB works in its own threads.
	const sha256 = sha256Of(file);
	sha256.catch(() => {}); // (an unreadable file is reported by the load below)
	const db = await openNodeRunner();
	try {
		const { lineOffset } = await loadRespondentFile(db, file);
		const { rows } = await estimateLoaded(db, design, { file: path.basename(file), lineOffset });
		return { rows: rows.map(({ p: _p, se_p: _s, ...r }) => r), design, sha256: await sha256 };
	} finally {
		db.close();
	}
}

function sha256Of(file: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = crypto.createHash('sha256');
		fs.createReadStream(file).on('error', reject).on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex')));
	});
}

/** Writes `content` atomically: a sibling temp file renamed over the target. */
function writeAtomic(target: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
	const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
	return (async () => {
		try {
			await write(tmp);
			fs.renameSync(tmp, target);
		} catch (err) {
			fs.rmSync(tmp, { force: true });
			throw err;
		}
	})();
}

/** The estimate CSV's columns as typed in the Parquet file. */
const ESTIMATE_PARQUET_TYPES: Record<keyof EstimateRow, string> = {
	indicator_id: 'VARCHAR',
	region_code: 'VARCHAR',
	sex: 'VARCHAR',
	group_dim: 'VARCHAR',
	group_code: 'VARCHAR',
	period_start: 'INTEGER',
	period_end: 'INTEGER',
	value: 'DOUBLE',
	se: 'DOUBLE',
	ci_low: 'DOUBLE',
	ci_high: 'DOUBLE',
	n: 'INTEGER',
	weighted_n: 'DOUBLE',
	status: 'VARCHAR'
};

async function writeParquet(rows: readonly EstimateRow[], target: string): Promise<void> {
	const db = await openNodeRunner();
	try {
		const csvTmp = `${target}.${process.pid}.csv`;
		fs.writeFileSync(csvTmp, estimateCsv(rows));
		try {
			await writeAtomic(target, (tmp) =>
				db.exec(
					csvToParquet(csvTmp, ESTIMATE_PARQUET_TYPES, tmp).sql
				)
			);
		} finally {
			fs.rmSync(csvTmp, { force: true });
		}
	} finally {
		db.close();
	}
}

/** data/raw/own/<stem>.csv + <stem>.source.json: what `npm run pipeline` takes in (intake/own.ts). */
export async function writeToSite(file: string, out: EstimateOutcome, dir = path.join(rawDir, 'own')): Promise<string> {
	fs.mkdirSync(dir, { recursive: true });
	const stem = defaultIndicatorId(path.basename(file, path.extname(file)));
	const csvFile = path.join(dir, `${stem}.csv`);
	const source = {
		source_id: `own-${stem}`,
		file: path.basename(file),
		sha256: out.sha256,
		estimated_at: new Date().toISOString(),
		design: designToYaml(out.design)
	};
	await writeAtomic(csvFile, (tmp) => fs.writeFileSync(tmp, estimateCsv(out.rows)));
	await writeAtomic(path.join(dir, `${stem}.source.json`), (tmp) => fs.writeFileSync(tmp, JSON.stringify(source, null, 2) + '\n'));
	return csvFile;
}

export async function run(args: string[]): Promise<number> {
	try {
		const a = parseArgs(args);
		const design = designFromArgs(a);
		const out = await estimateFile(a.file, design);
		if (a.site) {
			const written = await writeToSite(a.file, out);
			process.stderr.write(`estimate: ${out.rows.length} rows → ${written}; now run \`npm run pipeline\`\n`);
		}
		const target = a.flags.out;
		if (target) {
			const ext = path.extname(target).toLowerCase();
			if (ext === '.parquet') await writeParquet(out.rows, target);
			else if (ext === '.csv') await writeAtomic(target, (tmp) => fs.writeFileSync(tmp, estimateCsv(out.rows)));
			else throw new SurveyInputError(`--out ${target}: expected a .csv or .parquet file name`);
		} else if (!a.site) process.stdout.write(estimateCsv(out.rows));
		return 0;
	} catch (err) {
		if (err instanceof SurveyInputError) {
			process.stderr.write(`error: ${err.message}\n`);
			return 1;
		}
		throw err;
	}
}
