/**
 * Where the pipeline reads and writes, resolved from the repository root. Tests (and the
 * fetch command's --catalog) can redirect a whole run with environment variables:
 *   ENSAMHET_RAW_DIR      raw extracts (default data/raw)
 *   ENSAMHET_CATALOG_DIR  the catalog (default data/catalog)
 *   ENSAMHET_OUT_DIR      the site's data folder (default static/data)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const rawDir = path.resolve(process.env.ENSAMHET_RAW_DIR ?? path.join(repoRoot, 'data/raw'));
export const catalogDir = path.resolve(process.env.ENSAMHET_CATALOG_DIR ?? path.join(repoRoot, 'data/catalog'));
/** The site serves this folder; the pipeline replaces it whole (see atomic.ts). */
export const outDir = path.resolve(process.env.ENSAMHET_OUT_DIR ?? path.join(repoRoot, 'static/data'));

export function relativeToRepo(file: string): string {
	return path.relative(repoRoot, file).split(path.sep).join('/');
}

/** A file as messages and manifests name it: relative to the repository when inside it, else as given. */
export function displayPath(file: string): string {
	const rel = relativeToRepo(file);
	return rel.startsWith('..') ? file : rel;
}
