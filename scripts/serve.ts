/** `npm run preview` / the last step of `npm start`: serve a built folder on localhost. */
import path from 'node:path';
import { startStaticServer } from './static-server.ts';

export async function serve(dir: string, port: number): Promise<void> {
	const server = await startStaticServer({ root: path.resolve(dir), port, host: '127.0.0.1' });
	process.stdout.write(`\nEnsamhetsmonitorn körs på ${server.url}/  (English: ${server.url}/en)\nStoppa med Ctrl+C.\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv[2] ?? 'build';
	await serve(dir, Number(process.env.PORT ?? 4173));
}
