/** Small helpers shared by the benchmark modules: statistics, machine facts, child processes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const benchDir = path.join(repoRoot, 'bench');
export const scaleDir = path.join(benchDir, '.scale');

export function median(xs: readonly number[]): number | null {
	return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0…100); null for an empty list. */
export function percentile(xs: readonly number[], p: number): number | null {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (s.length === 0) return null;
	if (p === 50 && s.length % 2 === 0) return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	const rank = Math.max(1, Math.ceil((p / 100) * s.length));
	return s[Math.min(s.length, rank) - 1];
}

export const round = (x: number | null | undefined, digits = 1): number | null =>
	x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export function log(msg: string): void {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

export function machineInfo(chromium: string): Record<string, unknown> {
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		cpus: cpus.length,
		cpu_model: cpus[0]?.model ?? null,
		memory_mb: Math.round(os.totalmem() / 2 ** 20),
		loadavg_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		chromium: chromiumVersion(chromium),
		git_commit: gitCommit()
	};
}

function chromiumVersion(bin: string): string | null {
	try {
		return execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return null;
	}
}

function gitCommit(): string | null {
	try {
		return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
	} catch {
		return null;
	}
}

/** Newest mtime (ms) of any file under `dir` (recursively); 0 if it does not exist. */
export function newestMtime(dir: string, skip: (p: string) => boolean = () => false): number {
	if (!fs.existsSync(dir)) return 0;
	const st = fs.statSync(dir);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (skip(p)) continue;
		newest = Math.max(newest, e.isDirectory() ? newestMtime(p, skip) : fs.statSync(p).mtimeMs);
	}
	return newest;
}

export interface ChildResult {
	code: number | null;
	seconds: number;
	/** Peak resident set (MB) of the process tree's largest process, from GNU time or /proc polling. */
	peak_mb: number | null;
	peak_method: string;
	stdout: string;
	stderr: string;
}

/**
 * Runs a command, timing it and measuring its peak memory: with `/usr/bin/time -v` when present
 * (maximum resident set size of the largest waited-for descendant), else by polling VmHWM of the
 * child and its descendants in /proc.
 */
export function runMeasured(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ChildResult> {
	const gnuTime = fs.existsSync('/usr/bin/time');
	const [bin, argv] = gnuTime ? ['/usr/bin/time', ['-v', cmd, ...args]] : [cmd, args];
	const t0 = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(bin, argv, { cwd: opts.cwd ?? repoRoot, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '', stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		let polledKb = 0;
		const poll = gnuTime
			? null
			: setInterval(() => {
					for (const pid of [child.pid!, ...descendants(child.pid!)]) polledKb = Math.max(polledKb, vmHwmKb(pid));
				}, 50);
		const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
		child.on('error', reject);
		child.on('close', (code) => {
			if (poll) clearInterval(poll);
			if (timer) clearTimeout(timer);
			const seconds = (performance.now() - t0) / 1000;
			let peakKb: number | null = polledKb || null;
			if (gnuTime) {
				const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
				peakKb = m ? Number(m[1]) : null;
			}
			resolve({
				code,
				seconds,
				peak_mb: peakKb == null ? null : Math.round(peakKb / 1024),
				peak_method: gnuTime ? '/usr/bin/time -v (max RSS of largest process)' : '/proc VmHWM polling (50 ms)',
				stdout,
				stderr
			});
		});
	});
}

function vmHwmKb(pid: number): number {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}

function descendants(pid: number): number[] {
	try {
		const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
		return kids.flatMap((k) => [k, ...descendants(k)]);
	} catch {
		return [];
	}
}

/** Peak resident memory of this process so far (MB), from /proc/self/status VmHWM. */
export function selfPeakMb(): number | null {
	const kb = vmHwmKb(process.pid);
	return kb ? Math.round(kb / 1024) : null;
}
