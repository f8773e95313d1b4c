/**
 * The fetch manifest: one JSON array of entries, one per HTTP exchange (metadata GETs,
 * data calls, retries and failures included). Each append rewrites the file atomically
 * (temp file in the same folder + rename), so the manifest is valid JSON whatever happens
 * mid-run. Appends to one path are serialized within the process.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface ManifestEntry {
	url: string;
	method: string;
	body: string | null;
	/** ISO 8601, from the fetcher's clock. */
	requestedAt: string;
	/** HTTP status; 0 when no response arrived (network error). */
	status: number;
	/** SHA-256 (hex) of the raw answer bytes as saved; null when nothing was received. */
	sha256: string | null;
	bytes: number;
	/** Saved answer, relative to the repository root (POSIX separators); null if none. */
	savedAs: string | null;
	/** 1 for the first try of a request. */
	attempt: number;
	/** What went wrong, when something did. */
	error?: string;
}

const chains = new Map<string, Promise<unknown>>();

export async function readManifest(file: string): Promise<ManifestEntry[]> {
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
	const v: unknown = JSON.parse(text);
	if (!Array.isArray(v)) throw new Error(`manifest ${file} is not a JSON array`);
	return v as ManifestEntry[];
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
	await fs.mkdir(path.dirname(file), { recursive: true });
	const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
	try {
		await fs.writeFile(tmp, data);
		await fs.rename(tmp, file);
	} catch (e) {
		await fs.rm(tmp, { force: true });
		throw e;
	}
}

export function appendManifest(file: string, entry: ManifestEntry): Promise<void> {
	const key = path.resolve(file);
	const prev = chains.get(key) ?? Promise.resolve();
	const next = prev.catch(() => undefined).then(async () => {
		const entries = await readManifest(file);
		entries.push(entry);
		await writeFileAtomic(file, JSON.stringify(entries, null, '\t') + '\n');
	});
	chains.set(key, next);
	return next;
}
