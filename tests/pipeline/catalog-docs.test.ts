/** docs/indicators.md and the README section are generated from the catalog and kept in sync. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../../pipelines/catalog/load.ts';
import { indicatorTable } from '../../scripts/indicator-table.ts';

const repo = path.resolve(__dirname, '../..');

describe('indicator table', () => {
	const catalog = loadCatalog(path.join(repo, 'data/catalog'));
	const table = indicatorTable(catalog);

	it('documents each indicator with its real source and verification level', () => {
		const rows = table.split('\n').filter((l) => l.startsWith('| ') && l.includes('(`'));
		expect(rows).toHaveLength(12);
		for (const i of catalog.indicators) {
			const row = rows.find((r) => r.includes(`(\`${i.id}\`)`))!;
			expect(row, i.id).toBeDefined();
			expect(row).toContain(i.name.sv);
			expect(row).toContain(i.source.producer.sv);
			expect(row).toContain(`**${i.verification.level} — `);
			if (i.source.table) expect(row).toContain(i.source.table);
		}
		expect(table).toMatch(/`no_close_friend`: break 2021/);
	});

	it('docs/indicators.md (and the README section, if present) are up to date', () => {
		const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/indicator-table.ts', '--check'], { cwd: repo, encoding: 'utf8' });
		expect(res.stderr).toBe('');
		expect(res.status).toBe(0);
		expect(fs.readFileSync(path.join(repo, 'docs/indicators.md'), 'utf8')).toContain(table);
		const readme = path.join(repo, 'README.md');
		if (fs.existsSync(readme) && fs.readFileSync(readme, 'utf8').includes('<!-- indicators:start -->'))
			expect(fs.readFileSync(readme, 'utf8')).toContain(`<!-- indicators:start -->\n${table}<!-- indicators:end -->`);
	});
});
