import { describe, expect, it } from 'vitest';
import { changeSinceBaseline, compareToBenchmark, describeChange, describeComparison, describeTrend, trend } from '../../../src/lib/stats';
import { est, year } from './helpers';

const NBSP = '\u00a0';
const indicator = { sv: 'Andelen som saknar någon att anförtro sig åt', en: 'The proportion with no one to confide in' };
const gavleborg = { sv: 'Gävleborgs län', en: 'Gävleborg County' };
const nation = est(12.9, 12.6, 13.2);
const opts = { polarity: 'higher-is-worse' as const, level: 0.95 as const };

describe('comparison sentences', () => {
	const worse = compareToBenchmark(est(15.2, 13.1, 17.4), nation, opts);
	it('the Gävleborg example, Swedish (no-break space before %)', () => {
		expect(describeComparison({ indicator, area: gavleborg, result: worse, lang: 'sv' })).toBe(
			`Andelen som saknar någon att anförtro sig åt är högre i Gävleborgs län än i riket (15,2${NBSP}% mot 12,9${NBSP}%, 2021–2024).`
		);
	});
	it('the Gävleborg example, English', () => {
		expect(describeComparison({ indicator, area: gavleborg, result: worse, lang: 'en' })).toBe(
			'The proportion with no one to confide in is higher in Gävleborg County than in Sweden (15.2% vs 12.9%, 2021–2024).'
		);
	});
	it('lower (better when higher is worse)', () => {
		const r = compareToBenchmark(est(10.1, 8.4, 12.0), nation, opts);
		expect(r.outcome).toBe('better');
		expect(describeComparison({ indicator, area: gavleborg, result: r, lang: 'sv' })).toContain('är lägre i Gävleborgs län än i riket');
	});
	it('similar: "skiljer sig inte säkert" / "not significantly different"', () => {
		const r = compareToBenchmark(est(13.4, 11.2, 15.8), nation, opts);
		expect(describeComparison({ indicator, area: gavleborg, result: r, lang: 'sv' })).toBe(
			`Andelen som saknar någon att anförtro sig åt i Gävleborgs län skiljer sig inte säkert från riket (13,4${NBSP}% mot 12,9${NBSP}%, 2021–2024).`
		);
		expect(describeComparison({ indicator, area: gavleborg, result: r, lang: 'en' })).toBe(
			'In Gävleborg County, the proportion with no one to confide in is not significantly different from Sweden (13.4% vs 12.9%, 2021–2024).'
		);
	});
	it('not compared: says why', () => {
		const noCi = compareToBenchmark(est(15.2, null, null), nation, opts);
		expect(describeComparison({ indicator, area: gavleborg, result: noCi, lang: 'sv' })).toBe(
			'Andelen som saknar någon att anförtro sig åt, Gävleborgs län: för osäkert för att jämföra med riket (konfidensintervall saknas, 2021–2024).'
		);
		expect(describeComparison({ indicator, area: gavleborg, result: noCi, lang: 'en' })).toBe(
			'The proportion with no one to confide in, Gävleborg County: too uncertain to compare with Sweden (no confidence interval, 2021–2024).'
		);
		const periods = compareToBenchmark(est(15.2, 13.1, 17.4), year(2024, 12.9, 12.5, 13.3), opts);
		expect(describeComparison({ indicator, area: gavleborg, result: periods, lang: 'sv' })).toBe(
			'Andelen som saknar någon att anförtro sig åt, Gävleborgs län: går inte att jämföra med riket (olika perioder: 2021–2024 mot 2024).'
		);
		const suppressed = compareToBenchmark(est(null, null, null, 2021, 2024, '..'), nation, opts);
		expect(describeComparison({ indicator, area: gavleborg, result: suppressed, lang: 'en' })).toContain('too uncertain to compare');
	});
	it('shows more decimals when a real difference would round to equal numbers', () => {
		const r = compareToBenchmark(est(12.94, 12.93, 12.95), est(12.91, 12.9, 12.92), opts);
		expect(r.outcome).toBe('worse');
		expect(describeComparison({ indicator, area: gavleborg, result: r, lang: 'en' })).toContain('(12.94% vs 12.91%');
	});
	it('another benchmark and a number unit', () => {
		const r = compareToBenchmark(est(1234.5, 1200, 1270), est(1000, 990, 1010), { polarity: 'no-judgement', level: 0.95 });
		const s = describeComparison({ indicator: { sv: 'Antalet', en: 'The number' }, area: gavleborg, benchmark: { sv: 'Uppsala län', en: 'Uppsala County' }, result: r, lang: 'sv', unit: 'number' });
		expect(s).toBe('Antalet är högre i Gävleborgs län än i Uppsala län (1\u202f234,5 mot 1\u202f000,0, 2021–2024).');
	});
});

describe('change and trend sentences', () => {
	it('change', () => {
		const r = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 14.1, 13.7, 14.5)], opts);
		expect(describeChange({ indicator, result: r, lang: 'sv' })).toBe(
			`Andelen som saknar någon att anförtro sig åt i riket har ökat sedan 2024 (2024: 12,9${NBSP}%; 2026: 14,1${NBSP}%).`
		);
		expect(describeChange({ indicator, result: r, lang: 'en' })).toBe(
			'In Sweden, the proportion with no one to confide in has increased since 2024 (2024: 12.9%; 2026: 14.1%).'
		);
	});
	it('no detectable change: "Ingen säkerställd förändring sedan 2024"', () => {
		const r = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 13.3, 12.9, 13.7)], opts);
		expect(describeChange({ indicator, result: r, lang: 'sv' })).toBe(
			`Andelen som saknar någon att anförtro sig åt i riket: ingen säkerställd förändring sedan 2024 (2024: 12,9${NBSP}%; 2026: 13,3${NBSP}%).`
		);
		expect(describeChange({ indicator, area: gavleborg, result: r, lang: 'en' })).toBe(
			'In Gävleborg County, no significant change in the proportion with no one to confide in since 2024 (2024: 12.9%; 2026: 13.3%).'
		);
	});
	it('not assessable', () => {
		const r = changeSinceBaseline([year(2024, 12.9, 12.5, 13.3), year(2026, 16, 15.6, 16.4)], { ...opts, seriesBreaks: [2025] });
		expect(describeChange({ indicator, result: r, lang: 'sv' })).toBe(
			'Andelen som saknar någon att anförtro sig åt i riket: förändringen sedan baslinjen kan inte bedömas (tidsseriebrott, värdena är inte jämförbara).'
		);
		const none = changeSinceBaseline([year(2023, 12.9, 12.5, 13.3), year(2024, 13, 12.6, 13.4)], opts);
		expect(describeChange({ indicator, result: none, lang: 'en' })).toContain('(no new value yet after 2024)');
	});
	it('trend', () => {
		const series = [10, 11, 12, 13, 14].map((v, i) => year(2020 + i, v, v - 1, v + 1));
		const t = trend(series, { polarity: 'higher-is-worse' });
		expect(describeTrend({ indicator, result: t, lang: 'sv' })).toBe(
			'Andelen som saknar någon att anförtro sig åt i riket: ökande trend 2020–2024 (+1,0 procentenheter per år).'
		);
		const flat = trend([10, 10.5, 10, 10.5, 10.4].map((v, i) => year(2020 + i, v, v - 1, v + 1)), { polarity: 'higher-is-worse' });
		expect(describeTrend({ indicator, result: flat, lang: 'en' })).toBe(
			'In Sweden, no significant trend in the proportion with no one to confide in, 2020–2024.'
		);
	});
});
