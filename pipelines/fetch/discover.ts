/**
 * Metadata-driven discovery: find the tables whose titles, variable texts and value texts
 * match an indicator's wording. It only proposes; a person confirms the choice in the catalog.
 *
 * - PxWeb v1 (SCB, Folkhälsodata): breadth-first walk from a start folder. A GET on a folder
 *   lists `[{id, type: "l" (folder) | "t" (table), text, updated?}]`; tables are scored by
 *   their titles, the best are read (GET on the table = its metadata) and scored again on
 *   variable and value texts.
 * - PxWebApi 2 (SCB): `GET /tables?query=<word>&lang=sv` per keyword → `{tables: [{id, label,
 *   paths, …}]}`; the best are read (`/tables/{id}/metadata?lang=sv`, JSON-stat 2.0).
 * Every GET goes through the caller's `get` (the fetch client's rate limit and retries).
 */
import { readPxWebMetadata } from '../read/pxweb-json.ts';
import { normText, type TableShape } from './query.ts';
import { shapeFromCube, shapeFromV2Metadata } from './shape.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Words that say nothing about a table's subject. */
const STOP = new Set(
	(
		'andel andelen andelar procent antal befolkningen personer som inte eller och med för från till under minst mellan efter över alla varje finns deras andra annat någon några något ' +
		'frågan fråga frågor svarar svarat svarsalternativ antaget ingen enkätfråga registerbaserat mått äldre yngre totalt kvinnor minus okänd okänt troligen kolada riket resten räknas ' +
		'nämnaren anges slutåret läsåret vissa ställs tycker händer folkhälsodata skolinspektionens publicerade endast dvs det den har kan man ett att sig är års när hur var vad ' +
		'kod dig dina sina även bli sätt per ' +
		'share people population the and with from that have'
	).split(' ')
);

/** Keyword stems from an indicator's wording: lower case, ≥ 3 letters, no stop words, first 7 letters. */
export function keywords(...texts: string[]): string[] {
	const words = texts
		.join(' ')
		.toLowerCase()
		.split(/[^a-zåäöé]+/)
		.filter((w) => w.length >= 3 && !STOP.has(w));
	return [...new Set(words.map((w) => w.slice(0, 7)))];
}

/** The keyword stems found in a text (word starts). */
export function matchedStems(text: string, stems: readonly string[]): string[] {
	const toks = normText(text).split(/[^a-zåäöé]+/);
	return stems.filter((s) => toks.some((t) => t.startsWith(s)));
}

export interface ValueMatch {
	variable: string;
	code: string;
	text: string;
	stems: string[];
}

export interface Candidate {
	/** v1: table path below the language (as in the catalog's `source.table`); v2: table id. */
	table: string;
	title: string;
	/** Stems found in the title. */
	titleStems: string[];
	/** Values whose texts match (from the metadata; empty when it was not read). */
	values: ValueMatch[];
	/** Variable code → its text (from the metadata). */
	variables: { code: string; text: string }[];
	/** Distinct stems in title and value texts, value texts counting double. */
	score: number;
	metadataRead: boolean;
	/** Why the metadata could not be read, if it could not. */
	metadataError?: string;
}

export interface DiscoverOptions {
	api: 'pxweb-v1' | 'pxweb-v2';
	/** v1: up to (excluding) the language; v2: `…/api/v2`. */
	baseUrl: string;
	lang: string;
	/** v1 start folder below the language (e.g. `ssd/LE`, `A_Folkhalsodata/C_HBSC`). */
	start?: string;
	stems: string[];
	get: (url: string) => Promise<unknown>;
	/** Folders read at most (v1). Default 60. */
	maxFolders?: number;
	/** Folder depth below the start (v1). Default 4. */
	maxDepth?: number;
	/** Table metadata read at most. Default 8. */
	maxMetadata?: number;
}

export interface DiscoverResult {
	candidates: Candidate[];
	foldersRead: number;
	tablesListed: number;
	metadataRead: number;
	/** Folders not read because of maxFolders / maxDepth (the walk was cut). */
	cut: number;
	/** Listings or metadata that could not be read (URL: reason); the walk goes on without them. */
	failures: string[];
}

const enc = (p: string) => p.split('/').filter(Boolean).map(encodeURIComponent).join('/');
const trim = (u: string) => u.replace(/\/+$/, '');

function scoreShape(c: Candidate, shape: TableShape, stems: readonly string[]): void {
	c.variables = shape.variables.map((v) => ({ code: v.code, text: v.text ?? v.code }));
	c.values = [];
	for (const v of shape.variables)
		(v.texts ?? []).forEach((t, i) => {
			const s = matchedStems(t, stems);
			if (s.length) c.values.push({ variable: v.code, code: v.values[i], text: t, stems: s });
		});
	const inValues = new Set(c.values.flatMap((m) => m.stems));
	const inVarTexts = new Set(shape.variables.flatMap((v) => matchedStems(v.text ?? '', stems)));
	c.score = new Set([...c.titleStems, ...inVarTexts]).size + 2 * inValues.size;
	c.metadataRead = true;
}

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.table.localeCompare(b.table);

