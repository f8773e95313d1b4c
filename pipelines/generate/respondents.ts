/**
 * Writes a synthetic respondent file (src/lib/own/synthetic.ts) to disk, for tests and the
 * benchmark: `node --import tsx pipelines/generate/respondents.ts <out.csv> [n] [seed] [year]`.
 * Generated on demand, never committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load.ts';
import { syntheticCsv, type SyntheticItem } from '../../src/lib/own/synthetic.ts';
import { catalogDir } from '../paths.ts';

export function municipalityList(): { code: string; county: string }[] {
	return fs
		.readFileSync(path.join(catalogDir, 'municipalities.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(','))
		.map((f) => ({ code: f[0], county: f[f.length - 1] }));
}

/** HLV's five indicators (the demo file) or all twelve (the benchmark). */
export function syntheticItems(which: 'hlv' | 'all'): SyntheticItem[] {
	const catalog = loadCatalog();
	const hlv = ['trust_others', 'trust_institutions', 'refrained_going_out', 'lonely_often_always', 'no_confidant'];
	return catalog.indicators.filter((i) => which === 'all' || hlv.includes(i.id)).map((i) => ({ indicator: i.id, polarity: i.polarity }));
}

export function writeSyntheticFile(file: string, opts: { respondents: number; seed: number; year: number; items: SyntheticItem[] }): void {
	const fd = fs.openSync(file, 'w');
	try {
		for (const chunk of syntheticCsv({ ...opts, municipalities: municipalityList() })) fs.writeSync(fd, chunk);
	} finally {
		fs.closeSync(fd);
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	const [out, n = '20000', seed = '1', year = '2024'] = process.argv.slice(2);
	if (!out) {
		process.stderr.write('usage: node --import tsx pipelines/generate/respondents.ts <out.csv> [respondents] [seed] [year]\n');
		process.exit(2);
	}
	writeSyntheticFile(out, { respondents: Number(n), seed: Number(seed), year: Number(year), items: syntheticItems('all') });
}
