/** Prerendered deck data: /bildspel/region-21.json etc., fetched when someone asks for slides. */
import { error, json } from '@sveltejs/kit';
import { deckData, deckEntries } from '$lib/server/deck';

export const prerender = true;
export const entries = deckEntries;

export async function GET({ params }) {
	const data = await deckData(params.key);
	if (!data) error(404, `Bildspelet ${params.key} finns inte`);
	return json(data);
}
