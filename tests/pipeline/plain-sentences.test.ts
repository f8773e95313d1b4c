/** #20 item 8: every indicator opens with one plain sentence in each language, shorter than its definition. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../pipelines/catalog/load.ts';

describe('plain sentences in the catalog', () => {
	const { indicators } = loadCatalog();
	it.each(indicators.map((i) => [i.id, i] as const))('%s', (_id, ind) => {
		for (const lang of ['sv', 'en'] as const) {
			const plain = ind.plain?.[lang] ?? '';
			expect(plain, lang).toMatch(lang === 'sv' ? /^Visar .+\.$/ : /^Shows .+\.$/);
			// One sentence, no codes or table ids: the technical wording stays in the definition.
			expect(plain.split(/\. /)).toHaveLength(1);
			expect(plain).not.toMatch(/kod|code|Folkhälsodata|Kolada|N\d{5}|100 minus/i);
			expect(plain.length).toBeLessThan(ind.definition[lang].length + 20);
		}
	});
});
