/**
 * `npm run mutation`: Stryker over src/lib/stats, src/lib/view and pipelines/read
 * (stryker.config.mjs; extra arguments go to `stryker run`, e.g. `--mutate 'src/lib/stats/**'`).
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
const bin = path.join(root, 'node_modules', '.bin', 'stryker');
const r = spawnSync(bin, ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
