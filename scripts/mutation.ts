/**
 * `npm run mutation`: Stryker over src/lib/stats, src/lib/view and pipelines/read (stryker.config.mjs).
 * Stryker runs the tests in a sandbox copy at .stryker-tmp/sandbox-*; the tests find the project's
 * shared/ folder beside the repository (tests/helpers/shared.ts), so the same link is made beside
 * the sandboxes first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const tmp = path.join(root, '.stryker-tmp');
fs.mkdirSync(tmp, { recursive: true });
const link = path.join(tmp, 'shared');
if (!fs.existsSync(link)) fs.symlinkSync(shared, link, 'dir');
// `--readers`: mutate pipelines/read with the reader tests (a long run), instead of stats and view.
const args = process.argv.slice(2);
const readers = args.includes('--readers');
const rest = args.filter((a) => a !== '--readers');
const bin = path.join(root, 'node_modules', '.bin', 'stryker');
const r = spawnSync(bin, ['run', ...(readers ? ['--mutate', 'pipelines/read/**/*.ts', '--htmlReporter.fileName', 'reports/mutation/readers.html'] : []), ...rest], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, ...(readers ? { MUTATE_READERS: '1' } : {}) }
});
process.exit(r.status ?? 1);
