// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/**
		 * Shallow-routing state of a history entry. The indicator page keeps each filter change's
		 * query string here (pushState), because SvelteKit restores page.url to the page's own URL
		 * on back/forward: the state says which view that entry showed.
		 */
		interface PageState {
			search?: string;
		}
	}
}

export {};
