/** Names and citations for exports, from the dimension files the pipeline writes (same origin, fetched once). */
import { base } from '$app/paths';
import { citationText, type SourceMeta } from '$lib/data/catalog';
import type { Lang } from '$lib/i18n/format';

interface Named {
	name?: Record<Lang, string>;
}
export interface ExportMeta {
	indicatorName: (id: string) => string | undefined;
	regionName: (code: string) => string | undefined;
	citation: (sourceId: string) => string | undefined;
}

type SourceNames = Pick<SourceMeta, 'source_id' | 'citation' | 'citation_en' | 'publisher' | 'publisher_en'>;
let cache: Promise<{ indicators: Map<string, Named>; regions: Map<string, Named>; sources: Map<string, SourceNames> }> | undefined;

async function json<T>(path: string): Promise<T[]> {
	try {
		const res = await fetch(`${base}/data/${path}`);
		return res.ok ? ((await res.json()) as T[]) : [];
	} catch {
		return [];
	}
}

export async function loadMeta(lang: Lang): Promise<ExportMeta> {
	cache ??= Promise.all([
		json<Named & { id: string }>('indicators.json'),
		json<Named & { code: string }>('regions.json'),
		json<SourceNames>('sources.json')
	]).then(([i, r, s]) => ({
		indicators: new Map(i.map((x) => [x.id, x])),
		regions: new Map(r.map((x) => [x.code, x])),
		sources: new Map(s.map((x) => [x.source_id, x]))
	}));
	const m = await cache;
	return {
		indicatorName: (id) => m.indicators.get(id)?.name?.[lang],
		regionName: (code) => m.regions.get(code)?.name?.[lang],
		citation: (id) => {
			const s = m.sources.get(id);
			return s ? citationText(s, lang) : undefined;
		}
	};
}