export async function discoverTables(o: DiscoverOptions): Promise<DiscoverResult> {
	return o.api === 'pxweb-v1' ? discoverV1(o) : discoverV2(o);
}

async function discoverV1(o: DiscoverOptions): Promise<DiscoverResult> {
	const maxFolders = o.maxFolders ?? 60;
	const maxDepth = o.maxDepth ?? 4;
	const root = `${trim(o.baseUrl)}/${encodeURIComponent(o.lang)}`;
	const queue: { path: string; depth: number }[] = [{ path: (o.start ?? '').replace(/^\/+|\/+$/g, ''), depth: 0 }];
	const tables: Candidate[] = [];
	let foldersRead = 0;
	let cut = 0;
	const failures: string[] = [];
	while (queue.length) {
		const f = queue.shift()!;
		if (foldersRead >= maxFolders) {
			cut++;
			continue;
		}
		const url = f.path ? `${root}/${enc(f.path)}` : root;
		let listing: unknown;
		try {
			listing = await o.get(url);
		} catch (e) {
			failures.push(`${url}: ${msg(e)}`);
			continue;
		}
		foldersRead++;
		if (!Array.isArray(listing)) {
			failures.push(`${url}: not a PxWeb v1 folder listing (expected an array)`);
			continue;
		}
		for (const item of listing) {
			if (!isObj(item)) continue;
			// The language root lists databases as {dbid, text}.
			const id = String(item.id ?? item.dbid ?? '');
			if (!id) continue;
			const p = f.path ? `${f.path}/${id}` : id;
			const text = String(item.text ?? id);
			if (item.type === 't') tables.push({ table: p, title: text, titleStems: matchedStems(text, o.stems), values: [], variables: [], score: 0, metadataRead: false });
			else if (f.depth + 1 <= maxDepth) queue.push({ path: p, depth: f.depth + 1 });
			else cut++;
		}
	}
	for (const t of tables) t.score = t.titleStems.length;
	const toRead = [...tables].sort(byScore).slice(0, o.maxMetadata ?? 8);
	let read = 0;
	for (const t of toRead) {
		const url = `${root}/${enc(t.table)}`;
		try {
			scoreShape(t, shapeFromCube(readPxWebMetadata(await o.get(url), url, { lang: o.lang })), o.stems);
			read++;
		} catch (e) {
			t.metadataError = msg(e);
			failures.push(`${url}: ${msg(e)}`);
		}
	}
	return { candidates: tables.filter((t) => t.score > 0).sort(byScore), foldersRead, tablesListed: tables.length, metadataRead: read, cut, failures };
}

async function discoverV2(o: DiscoverOptions): Promise<DiscoverResult> {
	const base = trim(o.baseUrl);
	const found = new Map<string, Candidate>();
	let listings = 0;
	for (const stem of o.stems.slice(0, 4)) {
		const ans = await o.get(`${base}/tables?query=${encodeURIComponent(stem)}*&lang=${encodeURIComponent(o.lang)}&pageSize=50`);
		listings++;
		if (!isObj(ans) || !Array.isArray(ans.tables)) throw new Error(`${base}/tables: not a PxWebApi 2 table list (expected {tables: [...]})`);
		for (const t of ans.tables) {
			if (!isObj(t) || typeof t.id !== 'string') continue;
			const title = String(t.label ?? t.id);
			if (!found.has(t.id)) found.set(t.id, { table: t.id, title, titleStems: matchedStems(title, o.stems), values: [], variables: [], score: 0, metadataRead: false });
		}
	}
	const tables = [...found.values()];
	for (const t of tables) t.score = t.titleStems.length;
	const toRead = [...tables].sort(byScore).slice(0, o.maxMetadata ?? 8);
	const failures: string[] = [];
	let read = 0;
	for (const t of toRead) {
		const url = `${base}/tables/${encodeURIComponent(t.table)}/metadata?lang=${encodeURIComponent(o.lang)}`;
		try {
			scoreShape(t, shapeFromV2Metadata(await o.get(url), url), o.stems);
			read++;
		} catch (e) {
			t.metadataError = msg(e);
			failures.push(`${url}: ${msg(e)}`);
		}
	}
	return { candidates: tables.filter((t) => t.score > 0).sort(byScore), foldersRead: listings, tablesListed: tables.length, metadataRead: read, cut: 0, failures };
}
