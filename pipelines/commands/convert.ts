/**
 * `convert <file-or-url> [--lang sv|en] [--lenient]`: any source table → one JSON-stat 2.0
 * dataset on stdout. The point is a quick, format-independent look at what a reader made
 * of a file, and a way to diff our reading against an agency's own JSON-stat.
 *
 * Exit codes: 0 converted (warnings on stderr under --lenient), 1 the file was rejected
 * (one `error: <file>:<line>: <KEYWORD>: …` line per problem), 2 bad usage.
 * Non-PX readers are loaded lazily by path, so convert works while they are being written
 * and reports "reader … not available" until they exist.
 */
import { readFile } from 'node:fs/promises';
import type { Cube } from '../cube/model.ts';
import { ReadError, formatProblem, type Problem } from '../cube/errors.ts';
import { cubeToJsonStat } from '../cube/to-jsonstat.ts';
import { detectFormat, type Format } from '../read/detect.ts';
import { readPx } from '../read/px/index.ts';

interface Options {
	input: string;
	lang?: string;
	lenient: boolean;
}

const USAGE = 'usage: npm run pipeline -- convert <file-or-url> [--lang sv|en] [--lenient]';

class UsageError extends Error {}
/** A problem already formatted for stderr; exit 1. */
class Rejected extends Error {
	constructor(readonly problems: Problem[]) {
		super(problems.map(formatProblem).join('\n'));
	}
}

export async function run(args: string[]): Promise<number> {
	let options: Options;
	try {
		options = parseArgs(args);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
		return 2;
	}
	try {
		const bytes = await load(options.input);
		const { cube, warnings } = await readAny(options, bytes);
		const lang = chooseLanguage(cube, options);
		for (const w of warnings) process.stderr.write(`${formatProblem(w)}\n`);
		process.stdout.write(`${JSON.stringify(cubeToJsonStat(cube, lang))}\n`);
		return 0;
	} catch (e) {
		if (e instanceof UsageError) {
			process.stderr.write(`error: ${e.message}\n`);
			return 2;
		}
		if (e instanceof ReadError || e instanceof Rejected) {
			for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
			return 1;
		}
		throw e;
	}
}

function parseArgs(args: string[]): Options {
	let input: string | undefined;
	let lang: string | undefined;
	let lenient = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--lenient') lenient = true;
		else if (a === '--lang') {
			lang = args[++i];
			if (!lang || lang.startsWith('-')) throw new UsageError('--lang needs a language code, e.g. --lang sv');
		} else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
		else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
		else if (input === undefined) input = a;
		else throw new UsageError(`unexpected argument ${a} (only one file or URL)`);
	}
	if (!input) throw new UsageError('missing file or URL to convert');
	return { input, lang, lenient };
}

function isUrl(s: string): boolean {
	return /^https?:\/\//i.test(s);
}

async function load(input: string): Promise<Uint8Array> {
	if (isUrl(input)) {
		let res: Response;
		try {
			res = await fetch(input);
		} catch (e) {
			throw reject(input, 'fetch', `could not fetch: ${e instanceof Error ? e.message : String(e)}`);
		}
		if (!res.ok) throw reject(input, 'fetch', `HTTP ${res.status} ${res.statusText}`);
		return new Uint8Array(await res.arrayBuffer());
	}
	try {
		return new Uint8Array(await readFile(input));
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new UsageError(`${input}: no such file`);
		if (code === 'EISDIR') throw new UsageError(`${input}: is a directory, not a file`);
		throw new UsageError(`${input}: cannot read (${code ?? String(e)})`);
	}
}

function reject(file: string, where: string, message: string): Rejected {
	return new Rejected([{ severity: 'error', file, line: 0, where, message }]);
}

async function readAny(o: Options, bytes: Uint8Array): Promise<{ cube: Cube; warnings: Problem[] }> {
	const format = detectFormat(o.input, bytes);
	switch (format) {
		case 'px':
			return readPx(bytes, { origin: o.input, lenient: o.lenient });
		case 'json-stat':
			return readJsonStatFile(o, bytes);
		case 'pxweb-json': {
			const mod = await importReader(o.input, format, '../read/pxweb-json.ts');
			const read = mod.readPxWebJson as (a: unknown, opts: { origin: string; lenient?: boolean }) => { cube: Cube; warnings: Problem[] };
			return read(parseJson(o.input, bytes), { origin: o.input, lenient: o.lenient });
		}
		case 'pxweb-metadata':
			throw reject(o.input, 'format', 'this is PxWeb table metadata without data; convert a data answer instead');
		case 'csv':
			throw reject(o.input, 'format', 'reader for csv not available');
		default:
			throw reject(o.input, 'format', 'not a PX, JSON-stat or PxWeb JSON file');
	}
}

/** A JSON-stat collection converts only when it holds exactly one dataset (one output dataset). */
async function readJsonStatFile(o: Options, bytes: Uint8Array): Promise<{ cube: Cube; warnings: Problem[] }> {
	const mod = await importReader(o.input, 'json-stat', '../read/jsonstat.ts');
	const read = mod.readJsonStat as (i: unknown, opts: { origin: string; lenient?: boolean }) => { cubes: Cube[]; warnings: Problem[] };
	const { cubes, warnings } = read(new TextDecoder('utf-8').decode(bytes), { origin: o.input, lenient: o.lenient });
	if (cubes.length !== 1) {
		throw reject(o.input, 'format', `holds ${cubes.length} datasets; convert prints exactly one (split the collection first)`);
	}
	return { cube: cubes[0], warnings };
}

async function importReader(file: string, format: Format, specifier: string): Promise<Record<string, unknown>> {
	const url = new URL(specifier, import.meta.url);
	try {
		return (await import(url.href)) as Record<string, unknown>;
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const missing = code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(url.pathname.split('/').pop()!);
		if (missing) throw reject(file, 'format', `reader for ${format} not available`);
		throw e;
	}
}

function parseJson(file: string, bytes: Uint8Array): unknown {
	try {
		return JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
	} catch (e) {
		throw reject(file, 'JSON', e instanceof Error ? e.message : String(e));
	}
}

function chooseLanguage(cube: Cube, o: Options): string {
	if (o.lang === undefined) return cube.defaultLanguage;
	if (cube.languages.includes(o.lang)) return o.lang;
	throw reject(o.input, 'LANGUAGE', `language "${o.lang}" is not in the file; available: ${cube.languages.join(', ')}`);
}
