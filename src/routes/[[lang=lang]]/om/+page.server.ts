import { langOf } from '$lib/i18n/messages';
import { readDataJson } from '$lib/server/db';
import { sources } from '$lib/server/pages';

export async function load({ params }) {
	return { lang: langOf(params.lang), sources: sources(), manifest: readDataJson<{ built_at: string; counts: Record<string, number> }>('manifest.json') };
}
