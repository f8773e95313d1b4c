import { browser } from '$app/environment';
import { coordinator } from '$lib/data/coordinator.svelte';

/**
 * In the browser this runs before hydration: the page is already painted from its prerendered
 * HTML, so the DuckDB engine can start downloading now rather than after the page mounts.
 */
export function load({ data }) {
	if (browser) void coordinator.start().catch(() => {});
	return data;
}
