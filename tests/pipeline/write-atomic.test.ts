/**
 * An interrupted or failing build leaves the previous data readable and unchanged: the build is run as
 * a child process with a test hook that stops it after the new Parquet files are staged,
 * and then it is killed (SIGKILL) or crashes on its own; or a reader meets a malformed source line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const repo = path.resolve(__dirname, '../..');
let tmp: string;
let out: string;

function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (d: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) walk(p);
			else files[path.relative(dir, p)] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
		}
	};
	walk(dir);
	return files;
}

async function readable(dir: string): Promise<number> {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		const r = await con.runAndReadAll(`SELECT count(*)::INT AS n FROM read_parquet('${path.join(dir, 'observations.parquet')}')`);
		return Number(r.getRowObjectsJS()[0].n);
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

function staged(): string[] {
	return fs.readdirSync(tmp).filter((n) => n.startsWith('.data.staging-'));
}

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-atomic-'));
	out = path.join(tmp, 'data');
	const res = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts'], { cwd: repo, env: { ...process.env, ENSAMHET_OUT_DIR: out }, encoding: 'utf8' });
	if (res.status !== 0) throw new Error(res.stderr);
}, 60_000);

afterAll(() => {
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('atomic build', () => {
	it('SIGKILL mid-write (after the new Parquet is staged): the previous data is unchanged and readable', async () => {
		const before = snapshot(out);
		const rows = await readable(out);
		expect(rows).toBeGreaterThan(1000);
		// Make the previous data distinguishable from what a new run would write.
		const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--seed', '7'], {
			cwd: repo,
			env: { ...process.env, ENSAMHET_OUT_DIR: out, ENSAMHET_TEST_HOOK: 'pause-after-parquet' },
			stdio: 'ignore'
		});
		const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
		// Wait until the run has written its new Parquet into the staging folder.
		const deadline = Date.now() + 30_000;
		let stagingDir = '';
		while (Date.now() < deadline) {
			const s = staged().find((n) => fs.existsSync(path.join(tmp, n, '.hook-reached')));
			if (s) {
				stagingDir = path.join(tmp, s);
				break;
			}
			await new Promise((r) => setTimeout(r, 50));
		}
		expect(stagingDir, 'the build never reached the hook').not.toBe('');
		expect(fs.existsSync(path.join(stagingDir, 'observations.parquet'))).toBe(true);
		expect(fs.readdirSync(path.join(stagingDir, 'indicators')).length).toBe(12);
		child.kill('SIGKILL');
		expect(await exited).toBe('SIGKILL');

		expect(snapshot(out)).toEqual(before);
		expect(await readable(out)).toBe(rows);

		// The next run cleans the stale staging folder up and swaps in complete data.
		const res = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--seed', '7'], { cwd: repo, env: { ...process.env, ENSAMHET_OUT_DIR: out }, encoding: 'utf8' });
		expect(res.status).toBe(0);
		expect(staged()).toEqual([]);
		expect(snapshot(out)['observations.parquet']).not.toBe(before['observations.parquet']);
		expect(await readable(out)).toBeGreaterThan(1000);
	}, 60_000);

	it('a crash after staging (exit without cleanup) leaves the previous data unchanged', async () => {
		const before = snapshot(out);
		const res = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts'], {
			cwd: repo,
			env: { ...process.env, ENSAMHET_OUT_DIR: out, ENSAMHET_TEST_HOOK: 'crash-after-parquet' },
			encoding: 'utf8'
		});
		expect(res.status).toBe(70);
		expect(staged().length).toBe(1);
		expect(snapshot(out)).toEqual(before);
		expect(await readable(out)).toBeGreaterThan(1000);
	}, 60_000);
	it('a malformed line in one source file among good ones: the build names file and line, writes nothing, the previous data stay', async () => {
		const before = snapshot(out);
		const stagedBefore = staged();
		// A copy of the raw extracts with one broken row appended to the published figures.
		const raw = path.join(tmp, 'raw');
		fs.cpSync(path.join(repo, 'data/raw'), raw, { recursive: true });
		const csv = path.join(raw, 'published/published_values.csv');
		const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\n').length;
		fs.appendFileSync(csv, '"broken,row with "stray quote,00,2024\n');
		const res = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--seed', '11'], {
			cwd: repo,
			env: { ...process.env, ENSAMHET_OUT_DIR: out, ENSAMHET_RAW_DIR: raw },
			encoding: 'utf8'
		});
		expect(res.status).not.toBe(0);
		expect(res.stderr).toContain(`published/published_values.csv:${lines + 1}:`);
		expect(res.stderr).toMatch(/text after a closing quote/);
		// Nothing staged, nothing swapped: it stopped before writing.
		expect(staged()).toEqual(stagedBefore);
		expect(snapshot(out)).toEqual(before);
		expect(await readable(out)).toBeGreaterThan(1000);
		fs.rmSync(raw, { recursive: true, force: true });
	}, 60_000);
});
