/**
 * The indicator page's first paint (its +page.server.ts, run here as the build runs it) and its
 * later views in the browser come from the same function, `indicatorData`, and so the same query
 * text: the build's engine records every SQL text it is asked to run, and a second, separate
 * engine (standing in for the browser's) given the default view by `indicatorData` must be asked
 * the same view query and give the same rows the page was prerendered with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cached, type Engine } from '../../../src/lib/data/engine';
import type { IndicatorMeta } from '../../../src/lib/data/catalog';
import { indicatorData } from '../../../src/lib/view/indicator-data';
import { defaultView } from '../../../src/lib/view/indicator-state';

const recorded = vi.hoisted(() => ({ build: [] as string[] }));

vi.mock('$lib/server/db', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../../src/lib/server/db')>();
	const engine: Engine = {
		load: (id) => real.nodeEngine.load(id),
		query: (sql) => {
			recorded.build.push(sql);
			return real.nodeEngine.query(sql);
		}
	};
	return { ...real, nodeEngine: engine };
});

const root = path.resolve(import.meta.dirname, '../../..');

async function recording(into: string[]): Promise<Engine> {
	const { createNodeEngine } = await vi.importActual<typeof import('../../../src/lib/server/db')>('$lib/server/db');
	const inner = cached(createNodeEngine(path.join(root, 'static/data')));
	return { load: (id) => inner.load(id), query: (sql) => (into.push(sql), inner.query(sql)) };
}

describe('first paint and browser views share one function and one query', () => {
	it.each(['no_confidant', 'trust_others'])('%s: the prerendered rows are what indicatorData gives any engine for the default view', async (id) => {
		const { load } = await import('../../../src/routes/[[lang=lang]]/indikator/[id]/+page.server');
		recorded.build.length = 0;
		const page = (await load({ params: { id, lang: undefined } } as never)) as Awaited<ReturnType<typeof load>>;

		const browserSql: string[] = [];
		const indicator = page.indicator as IndicatorMeta;
		const view = defaultView(page.options);
		const browser = await indicatorData(await recording(browserSql), indicator, view);

		// The one view query the browser runs is among the build's queries, text for text.
		expect(browserSql).toHaveLength(1);
		expect(recorded.build).toContain(browserSql[0]);
		expect(browserSql[0]).toMatch(/FROM obs_/);
		// And the rows the page was prerendered with are the browser's rows.
		expect(page.charts.trend.rows).toEqual(browser.trend);
		expect(page.charts.groups.rows).toEqual(browser.groups);
		expect(page.charts.regions.rows).toEqual(browser.counties);
		expect(page.charts.regions.options.outcomes).toEqual(browser.outcomes);
		expect(browser.counties.length).toBe(22);
		expect(browser.trend.length).toBeGreaterThan(3);
	});

	it('the page calls the same function with the browser engine (source check)', () => {
		const svelte = fs.readFileSync(path.join(root, 'src/routes/[[lang=lang]]/indikator/[id]/+page.svelte'), 'utf8');
		const server = fs.readFileSync(path.join(root, 'src/routes/[[lang=lang]]/indikator/[id]/+page.server.ts'), 'utf8');
		expect(svelte).toMatch(/indicatorData\(coordinator, /);
		expect(server).toMatch(/indicatorData\(nodeEngine, /);
		for (const src of [svelte, server]) expect(src).not.toMatch(/\bSELECT\b|indicatorViewQuery/);
	});
});
