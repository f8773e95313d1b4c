/** Interface texts, Swedish first. Keys are grouped by page; every key exists in both languages. */
import type { Lang } from './format';

const sv = {
	siteName: 'Ensamhetsmonitorn',
	tagline: 'Uppföljning av den nationella strategin mot ensamhet 2025–2029',
	skip: 'Hoppa till innehållet',
	navOverview: 'Översikt',
	navSubgoal: 'Delmål',
	navRegions: 'Län',
	navAbout: 'Om data',
	otherLanguage: 'English',
	otherLanguageLabel: 'Read this page in English',
	demoBanner: 'Sidan visar exempeldata: syntetiska värden för indikatorer och regioner där publicerad statistik ännu saknas. Värden märkta ”Exempeldata” är inte verklig statistik.',
	demoMark: 'Exempeldata',
	realMark: 'Publicerad statistik',
	source: 'Källa',
	period: 'Period',
	ci: '95 % konfidensintervall',
	respondents: 'Antal svar',
	noData: 'Inga data ännu',
	latest: 'Senaste värde',
	showTable: 'Visa tabell',
	hideTable: 'Dölj tabell',
	engineLoading: 'Laddar interaktiva data…',
	engineReady: 'Interaktiva data är redo',
	engineError: 'De interaktiva data kunde inte laddas. Diagrammen visar förberäknade värden.',
	vision: 'Visionen: ett samhälle där alla har goda förutsättningar till sociala relationer och gemenskap.',
	subgoal1: 'Sociala arenor är tillgängliga för alla',
	subgoal2: 'Färre hinder för socialt deltagande',
	subgoal3: 'Färre människor i långvarig ensamhet',
	subgoal: 'Delmål',
	indicator: 'Indikator',
	value: 'Värde',
	year: 'År',
	group: 'Grupp',
	region: 'Region',
	nation: 'Riket',
	all: 'Alla',
	notFound: 'Sidan finns inte',
	trendTitle: 'Utveckling över tid',
	footer: 'Ensamhetsmonitorn följer upp indikatorerna i Folkhälsomyndighetens strategi ”Tillsammans – för god gemenskap i hela befolkningen”.'
};

const en: typeof sv = {
	siteName: 'Loneliness Monitor',
	tagline: 'Following up the Swedish national strategy against loneliness 2025–2029',
	skip: 'Skip to content',
	navOverview: 'Overview',
	navSubgoal: 'Subgoal',
	navRegions: 'Counties',
	navAbout: 'About the data',
	otherLanguage: 'Svenska',
	otherLanguageLabel: 'Läs sidan på svenska',
	demoBanner: 'This page shows example data: synthetic values for indicators and regions where published statistics are not yet available. Values marked “Example data” are not real statistics.',
	demoMark: 'Example data',
	realMark: 'Published statistics',
	source: 'Source',
	period: 'Period',
	ci: '95% confidence interval',
	respondents: 'Respondents',
	noData: 'No data yet',
	latest: 'Latest value',
	showTable: 'Show table',
	hideTable: 'Hide table',
	engineLoading: 'Loading interactive data…',
	engineReady: 'Interactive data ready',
	engineError: 'The interactive data could not be loaded. Charts show precomputed values.',
	vision: 'The vision: a society where everyone has good conditions for social relationships and community.',
	subgoal1: 'Social arenas are accessible to all',
	subgoal2: 'Fewer barriers to social participation',
	subgoal3: 'Fewer people in long-term loneliness',
	subgoal: 'Subgoal',
	indicator: 'Indicator',
	value: 'Value',
	year: 'Year',
	group: 'Group',
	region: 'Region',
	nation: 'Sweden',
	all: 'All',
	notFound: 'Page not found',
	trendTitle: 'Trend over time',
	footer: 'The Loneliness Monitor follows the indicators of the Public Health Agency of Sweden’s strategy “Together – for good community in the whole population”.'
};

export type Messages = typeof sv;
export const messages: Record<Lang, Messages> = { sv, en };

/** Path for a page in a language: `/indikator/x` ↔ `/en/indikator/x`. */
export function localePath(lang: Lang, path: string): string {
	const clean = path.replace(/^\/en(?=\/|$)/, '') || '/';
	return lang === 'en' ? (clean === '/' ? '/en' : `/en${clean}`) : clean;
}

export function langOf(param: string | undefined): Lang {
	return param === 'en' ? 'en' : 'sv';
}
