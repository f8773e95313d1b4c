/**
 * `npm run pipeline -- [command] [args]`
 *   (no command) | data    read data/raw + data/catalog, write static/data (no network)
 *   convert <file-or-url> [--lang sv|en] [--lenient]   print one source table as JSON-stat 2.0
 *   fetch [indicator …] [--dry-run]   fetch the indicators' source tables, save raw answers, rebuild
 *   discover <indicator>   propose source tables whose texts match the indicator's wording
 *   estimate <file> …      respondent-level survey file → indicator estimates with design-based CIs
 * Each command lives in pipelines/commands/<name>.ts and exports `run(args): Promise<number>`
 * (the exit code), so commands load only what they need.
 */
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
	data: () => import('./commands/make-data.ts'),
	convert: () => import('./commands/convert.ts'),
	fetch: () => import('./commands/fetch.ts'),
	discover: () => import('./commands/discover.ts'),
	estimate: () => import('./commands/estimate.ts')
};

const [first, ...rest] = process.argv.slice(2);
const command = first && !first.startsWith('-') ? first : 'data';
const args = command === first ? rest : process.argv.slice(2);
const load = commands[command];
if (!load) {
	process.stderr.write(`error: unknown command "${command}" (expected one of: ${Object.keys(commands).join(', ')})\n`);
	process.exit(2);
}
try {
	process.exitCode = await (await load()).run(args);
} catch (err) {
	process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exitCode = 1;
}

export {};
