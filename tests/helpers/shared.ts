/**
 * The project's shared material (fixtures, reference figures) lives beside the repository as
 * `../shared`, in every checkout and in CI. Resolved from the repo root, never from an absolute path.
 */
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const SHARED = path.resolve(repoRoot, '../shared');

if (!fs.existsSync(path.join(SHARED, 'fixtures'))) {
	throw new Error(`shared material not found at ${SHARED}: the tests expect the project's shared/ folder beside the repository`);
}

export const sharedPath = (...parts: string[]) => path.join(SHARED, ...parts);
