/**
 * Renders pages with the site's own built server code (SvelteKit's `Server` from
 * `.svelte-kit/output/server`, the same code prerendering runs) over a data folder other than
 * static/data — ENSAMHET_OUT_DIR, as the pipeline writes it. Run as a child process so that the
 * data folder is read fresh: `node --import tsx render-with-data.ts /path /en/path …`.
 * Prints `{ "<path>": { "status": 200, "html": "…" } }` as JSON on stdout.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const serverDir = path.resolve(import.meta.dirname, '../../../.svelte-kit/output/server');

async function main(paths: string[]) {
	if (!process.env.ENSAMHET_OUT_DIR) throw new Error('render-with-data: set ENSAMHET_OUT_DIR to the data folder to render from');
	const { Server } = (await import(pathToFileURL(path.join(serverDir, 'index.js')).href)) as { Server: new (m: unknown) => KitServer };
	// manifest-full lists every route; manifest.js leaves out the prerendered ones.
	const { manifest } = (await import(pathToFileURL(path.join(serverDir, 'manifest-full.js')).href)) as { manifest: unknown };
	const server = new Server(manifest);
	await server.init({ env: {} });
	const out: Record<string, { status: number; html: string }> = {};
	for (const p of paths) {
		const res = await server.respond(new Request(`http://localhost${p}`), { getClientAddress: () => '127.0.0.1' });
		out[p] = { status: res.status, html: await res.text() };
	}
	process.stdout.write(JSON.stringify(out));
}

interface KitServer {
	init(o: { env: Record<string, string> }): Promise<void>;
	respond(r: Request, o: { getClientAddress: () => string }): Promise<Response>;
}

await main(process.argv.slice(2));
