/**
 * A real nginx serving build/ with the repository's deploy/nginx.conf: the test writes a main
 * config around it (load_module for brotli_static, pid/temp/log paths in a temp folder) and
 * swaps in its root and a free loopback port. nginx runs as a non-daemon, single-process child
 * (master_process off), so killing that one process leaves nothing behind.
 *
 * Nothing is skipped: without nginx or its brotli_static module this throws and says what to
 * install (`.ci/run` installs both on a clean machine).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { RunningServer } from '../../../scripts/static-server.ts';

export const DEPLOY_CONF = path.resolve(import.meta.dirname, '../../../deploy/nginx.conf');
const INSTALL = 'install Debian\'s "nginx" and "libnginx-mod-http-brotli-static" (apt-get install -y nginx libnginx-mod-http-brotli-static), or set NGINX_PATH';

export function nginxPath(): string {
	for (const c of [process.env.NGINX_PATH, '/usr/sbin/nginx'].filter(Boolean) as string[]) if (fs.existsSync(c)) return c;
	try {
		return execFileSync('which', ['nginx'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error(`nginx not found at /usr/sbin/nginx or on PATH: ${INSTALL}`);
	}
}

export function brotliModulePath(): string {
	const candidates = [process.env.NGINX_BROTLI_MODULE, '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so', '/usr/share/nginx/modules/ngx_http_brotli_static_module.so'].filter(Boolean) as string[];
	const found = candidates.find((c) => fs.existsSync(c));
	if (!found) throw new Error(`nginx's brotli_static module not found (${candidates.join(', ')}): ${INSTALL}`);
	return found;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(port));
		});
	});
}

/** deploy/nginx.conf with its root and listen lines replaced; everything else as documented. */
export function siteConfig(root: string, port: number): string {
	const conf = fs.readFileSync(DEPLOY_CONF, 'utf8');
	const withRoot = conf.replace(/^(\s*)root\s+[^;]+;/m, `$1root ${root};`);
	const withListen = withRoot.replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${port};`);
	if (withRoot === conf || withListen === withRoot) throw new Error(`${DEPLOY_CONF}: expected one "root …;" and one "listen …;" line in the server block`);
	return withListen;
}

function mainConfig(tmp: string, root: string, port: number): string {
	const t = (name: string) => path.join(tmp, name);
	return `load_module ${brotliModulePath()};
daemon off;
master_process off;
worker_processes 1;
pid ${t('nginx.pid')};
error_log ${t('error.log')} warn;
events { worker_connections 128; }
http {
    access_log off;
    sendfile on;
    client_body_temp_path ${t('body')};
    proxy_temp_path ${t('proxy')};
    fastcgi_temp_path ${t('fastcgi')};
    uwsgi_temp_path ${t('uwsgi')};
    scgi_temp_path ${t('scgi')};
${siteConfig(root, port)}
}
`;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}): ${log()}`);
		const ok = await new Promise<boolean>((r) => {
			const s = net.connect(port, '127.0.0.1');
			s.once('connect', () => (s.destroy(), r(true)));
			s.once('error', () => r(false));
		});
		if (ok) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`nginx did not listen on 127.0.0.1:${port} within 15 s: ${log()}`);
}

export async function startNginx(root: string): Promise<RunningServer & { config: string }> {
	const bin = nginxPath();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensamhet-nginx-'));
	let lastError: unknown;
	// The free port is found by binding and releasing it; another test may take it in between, so try again.
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const config = path.join(tmp, 'nginx.conf');
		fs.writeFileSync(config, mainConfig(tmp, path.resolve(root), port));
		let stderr = '';
		const child = spawn(bin, ['-p', tmp, '-c', config, '-e', path.join(tmp, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
		child.stderr!.on('data', (d) => (stderr += d));
		const log = () => `${stderr}${fs.existsSync(path.join(tmp, 'error.log')) ? fs.readFileSync(path.join(tmp, 'error.log'), 'utf8') : ''}`.trim();
		const killOnExit = () => child.kill('SIGKILL');
		process.once('exit', killOnExit);
		try {
			await waitForPort(port, child, log);
		} catch (err) {
			child.kill('SIGKILL');
			process.off('exit', killOnExit);
			lastError = err;
			if (/Address already in use/.test(log())) continue;
			throw err;
		}
		const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
		return {
			url: `http://127.0.0.1:${port}`,
			port,
			config,
			async close() {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
				await exited;
				clearTimeout(timer);
				process.off('exit', killOnExit);
				fs.rmSync(tmp, { recursive: true, force: true });
			}
		};
	}
	throw lastError;
}
