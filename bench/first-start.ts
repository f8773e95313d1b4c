/**
 * First start for a newcomer: a fresh `git clone` of this repository (the committed HEAD) into a
 * temporary folder, `npm ci`, then `npm start` until the served page answers 200. The clone has
 * no node_modules/.cache, so nothing is precompressed yet: the figure includes every step a
 * newcomer waits for. An absolute time on a shared machine, so the load is recorded beside it.
 * The server is stopped (its process group) and the folder removed afterwards.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, repoRoot, round } from './lib/util.ts';

export interface FirstStartResult {
	first_start_s: number | null;
	git_clone_s: number | null;
	npm_ci_s: number | null;
	npm_start_s: number | null;
	commit: string;
	loadavg_before: number[];
	loadavg_after: number[];
	error?: string;
}

const la = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const t = performance.now();
		const p = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		p.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
		const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
		p.on('error', reject);
		p.on('exit', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve((performance.now() - t) / 1000);
			else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
		});
	});
}

/** `npm start` with PORT=0 until its page answers; resolves with seconds, always stops the server. */
function startUntilServed(npm: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const t = performance.now();
		const p = spawn(npm, ['start'], { cwd, env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let out = '';
		let done = false;
		const stop = () => {
			try {
				process.kill(-p.pid!, 'SIGTERM');
			} catch {
				/* already gone */
			}
		};
		const finish = (err: Error | null, s?: number) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			stop();
			if (err) reject(err);
			else resolve(s!);
		};
		const timer = setTimeout(() => finish(new Error(`npm start did not serve a page within ${timeoutMs / 1000} s; last output: ${out.slice(-300)}`)), timeoutMs);
		const onData = async (d: Buffer) => {
			out = (out + d).slice(-4000);
			const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
			if (!m || done) return;
			try {
				const res = await fetch(`${m[1]}/`);
				if (res.ok && (await res.text()).includes('<html')) finish(null, (performance.now() - t) / 1000);
			} catch (e) {
				finish(new Error(`served URL ${m[1]} did not answer: ${e}`));
			}
		};
		p.stdout.on('data', onData);
		p.stderr.on('data', (d) => (out = (out + d).slice(-4000)));
		p.on('exit', (code) => finish(new Error(`npm start exited ${code} before serving; last output: ${out.slice(-300)}`)));
	});
}

export async function firstStart(): Promise<FirstStartResult> {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensam-first-start-'));
	const repo = path.join(tmp, 'ensamhetsmonitorn');
	const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
	const bin = path.dirname(process.execPath);
	// npm beside this Node when it has one (a full install), else the PATH's npm run by this Node.
	const npm = fs.existsSync(path.join(bin, 'npm')) ? path.join(bin, 'npm') : 'npm';
	const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, npm_config_fund: 'false', npm_config_audit: 'false', CI: '' };
	const r: FirstStartResult = { first_start_s: null, git_clone_s: null, npm_ci_s: null, npm_start_s: null, commit, loadavg_before: la(), loadavg_after: [] };
	try {
		r.git_clone_s = round(await timed('git', ['clone', '--quiet', repoRoot, repo], tmp, env, 120_000), 1);
		log(`first start: clone ${r.git_clone_s} s; npm ci…`);
		r.npm_ci_s = round(await timed(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], repo, env, 600_000), 1);
		log(`first start: npm ci ${r.npm_ci_s} s; npm start…`);
		r.npm_start_s = round(await startUntilServed(npm, repo, env, 600_000), 1);
		r.first_start_s = round(r.git_clone_s! + r.npm_ci_s! + r.npm_start_s!, 1);
		log(`first start: npm start served in ${r.npm_start_s} s; total ${r.first_start_s} s`);
	} catch (err) {
		r.error = err instanceof Error ? err.message : String(err);
	} finally {
		r.loadavg_after = la();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	return r;
}
