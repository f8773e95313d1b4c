/**
 * Frictionless Data Package for the downloads (issue #7): writes `observations.csv` (the full
 * fact table as UTF-8 CSV, comma, header, decimal point, empty = missing) next to the Parquet
 * files and a `datapackage.json` describing observations (Parquet and CSV) and the dimension
 * tables (indicators, regions, groups, sources) with Table Schemas, keys, licences and sources.
 *
 * Keys are declared only when they hold: the primary key is checked for uniqueness and every
 * foreign key for dangling values, with DuckDB, before it is written into the descriptor.
 *
 * Spec: Data Package v1 (https://specs.frictionlessdata.io/data-package/), Table Schema v1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, type Engine } from '../../src/lib/data/engine.ts';
import { columnsQuery, danglingKeysQuery, duplicateKeysQuery, missingKeysQuery, parquetToCsv } from '../../src/lib/data/file-queries.ts';
import { OBSERVATION_FIELDS, OBSERVATION_KEY } from '../../src/lib/data/observation.ts';
import { withNodeEngine } from '../../src/lib/server/node-engine.ts';
import { sha256File } from '../sha256.ts';

export interface DatapackageInfo {
	/** Package version (semver), e.g. the site's version or a date-based one. */
	version: string;
	/** ISO 8601 creation time; defaults to manifest.json's built_at, else now. */
	created?: string;
	/** Where the site lives (for `homepage`). */
	homepage?: string;
	/** Optional engine to reuse; else a Node engine is opened for the call. */
	engine?: Engine;
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'date' | 'datetime' | 'any';

export interface Field {
	name: string;
	type: FieldType;
	title?: string;
	description?: string;
	constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number };
}

