import { langOf } from '$lib/i18n/messages';
import { counties } from '$lib/server/catalog';

export function load({ params }) {
	return { lang: langOf(params.lang), regions: counties() };
}
