/**
 * Writes the coverage table (real and example cells per indicator × level × breakdown) from
 * static/data/coverage.json into README.md between
 *   <!-- coverage:start --> … <!-- coverage:end -->
 * Run after `npm run pipeline`: `node --import tsx scripts/coverage-table.ts` (part of `npm run docs`;
 * `--check` exits 1 if the README is out of date instead of writing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageMarkdown, type CoverageRow } from '../src/lib/view/coverage.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- coverage:start -->';
const END = '<!-- coverage:end -->';

export function coverageSection(dataDir: string): string {
	const rows = JSON.parse(fs.readFileSync(path.join(dataDir, 'coverage.json'), 'utf8')) as CoverageRow[];
	const indicators = JSON.parse(fs.readFileSync(path.join(dataDir, 'indicators.json'), 'utf8')) as { id: string; short: { en: string } }[];
	const names = Object.fromEntries(indicators.map((i) => [i.id, i.short.en]));
	const real = rows.reduce((n, r) => n + r.real_cells, 0);
	const example = rows.reduce((n, r) => n + r.example_cells, 0);
	return (
		`Generated from \`static/data/coverage.json\` (written by \`npm run pipeline\`; the About page shows the same table): ${real} real and ${example} example cells with a value. ` +
		'Within an indicator, level and period the values are all real or all example data.\n\n' +
		coverageMarkdown(rows, names, 'en')
	);
}

function main(): number {
	const readme = path.join(root, 'README.md');
	const text = fs.readFileSync(readme, 'utf8');
	const a = text.indexOf(START);
	const b = text.indexOf(END);
	if (a < 0 || b < a) {
		process.stderr.write(`README.md has no ${START} … ${END} markers\n`);
		return 1;
	}
	const next = text.slice(0, a + START.length) + '\n' + coverageSection(path.join(root, 'static/data')) + text.slice(b);
	if (process.argv.includes('--check')) {
		if (next !== text) {
			process.stderr.write('README.md coverage table is out of date: run npm run docs\n');
			return 1;
		}
		return 0;
	}
	fs.writeFileSync(readme, next);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
