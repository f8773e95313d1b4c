import { describe, expect, it } from 'vitest';
import { periodRange } from '$lib/view/period-range';
import { exportHeading, geography } from '$lib/export/heading';
import { shortCounty } from '$lib/export/pptx';
import type { Observation } from '$lib/data/observation';
import { obsRow } from '../../helpers/obs-row';

const row = (o: Partial<Observation>): Observation => obsRow({ value: 12.9, ci_low: 12.5, ci_high: 13.3, n: 30000, ...o });

describe('exportHeading: an exported chart names what it shows', () => {
	const names = { indicatorName: (id: string) => ({ no_confidant: 'Andel som inte har någon att anförtro sig åt' })[id], regionName: (c: string) => ({ '21': 'Gävleborgs län', '01': 'Stockholms län' })[c] };
	const base = { title: 'Utveckling över tid', subtitle: '', rowLabel: () => 'Alla', lang: 'sv' as const };

	it('one indicator: its name is the title; place, sex, group and period in the subtitle', () => {
		const rows = [row({ region_code: '21', period_start: 2021, period_end: 2024 }), row({ region_code: '00', period_start: 2021, period_end: 2024 })];
		const h = exportHeading({ ...base, rows, period: periodRange(rows, 'sv') }, names);
		expect(h.title).toBe('Andel som inte har någon att anförtro sig åt');
		expect(h.subtitle).toBe('Utveckling över tid · Gävleborgs län och riket · Kvinnor och män · hela befolkningen · Period: 2021–2024');
	});

	it('several indicators: the chart title and the place', () => {
		const rows = [row({ region_code: '21' }), row({ region_code: '21', indicator_id: 'trust_others' })];
		expect(exportHeading({ ...base, title: 'Länet jämfört med riket', rows, period: '2024' }, names).title).toBe('Länet jämfört med riket: Gävleborgs län');
	});

	it('a group and one sex are named', () => {
		const rows = [row({ sex: 'K', group_dim: 'education', group_code: 'post', region_code: '00' })];
		const h = exportHeading({ ...base, rows, period: '2024', rowLabel: () => 'Eftergymnasial utbildning', lang: 'en' }, names);
		expect(h.subtitle).toBe('Utveckling över tid · Sweden · Women · Eftergymnasial utbildning · Period: 2024');
	});

	it('many counties are counted, not listed', () => {
		const rows = ['01', '03', '04', '05', '21', '00'].map((c) => row({ region_code: c }));
		expect(geography(rows, names, 'sv')).toBe('5 län och riket');
		expect(geography(rows, names, 'en')).toBe('5 counties and Sweden');
		expect(geography([row({ region_code: '21' })], names, 'en')).toBe('Gävleborgs län');
	});
});

describe('shortCounty', () => {
	it('drops "län" and the genitive s for crowded axes', () => {
		expect(shortCounty('Gävleborgs län')).toBe('Gävleborg');
		expect(shortCounty('Västra Götalands län')).toBe('Västra Götaland');
		expect(shortCounty('Skåne län')).toBe('Skåne');
		expect(shortCounty('Gävleborg County')).toBe('Gävleborg');
	});
});
