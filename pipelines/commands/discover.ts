/**
 * `npm run pipeline -- discover <indicator> [--api pxweb-v1|pxweb-v2] [--start <folder>] [--catalog <dir>]`
 *
 * Proposes source tables for an indicator whose table is not known yet: lists the publisher's
 * folders (PxWeb v1) or searches its tables (PxWebApi 2), reads the metadata of the most
 * promising ones, and prints the tables whose title, variable and value texts match the
 * catalog's wording (name, definition, question, derived category), best first, with the
 * matching values and their codes. It only proposes: a person confirms one in
 * data/catalog/indicators.yaml (source.table, source.selection). Nothing is written to the
 * repository; the answers go to a temporary folder with their manifest.
 *
 * Base URLs as for fetch (sources.yaml, ENSAMHET_API_BASE, ENSAMHET_API_BASE_<ID>). The v1
 * start folder: --start, else the Folkhälsodata folder in the catalog's source URL
 * (…/pxweb/sv/A_Folkhalsodata/A_Folkhalsodata__C_HBSC/ → A_Folkhalsodata/C_HBSC), else the
 * publisher's default (SCB: ssd/LE, living conditions), else the database root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog, type Indicator } from '../catalog/load.ts';
import { discoverTables, keywords, type DiscoverResult } from '../fetch/discover.ts';
import { requestHash } from '../fetch/hash.ts';
import { defaultRetryPolicy, httpRequest, type HttpContext } from '../fetch/http.ts';
import { sharedLimiter } from '../fetch/index.ts';
import { defaultLimits } from '../fetch/spec.ts';
import { systemClock } from '../fetch/clock.ts';
import { baseUrlFor } from './fetch.ts';

/** Where a publisher's v1 walk starts when neither --start nor the source URL says. */
const DEFAULT_START: Record<string, string> = { scb: 'ssd/LE' };

/** The Folkhälsodata/PxWeb UI folder in a source URL (`A_X__B_Y` → `A_X/B_Y`), if any. */
export function startFromUrl(url: string): string | undefined {
	const m = /\/pxweb\/[a-z]{2}\/[^/]+\/([^/]+)\/?/.exec(url);
	return m ? m[1].split('__').join('/') : undefined;
}

/** The words of the indicator the tables are matched against. */
export function indicatorStems(ind: Indicator): string[] {
	return keywords(ind.short.sv, ind.name.sv, ind.source.derived?.label.sv ?? '', ind.definition.sv, ind.question.sv);
}

export function discoverText(ind: Indicator, where: string, stems: string[], r: DiscoverResult, top = 10): string {
	const lines = [`discover ${ind.id} — ${ind.name.sv}`, `  ${where}`, `  words: ${stems.join(', ')}`];
	lines.push(`  read ${r.foldersRead} folder listing(s), ${r.tablesListed} table(s) listed, metadata of ${r.metadataRead}${r.cut ? `; ${r.cut} folder(s) not read (limits)` : ''}`);
	for (const f of r.failures) lines.push(`  not read: ${f}`);
	if (!r.candidates.length) lines.push('  no table matches the wording; try --start <folder> or --api');
	r.candidates.slice(0, top).forEach((c, i) => {
		lines.push(`  ${i + 1}. ${c.table} — "${c.title}" (score ${c.score}${c.metadataRead ? '' : c.metadataError ? ', title only: metadata not read' : ', title only'})`);
		if (c.titleStems.length) lines.push(`       title matches: ${c.titleStems.join(', ')}`);
		const byVar = new Map<string, string[]>();
		for (const v of c.values) byVar.set(v.variable, [...(byVar.get(v.variable) ?? []), `${v.code} "${v.text}"`]);
		for (const [v, vals] of byVar) lines.push(`       ${v}: ${vals.slice(0, 6).join(', ')}${vals.length > 6 ? ` … (${vals.length})` : ''}`);
		if (c.metadataRead) lines.push(`       variables: ${c.variables.map((v) => v.code).join(', ')}`);
	});
	lines.push('  Proposals only: confirm a table in data/catalog/indicators.yaml (source.table, source.selection).');
	return lines.join('\n') + '\n';
}

export async function run(args: string[]): Promise<number> {
	let catalogDir: string | undefined;
	let api: string | undefined;
	let start: string | undefined;
	const ids: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--catalog' && args[i + 1]) catalogDir = args[++i];
		else if (args[i] === '--api' && args[i + 1]) api = args[++i];
		else if (args[i] === '--start' && args[i + 1]) start = args[++i];
		else if (args[i].startsWith('-')) {
			process.stderr.write(`error: unknown discover option "${args[i]}" (expected --api pxweb-v1|pxweb-v2, --start <folder>, --catalog <dir>)\n`);
			return 2;
		} else ids.push(args[i]);
	}
	const catalog = loadCatalog(catalogDir);
	if (ids.length !== 1 || !catalog.indicators.some((i) => i.id === ids[0])) {
		process.stderr.write(`error: discover needs one indicator id (catalog: ${catalog.indicators.map((i) => i.id).join(', ')})\n`);
		return 2;
	}
	const ind = catalog.indicators.find((i) => i.id === ids[0])!;
	const kind = api ?? ind.source.api;
	if (kind !== 'pxweb-v1' && kind !== 'pxweb-v2') {
		process.stderr.write(`error: discover works on PxWeb sources; ${ind.id} uses ${kind} (try --api pxweb-v1 or pxweb-v2)\n`);
		return 2;
	}
	const pub = catalog.publishers.find((p) => p.id === ind.source.publisher);
	const baseUrl = pub && baseUrlFor(pub, kind);
	if (!baseUrl) {
		process.stderr.write(`error: publisher "${ind.source.publisher}" has no base URL for ${kind} in sources.yaml\n`);
		return 2;
	}
	const from = kind === 'pxweb-v1' ? (start ?? startFromUrl(ind.source.url) ?? DEFAULT_START[ind.source.publisher] ?? '') : undefined;
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `ensamhet-discover-${ind.id}-`));
	const limits = defaultLimits({ api: kind, baseUrl });
	const tries = process.env.ENSAMHET_FETCH_TRIES ? Number(process.env.ENSAMHET_FETCH_TRIES) : undefined;
	const ctx: HttpContext = {
		fetch: globalThis.fetch,
		clock: systemClock,
		limiter: sharedLimiter(baseUrl, limits),
		retry: { ...defaultRetryPolicy, ...(tries ? { maxTries: tries } : {}) },
		outDir,
		manifestPath: path.join(outDir, 'manifest.json'),
		repoRoot: outDir
	};
	const get = async (url: string) => {
		const u = new URL(url);
		return (await httpRequest({ url, method: 'GET', body: null, saveAs: `${requestHash(u.pathname + u.search)}.json`, table: u.pathname }, ctx)).json;
	};
	const stems = indicatorStems(ind);
	const where = `${kind} ${baseUrl}${from !== undefined ? `, from folder "${from || '/'}"` : ', table search'}; answers saved in ${outDir}`;
	try {
		const r = await discoverTables({ api: kind, baseUrl, lang: 'sv', start: from, stems, get });
		process.stdout.write(discoverText(ind, where, stems, r));
		return 0;
	} catch (err) {
		process.stderr.write(`discover: ${ind.id}: FAILED (${where}): ${err instanceof Error ? err.message : String(err)}\n`);
		return 1;
	}
}
