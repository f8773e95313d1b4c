/**
 * How much of the machine other work took while a section ran. On a shared 2-core machine (other
 * people's builds and browser tests) that decides whether a figure is the site's or the noise's.
 *
 * busy = non-idle CPU ticks from /proc/stat; ours = utime+stime+cutime+cstime summed over the
 * bench process and its live descendants (Chromium, child Node processes): an exited, reaped
 * child's ticks move into its parent's cutime/cstime, so the sum stays continuous.
 * foreign_cpu_share = (Δbusy − Δours) ÷ (elapsed × ticks/s × cpus), 0…1.
 */
import fs from 'node:fs';
import os from 'node:os';

const HZ = 100; // USER_HZ on Linux

function busyTicks(): number | null {
	try {
		const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
		void idle, iowait;
		return user + nice + system + irq + softirq + (steal ?? 0);
	} catch {
		return null;
	}
}

function procTicks(pid: number): number {
	try {
		const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
		// After "pid (comm) ": state is f[0]; utime=f[11], stime=f[12], cutime=f[13], cstime=f[14].
		return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
	} catch {
		return 0;
	}
}

function tree(pid: number): number[] {
	let kids: number[] = [];
	try {
		for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
			kids = kids.concat(fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
		}
	} catch {
		/* gone */
	}
	return [pid, ...kids.flatMap(tree)];
}

const ours = () => tree(process.pid).reduce((s, p) => s + procTicks(p), 0);

export function startContention(): () => { foreign_cpu_share: number | null; own_cpu_share: number | null } {
	const b0 = busyTicks(), o0 = ours(), t0 = performance.now();
	return () => {
		const b1 = busyTicks(), o1 = ours();
		const capacity = ((performance.now() - t0) / 1000) * HZ * os.cpus().length;
		if (b0 === null || b1 === null || capacity <= 0) return { foreign_cpu_share: null, own_cpu_share: null };
		const own = o1 - o0;
		const foreign = Math.max(0, b1 - b0 - own);
		return { foreign_cpu_share: Math.round((foreign / capacity) * 100) / 100, own_cpu_share: Math.round((own / capacity) * 100) / 100 };
	};
}

/**
 * Waits (up to `maxSeconds`) for a 3-second window in which other work used less than
 * `threshold` of the CPU. Returns the seconds waited and the last window's foreign share.
 */
export async function waitForQuiet(maxSeconds: number, threshold = 0.25): Promise<{ waited_s: number; foreign_cpu_share: number | null }> {
	const t0 = performance.now();
	let last: number | null = null;
	while ((performance.now() - t0) / 1000 < maxSeconds) {
		const stop = startContention();
		await new Promise((r) => setTimeout(r, 3000));
		last = stop().foreign_cpu_share;
		if (last === null || last < threshold) break;
	}
	return { waited_s: Math.round((performance.now() - t0) / 100) / 10, foreign_cpu_share: last };
}
