/**
 * Atomic output: every file is written into a fresh staging folder beside the target,
 * and only when all of them are complete does the staging folder replace the target by
 * rename. An interrupted run leaves the previous data untouched (plus a stale staging
 * folder that the next run removes).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Staging {
	dir: string;
	commit(): void;
	abort(): void;
}

export function beginStaging(target: string): Staging {
	const parent = path.dirname(target);
	fs.mkdirSync(parent, { recursive: true });
	removeStale(parent, path.basename(target));
	const dir = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.staging-`));
	// mkdtemp makes the folder private (0700); a static host must be able to read it.
	fs.chmodSync(dir, 0o755);
	return {
		dir,
		commit() {
			const old = path.join(parent, `.${path.basename(target)}.old-${process.pid}`);
			const hadTarget = fs.existsSync(target);
			if (hadTarget) fs.renameSync(target, old);
			try {
				fs.renameSync(dir, target);
			} catch (err) {
				if (hadTarget) fs.renameSync(old, target);
				throw err;
			}
			if (hadTarget) fs.rmSync(old, { recursive: true, force: true });
		},
		abort() {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Staging folders of killed runs; and an "old" copy left if a run died between the two renames. */
function removeStale(parent: string, base: string): void {
	const target = path.join(parent, base);
	for (const name of fs.readdirSync(parent)) {
		if (name.startsWith(`.${base}.staging-`)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
		if (name.startsWith(`.${base}.old-`)) {
			if (!fs.existsSync(target)) fs.renameSync(path.join(parent, name), target);
			else fs.rmSync(path.join(parent, name), { recursive: true, force: true });
		}
	}
}
