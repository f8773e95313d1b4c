/**
 * `npm run pipeline -- fetch --dry-run`: sends nothing, prints every indicator's requests and
 * kept cells; the README's copy is the generated output (scripts/fetch-dry-run-doc.ts).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { README, withDryRun } from '../../scripts/fetch-dry-run-doc.ts';
import { FIXED_IDS } from '../helpers/indicator-ids.ts';
import { runCli } from '../helpers/run-cli.ts';

const repo = path.resolve(__dirname, '../..');


describe('fetch --dry-run', () => {
	it('sends nothing and describes all 12 indicators: exact Kolada URLs, PxWeb bodies, kept cells, skips', async () => {
		// A listening server that counts connections: the dry run must open none.
		let connections = 0;
		const srv = net.createServer((s) => {
			connections++;
			s.destroy();
		});
		await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
		const port = (srv.address() as net.AddressInfo).port;
		let res: Awaited<ReturnType<typeof runCli>>;
		try {
			res = await runCli(['fetch', '--dry-run', '--year', '2026'], { ENSAMHET_API_BASE: `http://127.0.0.1:${port}/api` });
		} finally {
			await new Promise<void>((r) => srv.close(() => r()));
		}
		expect(res.stderr).toBe('');
		expect(res.code).toBe(0);
		expect(connections).toBe(0);
		const blocks = res.stdout.trim().split('\n\n');
		expect(blocks.map((b) => b.split(' ')[0])).toEqual([...FIXED_IDS]);
		const block = (id: string) => blocks.find((b) => b.startsWith(`${id} `))!;
		expect(block('transit_access')).toContain(`GET http://127.0.0.1:${port}/api/data/kpi/N07418/year/2014,2015,2016,2017,2018,2019,2020,2021,2022,2023,2024,2025,2026?per_page=5000`);
		const school = block('school_unsafe');
		const gets = school.split('\n').filter((l) => l.trim().startsWith('GET '));
		expect(gets).toHaveLength(12);
		for (const g of gets) expect(g).toMatch(/\/data\/kpi\/N15643\/municipality\/(\d{4},){0,24}\d{4}\/year\/2022,2023,2024,2025,2026\?per_page=5000$/);
		expect(school).not.toMatch(/0000/);
		expect(school).toContain('value = 100 − the share of "Trygg i skolan helt och hållet eller till stor del (Kolada N15643)" (N15643)');
		expect(school).toContain('only municipalities; nation from published figures');
		const inst = block('trust_institutions');
		expect(inst).toContain('"values":["<code of \\"Låg tillit till samhällets institutioner\\">"]');
		expect(inst).toContain('whole population = the value whose text is "Totalt 16-84 år" (else "16-84 år")');
		expect(block('trust_others')).toContain(`POST http://127.0.0.1:${port}/api/sv/A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel/hlv1socaald.px`);
		expect(block('trust_others')).not.toMatch(/"30"/);
		for (const id of ['association_active', 'cannot_afford_leisure', 'no_internet_use', 'school_lonely', 'no_close_friend'])
			expect(block(id)).toMatch(new RegExp(`skipped, nothing sent: table id not known yet[^]*discover ${id}`));
	});

	it('with metadata a previous fetch saved: exact bodies (codes by text resolved, * expanded), or the error the fetch would stop with', async () => {
		const raw = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-dry-'));
		const tables = path.join(repo, 'tests/pipeline/fixtures-api/fohm/fohm-app.folkhalsomyndigheten.se/Folkhalsodata/api/v1/sv/A_Folkhalsodata/B_HLV/eSocialarel/aSocialarel');
		fs.mkdirSync(path.join(raw, 'fohm/sv'), { recursive: true });
		fs.copyFileSync(path.join(tables, 'hlv1socaald.px.json'), path.join(raw, 'fohm/sv/hlv1socaald.json'));
		const xreg = JSON.parse(fs.readFileSync(path.join(tables, 'hlv1socxreg.px.json'), 'utf8'));
		xreg.variables[1].valueTexts[3] = 'Låg tillit till myndigheter';
		fs.writeFileSync(path.join(raw, 'fohm/sv/hlv1socxreg.json'), JSON.stringify(xreg));
		try {
			const res = await runCli(['fetch', 'trust_institutions', '--dry-run', '--year', '2026'], { ENSAMHET_RAW_DIR: raw });
			expect(res.stderr).toBe('');
			expect(res.code).toBe(0);
			const lines = res.stdout.split('\n');
			const post = lines.findIndex((l) => l.includes('POST ') && l.includes('hlv1socaald.px'));
			expect(lines[post]).toMatch(/\(96 cells\)$/);
			expect(JSON.parse(lines[post + 1])).toEqual({
				query: [
					{ code: 'Sociala relationer', selection: { filter: 'item', values: ['45'] } },
					{ code: 'Andel och konfidensintervall', selection: { filter: 'item', values: ['01', '02', '03', '04'] } },
					{ code: 'Ålder', selection: { filter: 'item', values: ['50', '51', '52', '53'] } },
					{ code: 'Kön', selection: { filter: 'item', values: ['1', '2', '3'] } },
					{ code: 'År', selection: { filter: 'item', values: ['2022', '2024'] } }
				],
				response: { format: 'json' }
			});
			expect(lines[post + 2]).toMatch(/resolved with the metadata saved in .*fohm\/sv\/hlv1socaald\.json; whole population: Ålder 51\)$/);
			expect(res.stdout).toMatch(/the fetch would stop here: .*hlv1socxreg\.px: no value of "Sociala relationer" has the text "Låg tillit till samhällets institutioner" \(the metadata has .*45 "Låg tillit till myndigheter"\)/);
		} finally {
			fs.rmSync(raw, { recursive: true, force: true });
		}
	});

	it('the README shows the generated output (npm run docs)', () => {
		const readme = fs.readFileSync(README, 'utf8');
		expect(readme).toMatch(/<!-- fetch-dry-run:start year=\d{4} -->\n```text\n\$ npm run pipeline -- fetch --dry-run --year \d{4}\ntransit_access — /);
		expect(withDryRun(readme) === readme, 'README dry-run block is stale: run npm run docs').toBe(true);
	});
});
