/**
 * Excel → CSV off the main thread (exceljs parses the whole workbook, which would freeze the tab
 * for a large file). Receives { bytes, name }, answers { csv } or { error } (one line).
 */
import ExcelJS from 'exceljs';
import { xlsxToCsv } from './tabular';

self.onmessage = async (e: MessageEvent<{ bytes: ArrayBuffer; name: string }>) => {
	try {
		const { csv } = await xlsxToCsv(e.data.bytes, e.data.name, ExcelJS);
		self.postMessage({ csv });
	} catch (err) {
		self.postMessage({ error: err instanceof Error ? err.message : String(err) });
	}
};
