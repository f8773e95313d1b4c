/**
 * Loads and validates the catalog (data/catalog/*.yaml + municipalities.csv). A malformed
 * entry stops the build with a message naming the file, the entry and the field, e.g.
 *   data/catalog/indicators.yaml: entry "trust_others": field "source.publisher": …
 * Every loader takes the catalog directory, so tests can point it at a temporary copy;
 * ENSAMHET_CATALOG_DIR overrides the default for whole runs (see commands/fetch.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { catalogDir as defaultCatalogDir, displayPath as display } from '../paths.ts';
import {
	groupDimSchema,
	indicatorSchema,
	municipalitySchema,
	nuts2Schema,
	publisherSchema,
	regionSchema,
	type GroupDim,
	type Indicator,
	type Municipality,
	type Nuts2,
	type Publisher,
	type Region
} from './schema.ts';

export type { GroupDim, Indicator, Municipality, Nuts2, Publisher, Region } from './schema.ts';
export { indicatorSchema } from './schema.ts';

export class CatalogError extends Error {}

export interface Catalog {
	dir: string;
	indicators: Indicator[];
	regions: Region[];
	nuts2: Nuts2[];
	municipalities: Municipality[];
	groups: GroupDim[];
	publishers: Publisher[];
	/** sha256 inputs for the manifest: every catalog file read. */
	files: string[];
}

export function resolveCatalogDir(dir?: string): string {
	return path.resolve(dir ?? process.env.ENSAMHET_CATALOG_DIR ?? defaultCatalogDir);
}


function readYaml(file: string): unknown {
	if (!fs.existsSync(file)) throw new CatalogError(`${display(file)}: file missing`);
	try {
		return parseYaml(fs.readFileSync(file, 'utf8'), { maxAliasCount: 1000 });
	} catch (err) {
		throw new CatalogError(`${display(file)}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
	}
}

/** Validates a list of entries; each problem names file, entry (its id/code or position) and field. */
function parseList<S extends z.ZodType>(file: string, doc: unknown, schema: S, what: string, problems: string[], keyField = 'id'): z.infer<S>[] {
	const rel = display(file);
	if (!Array.isArray(doc)) {
		problems.push(`${rel}: expected a list of ${what}`);
		return [];
	}
	const out: z.infer<S>[] = [];
	const seen = new Set<string>();
	doc.forEach((entry: unknown, i: number) => {
		const key = (entry as Record<string, unknown> | null)?.[keyField];
		const name = typeof key === 'string' || typeof key === 'number' ? String(key) : `#${i + 1}`;
		const parsed = schema.safeParse(entry);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				problems.push(`${rel}: entry "${name}": field "${issue.path.join('.') || keyField}": ${issue.message}`);
			return;
		}
		if (seen.has(name)) problems.push(`${rel}: entry "${name}": field "${keyField}": duplicate ${keyField}`);
		seen.add(name);
		out.push(parsed.data);
	});
	return out;
}

export function loadIndicators(dir?: string): Indicator[] {
	return loadCatalog(dir).indicators;
}

