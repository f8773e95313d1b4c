/** The pipeline's one SHA-256 helper: manifests, datapackage hashes, source ids. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export function sha256Hex(data: Uint8Array | string): string {
	return createHash('sha256').update(data).digest('hex');
}

export function sha256File(file: string): string {
	return sha256Hex(fs.readFileSync(file));
}
