/** Texts of the slide decks, Swedish first. Outcome words are the site's own (`outcomeLabels`). */
import type { Outcome } from '$lib/charts/palette';
import { outcomeLabels } from '$lib/view/outcomes';
import type { DeckData } from './deck-data';

const STRATEGY_SV = 'Tillsammans – för god gemenskap i hela befolkningen';
const STRATEGY_EN = 'Together – for good social connection across the population';
const SUBGOAL = {
	sv: { 1: 'Sociala arenor är tillgängliga för alla', 2: 'Färre hinder för socialt deltagande', 3: 'Färre människor i långvarig ensamhet' },
	en: { 1: 'Social arenas are accessible to all', 2: 'Fewer barriers to social participation', 3: 'Fewer people in long-term loneliness' }
} as const;

export const deckTexts = {
	sv: {
		strategy: STRATEGY_SV,
		strategyLine: `Nationella strategin mot ensamhet 2025–2029: ”${STRATEGY_SV}”`,
		deckTitle: (d: DeckData, lang: 'sv' | 'en'): string =>
			d.kind === 'region' ? d.area.name[lang] : d.kind === 'subgoal' ? `Delmål ${d.subgoal}: ${SUBGOAL.sv[d.subgoal!]}` : d.indicators[0].name[lang],
		deckSubtitle: (d: DeckData): string =>
			d.kind === 'region'
				? d.area.code === '00'
					? 'Riket: strategins tolv indikatorer'
					: 'Strategins tolv indikatorer, jämförda med riket'
				: d.kind === 'subgoal'
					? `Delmålets ${d.indicators.length} indikatorer i riket och länen`
					: 'Indikatorn i riket och länen',
		summaryTitle: (d: DeckData, lang: 'sv' | 'en'): string => (d.area.code === '00' ? `Riket: senaste värdena` : `${d.area.name[lang]} jämfört med riket`),
		summarySubtitle: (nation: boolean): string => (nation ? 'Senaste värde per indikator.' : 'Mot riket för samma period, 95 %.'),
		sourcesOnLast: 'Källor: se sista bilden.',
		indicator: 'Indikator',
		period: 'Period',
		value: 'Värde',
		ci: '95 % KI',
		nation: 'Riket',
		nationName: 'Riket',
		comparison: 'Jämfört med riket',
		outcome: outcomeLabels('sv') as Record<Outcome, string>,
		ciNote: 'KI = konfidensintervall.',
		spineTitle: (area: string): string => `${area}: alla indikatorer mot riket`,
		spineSubtitle: 'Länet mot riket (mittlinjen); grått: alla län. Bättre till höger.',
		pictureNote: 'Diagrammet är en bild (ett inbyggt PowerPoint-diagram kan inte rita det troget).',
		pictureMissing: 'Diagrammet kunde inte ritas.',
		trendSubtitle: (area: string, withNation: boolean): string => (withNation ? `Utveckling över tid: ${area} och riket` : `Utveckling över tid: ${area}`),
		allSexes: 'Kvinnor och män',
		baselineLabel: (p: string): string => `Baslinje ${p}`,
		strategyPeriodNote: (baseline: string | null): string =>
			baseline ? `Baslinje: ${baseline} (senaste värdet före strategiperioden 2025–2029).` : 'Strategiperiod 2025–2029; inget värde före perioden att jämföra med.',
		nativeCiNote: 'Konfidensintervall: se tabellen och bildspelet med bilder.',
		rankingSubtitle: 'Länen rangordnade, bäst först',
		rankOf: (area: string, rank: number, n: number): string => `${area}: plats ${rank} av ${n} (1 = bäst)`,
		rankingNote: 'Färg och form: länet mot riket, samma period, 95 %. Platser inom överlappande konfidensintervall är inte statistiskt säkerställda.',
		noValues: 'Inga värden att visa.',
		noCounties: 'Inga länsvärden för indikatorn.',
		sourcesTitle: 'Källor och metod',
		methodCompare:
			'Jämförelse med riket för samma period: skillnaden är statistiskt säkerställd när rikets värde ligger utanför länets 95-procentiga konfidensintervall (Fingertips metod); annars ”ingen statistiskt säkerställd skillnad”.',
		methodPeriods: 'Perioder: enskilda år för riket, fyraårsperioder för länen där källan slår samman år; värden jämförs bara för samma period.',
		demoList: (names: string[]): string => `Exempeldata (syntetiska värden, inte statistik) finns i: ${names.join(', ')}. De är märkta ”Exempeldata” på varje bild.`,
		noDemo: 'Alla värden i bildspelet är publicerad statistik.',
		demo: 'Exempeldata',
		demoShort: 'exempeldata',
		demoNote: 'Exempeldata: syntetiska värden, inte statistik.',
		demoTitleNote: 'Innehåller exempeldata (syntetiska värden, inte statistik), märkta på varje bild.',
		source: 'Källa',
		link: 'Länk'
	},
	en: {
		strategy: STRATEGY_EN,
		strategyLine: `National strategy against loneliness 2025–2029: “${STRATEGY_SV}” (${STRATEGY_EN})`,
		deckTitle: (d: DeckData, lang: 'sv' | 'en'): string =>
			d.kind === 'region' ? (d.area.code === '00' ? 'Sweden' : d.area.name.en === d.area.name.sv ? d.area.name.en : `${d.area.name.en} (${d.area.name.sv})`) : d.kind === 'subgoal' ? `Subgoal ${d.subgoal}: ${SUBGOAL.en[d.subgoal!]}` : d.indicators[0].name[lang],
		deckSubtitle: (d: DeckData): string =>
			d.kind === 'region'
				? d.area.code === '00'
					? 'Sweden: the strategy’s twelve indicators'
					: 'The strategy’s twelve indicators, compared with Sweden'
				: d.kind === 'subgoal'
					? `The subgoal’s ${d.indicators.length} indicators in Sweden and its counties`
					: 'The indicator in Sweden and its counties',
		summaryTitle: (d: DeckData, lang: 'sv' | 'en'): string => (d.area.code === '00' ? 'Sweden: latest values' : `${d.area.name[lang]} compared with Sweden`),
		summarySubtitle: (nation: boolean): string => (nation ? 'Latest value of each indicator.' : 'Against Sweden for the same period, 95%.'),
		sourcesOnLast: 'Sources: see the last slide.',
		indicator: 'Indicator',
		period: 'Period',
		value: 'Value',
		ci: '95% CI',
		nation: 'Sweden',
		nationName: 'Sweden',
		comparison: 'Compared with Sweden',
		outcome: outcomeLabels('en') as Record<Outcome, string>,
		ciNote: 'CI = confidence interval.',
		spineTitle: (area: string): string => `${area}: all indicators against Sweden`,
		spineSubtitle: 'The county against Sweden (centre line); grey: all counties. Better to the right.',
		pictureNote: 'The chart is a picture (a native PowerPoint chart cannot draw it faithfully).',
		pictureMissing: 'The chart could not be drawn.',
		trendSubtitle: (area: string, withNation: boolean): string => (withNation ? `Over time: ${area} and Sweden` : `Over time: ${area}`),
		allSexes: 'Women and men',
		baselineLabel: (p: string): string => `Baseline ${p}`,
		strategyPeriodNote: (baseline: string | null): string =>
			baseline ? `Baseline: ${baseline} (the latest value before the strategy period 2025–2029).` : 'Strategy period 2025–2029; no value before it to compare with.',
		nativeCiNote: 'Confidence intervals: see the table and the deck with pictures.',
		rankingSubtitle: 'Counties ranked, best first',
		rankOf: (area: string, rank: number, n: number): string => `${area}: rank ${rank} of ${n} (1 = best)`,
		rankingNote: 'Colour and shape: the county against Sweden for the same period (95%). Ranks within overlapping confidence intervals are not statistically significant.',
		noValues: 'No values to show.',
		noCounties: 'No county values for this indicator.',
		sourcesTitle: 'Sources and methods',
		methodCompare:
			'Comparison with Sweden for the same period: the difference is statistically significant when Sweden’s value lies outside the county’s 95% confidence interval (the Fingertips method); otherwise “no significant difference”.',
		methodPeriods: 'Periods: single years for Sweden, four-year windows for counties where the source pools years; values are compared only for the same period.',
		demoList: (names: string[]): string => `Example data (synthetic values, not statistics) are used for: ${names.join(', ')}. They are marked “Example data” on every slide.`,
		noDemo: 'Every value in this deck is published statistics.',
		demo: 'Example data',
		demoShort: 'example data',
		demoNote: 'Example data: synthetic values, not statistics.',
		demoTitleNote: 'Contains example data (synthetic values, not statistics), marked on every slide.',
		source: 'Source',
		link: 'Link'
	}
};

export type DeckTexts = (typeof deckTexts)['sv'];