export function loadCatalog(dirArg?: string): Catalog {
	const dir = resolveCatalogDir(dirArg);
	const problems: string[] = [];
	const f = (name: string) => path.join(dir, name);

	const indicators = parseList(f('indicators.yaml'), readYaml(f('indicators.yaml')), indicatorSchema, 'indicators', problems);
	const groups = parseList(f('groups.yaml'), readYaml(f('groups.yaml')), groupDimSchema, 'group dimensions', problems);
	const publishers = parseList(f('sources.yaml'), readYaml(f('sources.yaml')), publisherSchema, 'publishers', problems);
	const regionsDoc = readYaml(f('regions.yaml')) as { regions?: unknown; nuts2?: unknown } | null;
	const nuts2 = parseList(f('regions.yaml'), regionsDoc?.nuts2, nuts2Schema, 'NUTS2 areas (key "nuts2")', problems, 'code');
	const regions = parseList(f('regions.yaml'), regionsDoc?.regions, regionSchema, 'regions (key "regions")', problems, 'code');
	const municipalities = parseList(f('municipalities.csv'), readCsv(f('municipalities.csv')), municipalitySchema, 'municipalities', problems, 'municipality_code');

	// Cross-references.
	const rel = (name: string) => display(f(name));
	const dims = new Map(groups.map((g) => [g.id, g]));
	for (const g of groups) {
		const codes = new Set<string>();
		for (const c of g.codes) {
			if (codes.has(c.code)) problems.push(`${rel('groups.yaml')}: entry "${g.id}": field "codes.${c.code}": duplicate code`);
			codes.add(c.code);
		}
	}
	if (!dims.has('total')) problems.push(`${rel('groups.yaml')}: entry "total": field "id": the dimension "total" is required`);
	const pubIds = new Set(publishers.map((p) => p.id));
	for (const ind of indicators) {
		if (!pubIds.has(ind.source.publisher))
			problems.push(`${rel('indicators.yaml')}: entry "${ind.id}": field "source.publisher": unknown publisher "${ind.source.publisher}" (not in sources.yaml)`);
		const pub = publishers.find((p) => p.id === ind.source.publisher);
		if (pub && ind.source.api !== 'none' && !pub.api_base[ind.source.api])
			problems.push(`${rel('indicators.yaml')}: entry "${ind.id}": field "source.api": publisher "${pub.id}" has no base URL for ${ind.source.api}`);
		ind.breakdowns.forEach((b, i) => {
			if (b !== 'sex' && (!dims.has(b) || dims.get(b)!.kind === 'column'))
				problems.push(`${rel('indicators.yaml')}: entry "${ind.id}": field "breakdowns.${i}": unknown group dimension "${b}" (not in groups.yaml)`);
		});
		for (const br of ind.series_breaks)
			if (br.year < ind.first_year)
				problems.push(`${rel('indicators.yaml')}: entry "${ind.id}": field "series_breaks": break ${br.year} before first_year ${ind.first_year}`);
	}
	const nutsCodes = new Set(nuts2.map((n) => n.code));
	for (const r of regions) {
		if (r.level === 'county' && !r.nuts2) problems.push(`${rel('regions.yaml')}: entry "${r.code}": field "nuts2": a county needs its NUTS2 area`);
		if (r.nuts2 && !nutsCodes.has(r.nuts2)) problems.push(`${rel('regions.yaml')}: entry "${r.code}": field "nuts2": unknown NUTS2 area "${r.nuts2}"`);
	}
	if (regionsDoc?.regions && !regions.some((r) => r.code === '00')) problems.push(`${rel('regions.yaml')}: entry "00": field "code": the nation (00) is required`);
	const counties = new Set(regions.filter((r) => r.level === 'county').map((r) => r.code));
	for (const m of municipalities)
		if (!counties.has(m.county_code))
			problems.push(`${rel('municipalities.csv')}: entry "${m.municipality_code}": field "county_code": unknown county "${m.county_code}"`);

	if (problems.length) throw new CatalogError(`catalog invalid (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${problems.join('\n')}`);
	const files = ['indicators.yaml', 'groups.yaml', 'sources.yaml', 'regions.yaml', 'municipalities.csv'].map(f);
	return { dir, indicators, regions, nuts2, municipalities, groups, publishers, files };
}

/** Minimal CSV for the municipality list (no quoted fields in it; a quote is an error). */
function readCsv(file: string): Record<string, string>[] {
	if (!fs.existsSync(file)) throw new CatalogError(`${display(file)}: file missing`);
	const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
	const header = lines[0].split(',');
	return lines.slice(1).map((line, i) => {
		if (line.includes('"')) throw new CatalogError(`${display(file)}: line ${i + 2}: quoted fields are not supported here`);
		const cells = line.split(',');
		return Object.fromEntries(header.map((h, j) => [h, cells[j] ?? '']));
	});
}
