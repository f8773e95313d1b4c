/** Rows from a user's own survey file are exported as own data, never as published statistics. */
import { describe, expect, it } from 'vitest';
import type { Observation } from '$lib/data/observation';
import { csvRows } from '$lib/export/csv';

const row = (source_id: string, is_demo = false): Observation => ({
	indicator_id: 'no_confidant', region_code: '01', period_start: 2024, period_end: 2024, sex: 'T', group_dim: 'total', group_code: 'total',
	value: 12.5, ci_low: 11, ci_high: 14, n: 900, status: null, source_id, is_demo
});

describe('data_type of own rows', () => {
	it('the page\'s rows (source "own") and pipeline-estimated extracts ("own-<file>") say own data', () => {
		const [page, site, published, demo] = csvRows([row('own'), row('own-liv-och-halsa'), row('fohm-hlv'), row('demo-x', true)], { lang: 'sv' });
		expect(page.data_type).toBe('Egna data, inte officiell statistik');
		expect(site.data_type).toBe('Egna data, inte officiell statistik');
		expect(published.data_type).toBe('Publicerad statistik');
		expect(demo.data_type).toBe('Exempeldata');
		expect(csvRows([row('own')], { lang: 'en' })[0].data_type).toBe('Own data, not official statistics');
		expect(csvRows([row('owner-registry')], { lang: 'sv' })[0].data_type).toBe('Publicerad statistik');
	});
});
