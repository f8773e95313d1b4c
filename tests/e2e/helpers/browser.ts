/**
 * Browser-test harness: the built site served by our static server (ranges, clean URLs,
 * precompressed files, like a real static host) — or by a real nginx with deploy/nginx.conf
 * when E2E_SERVER=nginx (the `e2e-nginx` vitest project) — and Debian's Chromium driven by
 * playwright-core. Every page records requests to other origins and console errors, so each
 * test can assert there were none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type RunningServer } from '../../../scripts/static-server.ts';
import { startNginx } from './nginx.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const buildDir = path.join(repoRoot, process.env.BUILD_DIR ?? 'build');

export const CHROMIUM_ARGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
	for (const c of candidates) if (fs.existsSync(c)) return c;
	try {
		return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error('Chromium not found: install Debian\'s "chromium" package (apt-get install -y chromium) or set CHROMIUM_PATH');
	}
}

/** The three screens #20's journeys are tested on: a phone, a laptop and a 1080p projector. */
export const JOURNEY_SIZES = [
	{ width: 390, height: 844 },
	{ width: 1280, height: 800 },
	{ width: 1920, height: 1080 }
] as const;

export interface Harness {
	server: RunningServer;
	browser: Browser;
	context: BrowserContext;
	/** Requests the pages made to any origin other than the server's. */
	foreignRequests: string[];
	consoleErrors: string[];
	/** Every Content-Security-Policy violation any page reported (securitypolicyviolation events and console messages). */
	cspViolations: string[];
	open(pathname: string): Promise<Page>;
	close(): Promise<void>;
}

/** Which server the browser tests run against: ours (default) or nginx with deploy/nginx.conf. */
export const serverKind: 'node' | 'nginx' = process.env.E2E_SERVER === 'nginx' ? 'nginx' : 'node';

export function startServer(): Promise<RunningServer> {
	return serverKind === 'nginx' ? startNginx(buildDir) : startStaticServer({ root: buildDir });
}

export async function startHarness(): Promise<Harness> {
	if (!fs.existsSync(path.join(buildDir, 'index.html'))) throw new Error(`no built site in ${buildDir}: run "npm run build" first`);
	const server = await startServer();
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
	const foreignRequests: string[] = [];
	const consoleErrors: string[] = [];
	const cspViolations: string[] = [];
	// Init scripts and bindings run outside the page's CSP, so they see every violation.
	await context.exposeBinding('__reportCspViolation', ({ page }, v: string) => void cspViolations.push(`${new URL(page.url()).pathname}: ${v}`));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
			report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
		});
	});
	const origin = new URL(server.url).origin;
	context.on('request', (req) => {
		const u = req.url();
		if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
	});
	return {
		server,
		browser,
		context,
		foreignRequests,
		consoleErrors,
		cspViolations,
		async open(pathname) {
			const page = await context.newPage();
			page.on('console', (msg) => {
				if (msg.type() === 'error') consoleErrors.push(`${pathname}: ${msg.text()}`);
				if (/Content.Security.Policy/i.test(msg.text())) cspViolations.push(`${pathname}: console: ${msg.text()}`);
			});
			page.on('pageerror', (err) => consoleErrors.push(`${pathname}: ${err.message}`));
			await page.goto(server.url + pathname, { waitUntil: 'load' });
			return page;
		},
		async close() {
			await context.close();
			await browser.close();
			await server.close();
		}
	};
}

/** CSV parsing for tests: the same RFC 4180 parser the exports are checked with (independent of the pipeline's reader). */
export { parseCsv } from '../../../src/lib/export/csv.ts';
