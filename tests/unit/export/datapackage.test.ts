/**
 * datapackage.json for the downloads: written on a copy of static/data, valid against the
 * Frictionless Data Package / Table Schema specs (hand-written validator, ./frictionless.ts),
 * and every resource loads with what it declares: the CSV parses with the declared dialect and
 * types, the Parquet files read in DuckDB with the declared columns, row counts agree, keys hold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDatapackage, type Resource } from '../../../pipelines/write/datapackage.ts';
import { parseCsv } from '../../../src/lib/export/csv.ts';
import { validateDatapackage, validateTableSchema } from './frictionless.ts';

const source = path.resolve(import.meta.dirname, '../../../static/data');
let dir: string;
let pkg: Record<string, unknown> & { resources: Resource[] };
let con: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
	if (!fs.existsSync(path.join(source, 'observations.parquet'))) throw new Error('no static/data: run "npm run pipeline" first');
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datapackage-'));
	fs.cpSync(source, dir, { recursive: true });
	pkg = (await writeDatapackage(dir, { version: '1.0.0', homepage: 'https://example.org/ensamhetsmonitorn' })) as typeof pkg;
	instance = await DuckDBInstance.create(':memory:');
	con = await instance.connect();
}, 60_000);

afterAll(() => {
	con?.closeSync();
	instance?.closeSync();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const rowsOf = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjects();
const count = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0][0]);
const pq = (p: string) => `read_parquet('${path.join(dir, p).replaceAll("'", "''")}')`;

describe('datapackage.json', () => {
	it('is written next to the data and equals what the function returned', () => {
		const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
		expect(onDisk).toEqual(JSON.parse(JSON.stringify(pkg)));
		expect(fs.existsSync(path.join(dir, 'observations.csv'))).toBe(true);
	});

	it('validates against the Data Package and Table Schema specs', () => {
		expect(validateDatapackage(pkg, dir)).toEqual([]);
		expect(pkg.resources.map((r) => r.name)).toEqual(['observations', 'observations-csv', 'indicators', 'regions', 'groups', 'sources']);
		expect(pkg.licenses).toBeInstanceOf(Array);
		expect((pkg.sources as unknown[]).length).toBeGreaterThan(0);
	});

	it('the validator catches broken descriptors (it is not a rubber stamp)', () => {
		const broken = JSON.parse(JSON.stringify(pkg));
		broken.name = 'Not Valid';
		broken.resources[0].path = 'missing.parquet';
		broken.resources[1].schema.fields[4].type = 'text';
		broken.resources[2].hash = 'sha256:00';
		broken.resources[0].schema.foreignKeys = [{ fields: ['sex'], reference: { resource: 'nope', fields: ['x'] } }];
		broken.resources[1].schema.primaryKey = ['no_such_field'];
		const errors = validateDatapackage(broken, dir);
		for (const needle of ['name:', 'missing.parquet does not exist', 'is not a Table Schema type', 'hash: does not match', 'not in the package', 'primaryKey: no_such_field']) expect(errors.join('\n')).toContain(needle);
		expect(validateDatapackage({}, dir)).toContain('resources: required, a non-empty array');
		expect(validateTableSchema({ fields: [{ name: 'a', constraints: { enum: [] } }] })).toHaveLength(1);
	});

	it('describes observations with English descriptions, sex enum, required fields, keys', () => {
		const obs = pkg.resources[0];
		expect(obs.format).toBe('parquet');
		for (const f of obs.schema.fields) expect(f.description, f.name).toMatch(/[A-Za-z]/);
		expect(obs.schema.fields.find((f) => f.name === 'sex')!.constraints).toEqual({ required: true, enum: ['T', 'K', 'M'] });
		expect(obs.schema.fields.find((f) => f.name === 'is_demo')!.type).toBe('boolean');
		expect(obs.schema.primaryKey).toEqual(['indicator_id', 'region_code', 'period_start', 'period_end', 'sex', 'group_dim', 'group_code']);
		expect(obs.schema.foreignKeys?.map((k) => k.reference.resource)).toEqual(expect.arrayContaining(['indicators', 'regions', 'sources']));
	});

	it('every Parquet resource loads with exactly the declared columns and compatible types; keys hold', async () => {
		for (const r of pkg.resources.filter((x) => x.format === 'parquet')) {
			const cols = await rowsOf(`DESCRIBE SELECT * FROM ${pq(r.path)}`);
			expect(cols.map((c) => c.column_name), r.name).toEqual(r.schema.fields.map((f) => f.name));
			cols.forEach((c, i) => {
				const t = String(c.column_type);
				const want = r.schema.fields[i].type;
				const ok = { integer: /INT/, number: /DOUBLE|FLOAT|DECIMAL|REAL/, boolean: /BOOLEAN/, string: /VARCHAR/ }[want as 'integer'];
				if (ok) expect(t, `${r.name}.${c.column_name}`).toMatch(ok);
			});
			expect(await count(`SELECT count(*) FROM ${pq(r.path)}`)).toBeGreaterThan(0);
			for (const f of r.schema.fields) {
				if (f.constraints?.required) expect(await count(`SELECT count(*) FROM ${pq(r.path)} WHERE "${f.name}" IS NULL`), `${r.name}.${f.name} required`).toBe(0);
				if (f.constraints?.enum) expect(await count(`SELECT count(*) FROM ${pq(r.path)} WHERE "${f.name}" NOT IN (${f.constraints.enum.map((v) => `'${v}'`).join(',')})`)).toBe(0);
				if (f.constraints?.pattern) expect(await count(`SELECT count(*) FROM ${pq(r.path)} WHERE NOT regexp_full_match("${f.name}", '${f.constraints.pattern}')`), `${r.name}.${f.name} pattern`).toBe(0);
			}
			if (r.schema.primaryKey) {
				const k = r.schema.primaryKey.map((f) => `"${f}"`).join(', ');
				expect(await count(`SELECT count(*) FROM (SELECT ${k} FROM ${pq(r.path)} GROUP BY ALL HAVING count(*) > 1)`), `${r.name} primary key unique`).toBe(0);
			}
			for (const fk of r.schema.foreignKeys ?? []) {
				const target = pkg.resources.find((x) => x.name === fk.reference.resource)!;
				const on = fk.fields.map((f, i) => `a."${f}" = b."${fk.reference.fields[i]}"`).join(' AND ');
				expect(await count(`SELECT count(*) FROM ${pq(r.path)} a ANTI JOIN ${pq(target.path)} b ON ${on}`), `${r.name} → ${target.name}`).toBe(0);
			}
		}
	}, 60_000);

	it('observations.csv parses with the declared dialect and types, and has the same rows as the Parquet', async () => {
		const r = pkg.resources.find((x) => x.name === 'observations-csv')!;
		expect(r.dialect).toMatchObject({ delimiter: ',', header: true });
		const text = fs.readFileSync(path.join(dir, r.path), 'utf8');
		expect(text.charCodeAt(0)).not.toBe(0xfeff);
		const header = text.slice(0, text.indexOf('\n')).split(',');
		expect(header).toEqual(r.schema.fields.map((f) => f.name));
		const rows = parseCsv(text, ',');
		expect(rows.length).toBe(await count(`SELECT count(*) FROM ${pq('observations.parquet')}`));
		const missing = r.schema.missingValues ?? [''];
		const problems: string[] = [];
		rows.forEach((row, i) => {
			for (const f of r.schema.fields) {
				const v = row[f.name];
				const bad = (why: string) => problems.length < 20 && problems.push(`row ${i + 2} ${f.name}=${JSON.stringify(v)}: ${why}`);
				if (missing.includes(v)) {
					if (f.constraints?.required) bad('empty but required');
					continue;
				}
				if (f.type === 'integer' && !/^-?\d+$/.test(v)) bad('not an integer');
				if (f.type === 'number' && !Number.isFinite(Number(v))) bad('not a number');
				if (f.type === 'boolean' && v !== 'true' && v !== 'false') bad('not a boolean');
				if (f.constraints?.enum && !f.constraints.enum.includes(v)) bad('not in enum');
				if (f.constraints?.pattern && !new RegExp(`^(?:${f.constraints.pattern})$`).test(v)) bad('does not match pattern');
			}
		});
		expect(problems).toEqual([]);
		// Same numbers as the Parquet (sum and demo count).
		const [pqStats] = await rowsOf(`SELECT round(sum(value), 6) AS s, count(*) FILTER (WHERE is_demo) AS d FROM ${pq('observations.parquet')}`);
		const sum = rows.reduce((s, x) => s + (x.value === '' ? 0 : Number(x.value)), 0);
		expect(sum).toBeCloseTo(Number(pqStats.s), 4);
		expect(rows.filter((x) => x.is_demo === 'true').length).toBe(Number(pqStats.d));
		// DuckDB reads it back too, with the same row count.
		expect(await count(`SELECT count(*) FROM read_csv('${path.join(dir, r.path)}', header = true, delim = ',')`)).toBe(rows.length);
	}, 60_000);
});
