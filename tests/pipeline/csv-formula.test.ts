/**
 * CSV injection in the pipeline's CSV files: rejects.csv quotes source files (keys, reasons), so
 * its text is neutralised like every CSV the site writes; observations.csv holds only catalog codes
 * in its text columns, checked here never to start with a formula character.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectsCsv } from '../../pipelines/commands/make-data.ts';
import { outDir } from '../../pipelines/paths.ts';
import { parseCsv } from '../../src/lib/export/csv.ts';

describe('rejects.csv', () => {
	it('neutralises formula-looking keys and reasons; line numbers stay numbers', () => {
		const text = rejectsCsv([
			{ file: 'data/raw/x.csv', line: 7, key: '=1+1', reason: '-bad value "@A1"' },
			{ file: '@evil.csv', line: 0, key: 'ok', reason: 'fine' }
		] as Parameters<typeof rejectsCsv>[0]);
		const back = parseCsv(text);
		expect(back[0]).toMatchObject({ file: 'data/raw/x.csv', line: '7', key: "'=1+1", reason: '\'-bad value "@A1"' });
		expect(back[1]).toMatchObject({ file: "'@evil.csv", line: '0', key: 'ok' });
	});
});

describe('observations.csv (from npm run pipeline)', () => {
	it('no text cell starts with a formula character; numeric columns are numbers', () => {
		const dir = outDir;
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as { resources: { name: string; schema?: { fields: { name: string; type: string }[] } }[] };
		const fields = pkg.resources.find((r) => r.name === 'observations')!.schema!.fields;
		const rows = parseCsv(fs.readFileSync(path.join(dir, 'observations.csv'), 'utf8'));
		expect(rows.length).toBeGreaterThan(1000);
		const offenders: string[] = [];
		for (const r of rows)
			for (const f of fields) {
				const v = r[f.name] ?? '';
				if (f.type === 'string' ? /^[=+\-@\t\r]/.test(v) : v !== '' && f.type !== 'boolean' && !Number.isFinite(Number(v))) offenders.push(`${f.name} = ${v}`);
			}
		expect(offenders.slice(0, 10)).toEqual([]);
	});
});
