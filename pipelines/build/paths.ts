/** Where the pipeline reads and writes, resolved from the repository root. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rawDir = path.join(repoRoot, 'data/raw');
export const catalogDir = path.join(repoRoot, 'data/catalog');
/** The site serves this folder; the pipeline replaces it whole (see atomic.ts). */
export const outDir = path.join(repoRoot, 'static/data');

export function relativeToRepo(file: string): string {
	return path.relative(repoRoot, file).split(path.sep).join('/');
}
