/**
 * English forms of the publisher names that published files write in Swedish, from the catalog
 * (data/catalog/sources.yaml `name`, `short`, `terms`), so that English pages, CSV files and
 * slides never show a Swedish source name. A name the catalog cannot translate is an error: the
 * build stops and says which source and what to add, rather than showing Swedish on English pages.
 */
import type { Publisher } from './schema.ts';

/**
 * "SCB (ULF/SILC) via Nya Dagbladet" → the publisher's own statistic ("SCB (ULF/SILC)") and the
 * secondary page it was read from ("Nya Dagbladet"), which is only ever shown as "citerad i".
 */
export function splitSecondary(source: string): { primary: string; citedIn?: string } {
	const at = source.indexOf(' via ');
	if (at < 0) return { primary: source.trim() };
	return { primary: source.slice(0, at).trim(), citedIn: source.slice(at + ' via '.length).trim() };
}

/**
 * "Folkhälsomyndigheten (HLV/Nationella folkhälsoenkäten)" → "Public Health Agency of Sweden
 * (HLV/National Public Health Survey)": the publisher by its Swedish name or short form, each
 * bracketed part by the publisher's `terms`. Throws naming the part that has no English form.
 */
export function englishPublisher(sv: string, publishers: readonly Publisher[]): string {
	// A catalog name may itself hold brackets ("Statistiska centralbyrån (SCB)"): whole names first.
	const whole = publishers.find((p) => p.name.sv === sv.trim());
	if (whole) return whole.name.en;
	const m = /^([^(]+?)((?:\s*\([^)]*\))*)$/.exec(sv.trim());
	if (!m) throw new Error(`publisher "${sv}" is not of the form "Name (survey)"`);
	const name = m[1].trim();
	const own = publishers.filter((p) => p.name.sv === name || p.short?.sv === name);
	if (!own.length) throw new Error(`publisher "${name}" (in "${sv}") is neither the name nor the short form of a publisher in data/catalog/sources.yaml`);
	const en = own[0].name.sv === name ? own[0].name.en : own[0].short!.en;
	const terms = Object.assign({}, ...own.map((p) => p.terms ?? {})) as Record<string, string>;
	const parts = [...m[2].matchAll(/\(([^)]*)\)/g)].map((x) => x[1].trim());
	const enParts = parts.map((part) => {
		const t = terms[part];
		if (t === undefined) throw new Error(`"${part}" (in "${sv}") has no English form: add it under terms of publisher "${own[0].id}" in data/catalog/sources.yaml`);
		return t;
	});
	return [en, ...enParts.map((p) => `(${p})`)].join(' ');
}

/** The English fields of a published source: publisher, citation ("cited in" for a secondary page). */
export function englishPublishedSource(
	s: { source_id: string; publisher: string; title: string; cited_in?: string },
	publishers: readonly Publisher[],
	file: string
): { publisher_en: string; citation_en: string } {
	try {
		const publisher_en = englishPublisher(s.publisher, publishers);
		return { publisher_en, citation_en: `Source: ${publisher_en}, ${s.title}${s.cited_in ? `, cited in ${s.cited_in}` : ''}` };
	} catch (err) {
		throw new Error(`${file}: source "${s.publisher}" (publication "${s.title}", ${s.source_id}): ${(err as Error).message}`);
	}
}
