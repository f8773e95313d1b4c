import { langOf } from '$lib/i18n/messages';
import { readDataJson } from '$lib/server/db';
import { indicators, sources } from '$lib/server/pages';
import type { CoverageRow } from '$lib/view/coverage';

interface Manifest {
	built_at: string;
	counts: Record<string, number>;
	fetches?: { publisher?: string; fetched_at?: string; requestedAt?: string }[];
}

export async function load({ params }) {
	const manifest = readDataJson<Manifest>('manifest.json');
	return {
		lang: langOf(params.lang),
		sources: sources(),
		indicators: indicators().map((i) => ({ id: i.id, name: i.name, subgoal: i.subgoal, source: i.source, verification: i.verification })),
		coverage: readDataJson<CoverageRow[]>('coverage.json'),
		builtAt: manifest.built_at,
		counts: manifest.counts
	};
}
