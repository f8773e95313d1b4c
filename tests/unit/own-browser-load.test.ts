/** /egna-data's file intake refuses what it cannot read before touching the engine (src/lib/own/browser-load.ts). */
import { describe, expect, it } from 'vitest';
import { loadBrowserFile, MAX_BYTES } from '../../src/lib/own/browser-load';
import type { BrowserDb } from '../../src/lib/data/duckdb-browser';

const noEngine = new Proxy({} as BrowserDb, {
	get() {
		throw new Error('the engine must not be touched');
	}
});
const file = (name: string, size: number) => ({ name, size }) as File;

describe('loadBrowserFile', () => {
	it('a file over the browser limit is refused with its size, the limit and the way out', async () => {
		await expect(loadBrowserFile(noEngine, file('huge.csv', 500 * 2 ** 20))).rejects.toThrow(
			`huge.csv: too large for the browser (500 MB; the limit is ${MAX_BYTES / 2 ** 20} MB, set by the browser's memory for WebAssembly). Use the command line: npm run pipeline -- estimate`
		);
	});
	it('SPSS, unknown types and empty files get their own messages', async () => {
		await expect(loadBrowserFile(noEngine, file('a.sav', 10))).rejects.toThrow('a.sav: unreadable: SPSS .sav files are read by the command line');
		await expect(loadBrowserFile(noEngine, file('a.pdf', 10))).rejects.toThrow('a.pdf: unreadable: unknown file type');
		await expect(loadBrowserFile(noEngine, file('a.csv', 0))).rejects.toThrow('a.csv: unreadable: the file is empty');
	});
});
