/**
 * Writes the output of `npm run pipeline -- fetch --dry-run` for every indicator into the
 * README (between the fetch-dry-run markers), so the README shows what a fetch sends and keeps
 * without being hand-written. Run by `npm run docs`; `--check` fails if the README is stale.
 * The year is fixed in the marker (Kolada's year range runs to "this year").
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../pipelines/catalog/load.ts';
import { planFetch } from '../pipelines/commands/fetch.ts';
import { dryRunText } from '../pipelines/commands/fetch-dry-run.ts';
import { repoRoot } from '../pipelines/paths.ts';

export const README = path.join(repoRoot, 'README.md');
const START = /<!-- fetch-dry-run:start year=(\d{4}) -->\n/;
const END = '<!-- fetch-dry-run:end -->';

/** The README with its dry-run block regenerated for the year in the start marker. */
export function withDryRun(readme: string, catalogDir?: string): string {
	const m = START.exec(readme);
	const end = readme.indexOf(END);
	if (!m || end < m.index) throw new Error(`README.md: no "<!-- fetch-dry-run:start year=YYYY -->" … "${END}" block`);
	const year = Number(m[1]);
	const c = loadCatalog(catalogDir);
	const text = dryRunText(planFetch(c.indicators, { publishers: c.publishers, municipalities: c.municipalities, env: {}, now: new Date(Date.UTC(year, 6, 1)) }));
	const block = `\`\`\`text\n$ npm run pipeline -- fetch --dry-run --year ${year}\n${text}\`\`\`\n`;
	return readme.slice(0, m.index + m[0].length) + block + readme.slice(end);
}

function main(): number {
	const before = fs.readFileSync(README, 'utf8');
	const after = withDryRun(before);
	if (process.argv.includes('--check')) {
		if (after !== before) {
			process.stderr.write('README.md: the fetch dry-run block is out of date; run npm run docs\n');
			return 1;
		}
		return 0;
	}
	if (after !== before) fs.writeFileSync(README, after);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
