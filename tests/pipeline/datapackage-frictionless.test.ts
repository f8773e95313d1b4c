/**
 * static/data/datapackage.json checked by Frictionless' own JavaScript library
 * (frictionlessdata/datapackage-js, with the official Data Package profiles): the descriptor is
 * valid, and every CSV resource reads with each value cast to its Table Schema type.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import datapackage from 'datapackage';

const dataDir = path.resolve(import.meta.dirname, '../../static/data');
const descriptorFile = path.join(dataDir, 'datapackage.json');

describe('datapackage.json (Frictionless)', () => {
	it('is a valid Data Package by the official profile', async () => {
		const dp = await datapackage.Package.load(descriptorFile);
		expect(dp.errors.map(String)).toEqual([]);
		expect(dp.valid).toBe(true);
		expect(dp.resources.map((r) => r.name)).toContain('observations-csv');
	});

	it('its CSV resources load, every value cast by its Table Schema', async () => {
		const dp = await datapackage.Package.load(descriptorFile);
		const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8'));
		const csv = dp.resources.filter((r) => r.tabular && r.source.endsWith('.csv'));
		expect(csv.length).toBeGreaterThan(0);
		for (const r of csv) {
			const rows = await r.read({ keyed: true });
			// Observations as written: estimates plus the documented missing cells.
			if (r.name === 'observations-csv') expect(rows.length).toBe(manifest.counts.observations + manifest.counts.missing_cells);
			expect(rows.length).toBeGreaterThan(0);
		}
	});

	it('rejects a broken descriptor (the check can fail)', async () => {
		const broken = JSON.parse(fs.readFileSync(descriptorFile, 'utf8'));
		const res = broken.resources.find((r: { name: string }) => r.name === 'observations-csv');
		res.schema.fields[0].type = 'not-a-type';
		delete broken.resources[0].path;
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-'));
		fs.writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify(broken));
		const dp = await datapackage.Package.load(path.join(dir, 'datapackage.json'));
		expect(dp.valid).toBe(false);
		expect(dp.errors.length).toBeGreaterThan(0);
	});
});