export interface TableSchema {
	fields: Field[];
	missingValues?: string[];
	primaryKey?: string[];
	foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

export interface Resource {
	name: string;
	path: string;
	profile: 'tabular-data-resource' | 'data-resource';
	title?: string;
	description?: string;
	format: string;
	mediatype: string;
	encoding?: string;
	dialect?: Record<string, unknown>;
	bytes: number;
	hash: string;
	schema: TableSchema;
}

/** The observation table's Table Schema fields, from the one schema definition. */
const OBSERVATION_TABLE_FIELDS: Field[] = OBSERVATION_FIELDS.map((f) => {
	const constraints = { ...(f.required ? { required: true } : {}), ...f.constraints };
	return { name: f.name, type: f.type, description: f.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
});

/** English descriptions for the dimension tables' columns. */
const DIM_DESCRIPTIONS: Record<string, Record<string, string>> = {
	indicators: {
		id: 'Indicator identifier.',
		subgoal: 'Subgoal of the national strategy (1–3) the indicator follows up.',
		name_sv: 'Name in Swedish.',
		name_en: 'Name in English.',
		short_sv: 'Short name in Swedish.',
		short_en: 'Short name in English.',
		plain_sv: 'The indicator in one plain sentence, Swedish.',
		plain_en: 'The indicator in one plain sentence, English.',
		definition_sv: 'Definition in Swedish.',
		definition_en: 'Definition in English.',
		unit: "Unit of value ('percent').",
		polarity: 'Whether a higher value is better, worse, or neither (no judgement).',
		publisher: 'Publisher of the source statistics.',
		api: 'Interface the statistics are read from.',
		source_table: 'Table or key in the source.',
		breakdowns: 'Breakdown dimensions available.',
		geography: 'Geographic levels available.',
		first_year: 'First year with data.',
		verification: 'How the indicator definition was verified against the source.',
		verification_note: 'Notes on the verification.'
	},
	regions: {
		code: "Region code ('00' Sweden, two digits county, four digits municipality).",
		level: "'nation', 'county' or 'municipality'.",
		name_sv: 'Name in Swedish.',
		name_en: 'Name in English.',
		short_sv: 'Short name in Swedish.',
		short_en: 'Short name in English.',
		parent: 'Code of the region this one belongs to.',
		nuts2: 'NUTS 2 region code.',
		order: 'Sort order.'
	},
	groups: {
		group_dim: 'Breakdown dimension.',
		kind: 'Kind of breakdown.',
		group_dim_sv: 'Dimension label in Swedish.',
		group_dim_en: 'Dimension label in English.',
		dim_order: 'Sort order of the dimension.',
		group_code: 'Group code within the dimension.',
		label_sv: 'Group label in Swedish.',
		label_en: 'Group label in English.',
		order: 'Sort order within the dimension.',
		standard: 'Whether the group is part of the standard breakdown.'
	},
	sources: {
		source_id: 'Source identifier.',
		publisher: 'Publisher.',
		title: 'Title of the publication or table.',
		url: 'Where the source is published.',
		licence: 'Licence or terms of use of the source.',
		citation: 'How to cite the source (Swedish).',
		publisher_en: 'Publisher in English.',
		title_en: 'Title in English, where the title is ours (example data, own extracts).',
		citation_en: 'How to cite the source (English).',
		cited_in: 'A secondary page the figure was read from; the source is the publisher named, the page only cites it.',
		input_file: 'Raw input file in the repository the values were read from.',
		input_sha256: 'SHA-256 of the raw input file.',
		fetched_at: 'When the source was fetched (ISO 8601), if fetched.',
		kind: "Kind of source ('published', 'api', 'demo', …).",
		attribution: 'Attribution line shown with charts.',
		is_demo: 'true = the source describes example (synthetic) data.',
		indicator_id: 'Indicator the source belongs to, when specific to one.'
	}
};

function duckType(t: string): FieldType {
	const u = t.toUpperCase();
	if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(u)) return 'integer';
	if (/^(FLOAT|DOUBLE|REAL)$/.test(u) || u.startsWith('DECIMAL')) return 'number';
	if (u === 'BOOLEAN') return 'boolean';
	if (u === 'VARCHAR' || u === 'UUID') return 'string';
	if (u === 'DATE') return 'date';
	if (u.startsWith('TIMESTAMP')) return 'datetime';
	if (u.endsWith('[]')) return 'array';
	if (u.startsWith('STRUCT') || u.startsWith('MAP') || u === 'JSON') return 'object';
	return 'any';
}

const sha256 = (file: string) => `sha256:${sha256File(file)}`;

/** The first (only) answer of a counting query. */
async function one(engine: Engine, q: Parameters<typeof run<number>>[1]): Promise<number> {
	return (await run(engine, q))[0];
}

const pq = (dir: string, name: string) => path.join(dir, `${name}.parquet`);

async function keyHolds(engine: Engine, dir: string, table: string, fields: string[]): Promise<boolean> {
	const dupes = await one(engine, duplicateKeysQuery(pq(dir, table), fields));
	const nulls = await one(engine, missingKeysQuery(pq(dir, table), fields));
	return dupes === 0 && nulls === 0;
}

async function foreignKeyHolds(engine: Engine, dir: string, from: string, fields: string[], to: string, toFields: string[]): Promise<boolean> {
	if (!(await keyHolds(engine, dir, to, toFields))) return false;
	return (await one(engine, danglingKeysQuery(pq(dir, from), fields, pq(dir, to), toFields))) === 0;
}

async function describe(engine: Engine, dir: string, name: string): Promise<Field[]> {
	return (await run(engine, columnsQuery(pq(dir, name)))).map((c) => {
		const field: Field = { name: c.name, type: duckType(c.type) };
		const d = DIM_DESCRIPTIONS[name]?.[field.name];
		if (d) field.description = d;
		return field;
	});
}

interface SourceJson {
	source_id: string;
	publisher?: string;
	title?: string;
	url?: string;
	licence?: string;
	is_demo?: boolean;
}

/** Write observations.csv and datapackage.json into `dir` (which already holds the Parquet files). Returns the descriptor. */
export async function writeDatapackage(dir: string, info: DatapackageInfo): Promise<Record<string, unknown>> {
	const write = async (engine: Engine) => {
		await run(engine, parquetToCsv(pq(dir, 'observations'), path.join(dir, 'observations.csv')));

		const obsSchema: TableSchema = { fields: OBSERVATION_TABLE_FIELDS.map((f) => ({ ...f })), missingValues: [''] };
		const pk = [...OBSERVATION_KEY];
		if (await keyHolds(engine, dir, 'observations', pk)) obsSchema.primaryKey = pk;

		const dims: { name: string; key: string[]; title: string; description: string }[] = [
			{ name: 'indicators', key: ['id'], title: 'Indicators', description: 'The indicators of the national strategy against loneliness 2025–2029 followed up by the monitor.' },
			{ name: 'regions', key: ['code'], title: 'Regions', description: 'Sweden, its counties (län) and municipalities.' },
			{ name: 'groups', key: ['group_dim', 'group_code'], title: 'Population groups', description: 'Breakdown dimensions and their groups.' },
			{ name: 'sources', key: ['source_id'], title: 'Sources', description: 'Where each value comes from, with licence and citation. Example (synthetic) data has its own sources marked is_demo.' }
		];
		const fks: [string[], string, string[]][] = [
			[['indicator_id'], 'indicators', ['id']],
			[['region_code'], 'regions', ['code']],
			[['group_dim', 'group_code'], 'groups', ['group_dim', 'group_code']],
			[['source_id'], 'sources', ['source_id']]
		];
		obsSchema.foreignKeys = [];
		for (const [fields, to, toFields] of fks)
			if (fs.existsSync(path.join(dir, `${to}.parquet`)) && (await foreignKeyHolds(engine, dir, 'observations', fields, to, toFields)))
				obsSchema.foreignKeys.push({ fields, reference: { resource: to, fields: toFields } });
		if (!obsSchema.foreignKeys.length) delete obsSchema.foreignKeys;

		const file = (name: string) => {
			const p = path.join(dir, name);
			return { bytes: fs.statSync(p).size, hash: sha256(p) };
		};
		const obsDescription =
			'The tidy fact table: one row per indicator, region, period, sex and population group. Values are per cent. Rows with is_demo = true are EXAMPLE DATA (synthetic values where published statistics are not yet available), not statistics.';
		const resources: Resource[] = [
			{ name: 'observations', path: 'observations.parquet', profile: 'tabular-data-resource', title: 'Observations (Parquet)', description: obsDescription, format: 'parquet', mediatype: 'application/vnd.apache.parquet', ...file('observations.parquet'), schema: obsSchema },
			{
				name: 'observations-csv',
				path: 'observations.csv',
				profile: 'tabular-data-resource',
				title: 'Observations (CSV)',
				description: `${obsDescription} Same rows as observations.parquet.`,
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n', quoteChar: '"' },
				...file('observations.csv'),
				schema: { ...obsSchema, foreignKeys: undefined, primaryKey: obsSchema.primaryKey }
			}
		];
		delete resources[1].schema.foreignKeys;
		for (const d of dims) {
			if (!fs.existsSync(path.join(dir, `${d.name}.parquet`))) continue;
			const schema: TableSchema = { fields: await describe(engine, dir, d.name), missingValues: [''] };
			if (await keyHolds(engine, dir, d.name, d.key)) {
				schema.primaryKey = d.key;
				for (const f of schema.fields) if (d.key.includes(f.name)) f.constraints = { ...f.constraints, required: true };
			}
			resources.push({ name: d.name, path: `${d.name}.parquet`, profile: 'tabular-data-resource', title: d.title, description: d.description, format: 'parquet', mediatype: 'application/vnd.apache.parquet', ...file(`${d.name}.parquet`), schema });
		}

		const sources: SourceJson[] = fs.existsSync(path.join(dir, 'sources.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8')) : [];
		const real = sources.filter((s) => !s.is_demo && s.url);
		const seenLic = new Set<string>();
		const licenses: { name?: string; path?: string; title: string }[] = [];
		for (const s of real) {
			const title = `${s.publisher ?? s.source_id}: ${s.licence ?? 'see source'}`;
			if (seenLic.has(title)) continue;
			seenLic.add(title);
			licenses.push({ path: s.url!, title });
		}
		licenses.push({ title: 'Example (synthetic) data and the package itself: MIT (same as the Ensamhetsmonitorn code)', name: 'MIT', path: 'https://opensource.org/licenses/MIT' });
		const seenSrc = new Set<string>();
		const pkgSources = real
			.filter((s) => (seenSrc.has(s.url!) ? false : (seenSrc.add(s.url!), true)))
			.map((s) => ({ title: [s.publisher, s.title].filter(Boolean).join(': '), path: s.url! }));

		let created = info.created;
		if (!created) {
			try {
				created = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).built_at;
			} catch {
				created = undefined;
			}
		}
		const descriptor: Record<string, unknown> = {
			profile: 'data-package',
			name: 'ensamhetsmonitorn',
			title: 'Ensamhetsmonitorn – indicators of the Swedish national strategy against loneliness 2025–2029',
			description:
				'Indicator values behind the Ensamhetsmonitorn dashboard, by region, period, sex and population group. Values marked is_demo = true are example data (synthetic), shown as "Exempeldata" on the site, and are not statistics.',
			version: info.version,
			created: created ?? new Date().toISOString(),
			keywords: ['loneliness', 'ensamhet', 'public health', 'Sweden', 'indicators'],
			languages: ['sv', 'en'],
			licenses,
			sources: pkgSources,
			resources
		};
		if (info.homepage) descriptor.homepage = info.homepage;
		fs.writeFileSync(path.join(dir, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
		return descriptor;
	};
	return info.engine ? write(info.engine) : withNodeEngine(dir, write);
}
