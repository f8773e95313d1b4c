/**
 * Interface texts, Swedish first; every key exists in both languages (the English object is typed
 * by the Swedish one). Texts shared by several pages come first, then one group per page
 * (`indicatorPage`, `regionPage`, `subgoalPage`, `overviewPage`); texts with numbers or names in
 * them are functions, so the word order can differ between the languages.
 */
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
	footer: 'Ensamhetsmonitorn följer upp indikatorerna i Folkhälsomyndighetens strategi ”Tillsammans – för god gemenskap i hela befolkningen”.',
	// County chooser and region index
	chooseCounty: 'Välj ditt län',
	chooseCountyPlaceholder: 'Välj län …',
	showCounty: 'Visa',
	yourCounty: 'Ditt län',
	forgetCounty: 'Glöm valet',
	countyRememberedNote: 'Valet sparas bara i den här webbläsaren och skickas ingenstans.',
	regionsTitle: 'Län',
	regionsIntro: 'Varje län jämförs med riket för alla tolv indikatorer. Välj ett län, eller riket för hela landets profil.',
	regionsNationLink: 'Riket som helhet',
	indicatorPage: {
		chartsHeading: 'Diagram',
		about: 'Om indikatorn',
		question: 'Fråga',
		seriesBreak: 'Seriebrott',
		chooseView: 'Välj vy',
		sex: 'Kön',
		sexes: { T: 'Alla', K: 'Kvinnor', M: 'Män' },
		group: 'Grupp',
		periodGroups: 'Period (grupper)',
		periodCounties: 'Period (län)',
		period: 'Period',
		periodKind: (years: number) => (years === 1 ? 'Enskilda år' : (({ 2: 'Tvåårsperioder', 3: 'Treårsperioder', 4: 'Fyraårsperioder' }) as Record<number, string>)[years] ?? `Perioder om ${years} år`),
		highlightCounty: 'Visa län',
		filterSummary: 'Visar',
		change: 'Ändra',
		done: 'Klar',
		none: 'Inget',
		level: 'Konfidensnivå',
		levelText: (level: '95' | '99.8'): string => (level === '95' ? '95' : '99,8'),
		badParam: (value: string, param: string) => `Värdet ”${value}” för ${param} finns inte för den här indikatorn. Sidan visar standardvalet i stället.`,
		updatingFor: (what: string) => `Uppdaterar för ${what}…`,
		perCent: 'andel i procent',
		dashedNation: 'streckad linje: riket',
		dashedAll: 'streckad linje: alla',
		byGroup: (group: string) => `Efter ${group.toLowerCase()}`,
		countiesTitle: 'Län jämfört med riket',
		comparedAt: (level: string) => `jämförelse på ${level} %-nivån`,
		showing: (parts: string[]) => `Visar: ${parts.join(', ')}.`,
		countiesPeriod: (period: string) => `län ${period}`,
		highlighted: (name: string) => `markerat: ${name}`,
		highestLowest: (hi: string, hiValue: string, lo: string, loValue: string) => `Högst: ${hi} ${hiValue}; lägst: ${lo} ${loValue}.`,
		countySummary: (better: number, worse: number, similar: number, judged: boolean, level: string) =>
			`${better} län ${judged ? 'bättre' : 'lägre'} än riket, ${worse} ${judged ? 'sämre' : 'högre'}, ${similar} utan säker skillnad (${level} %).`
	},
	regionPage: {
		chartsHeading: 'Diagram',
		levelMissing: (raw: string) => `Konfidensnivån ”${raw}” finns inte; sidan visar 95 %.`,
		leadNation: 'Riket: senaste värdet för varje indikator. Välj ett län för att jämföra det med riket.',
		leadCounty: 'Länets värden jämförda med riket för samma period.',
		chooseCountyAndLevel: 'Välj län och nivå',
		county: 'Län',
		level: 'Konfidensnivå',
		spineTitle: 'Länet jämfört med riket',
		spineSubtitle: 'Varje indikator: länets senaste värde mot riket för samma period. Grått fält: alla län (mörkare: mittersta hälften). Bättre till höger.',
		spineSummary: (region: string, better: number, worse: number, similar: number, notCompared: number, level: '95' | '99.8') =>
			`${region}: ${better} indikatorer bättre än riket, ${worse} sämre, ${similar} utan statistiskt säkerställd skillnad, ${notCompared} ej jämförda (${level === '95' ? '95' : '99,8'} %).`,
		allIndicators: 'Alla indikatorer',
		comparison: 'Jämförelse',
		trend: 'Trend (99,8 %)',
		changeSince: 'Förändring sedan 2024',
		summary: 'Sammanfattning',
		comparable: 'Jämförbara län',
		sameArea: 'grannlän',
		similarValues: 'liknande folkmängd och befolkningstäthet',
		municipalities: 'Kommuner i länet',
		indicatorCount: (n: number) => `${n} ${n === 1 ? 'indikator' : 'indikatorer'}`,
		chooseCounty: 'Välj län'
	},
	subgoalPage: {
		trends: 'Utveckling i riket',
		seriesBreak: (year: number) => `Seriebrott ${year}.`
	},
	overviewPage: {
		featuredSubtitle: 'Riket, alla, andel i procent',
		valueIn: (name: string, value: string, period: string) => `${name}: ${value} år ${period}.`
	}
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
	footer: 'The Loneliness Monitor follows the indicators of the Public Health Agency of Sweden’s strategy “Together – for good community in the whole population”.',
	// County chooser and region index
	chooseCounty: 'Choose your county',
	chooseCountyPlaceholder: 'Choose a county …',
	showCounty: 'Show',
	yourCounty: 'Your county',
	forgetCounty: 'Forget this choice',
	countyRememberedNote: 'The choice is kept only in this browser and is sent nowhere.',
	regionsTitle: 'Counties',
	regionsIntro: 'Each county is compared with Sweden on all twelve indicators. Choose a county, or Sweden for the national profile.',
	regionsNationLink: 'Sweden as a whole',
	indicatorPage: {
		chartsHeading: 'Charts',
		about: 'About the indicator',
		question: 'Question',
		seriesBreak: 'Series break',
		chooseView: 'Choose view',
		sex: 'Sex',
		sexes: { T: 'Everyone', K: 'Women', M: 'Men' },
		group: 'Group',
		periodGroups: 'Period (groups)',
		periodCounties: 'Period (counties)',
		period: 'Period',
		periodKind: (years: number) => (years === 1 ? 'Single years' : (({ 2: 'Two-year periods', 3: 'Three-year periods', 4: 'Four-year periods' }) as Record<number, string>)[years] ?? `${years}-year periods`),
		highlightCounty: 'Show county',
		filterSummary: 'Showing',
		change: 'Change',
		done: 'Done',
		none: 'None',
		level: 'Confidence level',
		levelText: (level: '95' | '99.8') => level,
		badParam: (value: string, param: string) => `The value “${value}” for ${param} does not exist for this indicator. The page shows the default instead.`,
		updatingFor: (what: string) => `Updating for ${what}…`,
		perCent: 'per cent',
		dashedNation: 'dashed line: Sweden',
		dashedAll: 'dashed line: everyone',
		byGroup: (group: string) => `By ${group.toLowerCase()}`,
		countiesTitle: 'Counties compared with Sweden',
		comparedAt: (level: string) => `compared at the ${level}% level`,
		showing: (parts: string[]) => `Showing: ${parts.join(', ')}.`,
		countiesPeriod: (period: string) => `counties ${period}`,
		highlighted: (name: string) => `highlighted: ${name}`,
		highestLowest: (hi: string, hiValue: string, lo: string, loValue: string) => `Highest: ${hi} ${hiValue}; lowest: ${lo} ${loValue}.`,
		countySummary: (better: number, worse: number, similar: number, judged: boolean, level: string) =>
			`${better} counties ${judged ? 'better' : 'lower'} than Sweden, ${worse} ${judged ? 'worse' : 'higher'}, ${similar} without a clear difference (${level}%).`
	},
	regionPage: {
		chartsHeading: 'Chart',
		levelMissing: (raw: string) => `The confidence level “${raw}” does not exist; the page shows 95%.`,
		leadNation: 'Sweden: the latest value of each indicator. Choose a county to compare it with Sweden.',
		leadCounty: 'The county’s values compared with Sweden for the same period.',
		chooseCountyAndLevel: 'Choose county and level',
		county: 'County',
		level: 'Confidence level',
		spineTitle: 'The county compared with Sweden',
		spineSubtitle: 'Each indicator: the county’s latest value against Sweden for the same period. Grey bar: all counties (darker: the middle half). Better to the right.',
		spineSummary: (region: string, better: number, worse: number, similar: number, notCompared: number, level: '95' | '99.8') =>
			`${region}: ${better} indicators better than Sweden, ${worse} worse, ${similar} without a significant difference, ${notCompared} not compared (${level}%).`,
		allIndicators: 'All indicators',
		comparison: 'Comparison',
		trend: 'Trend (99.8%)',
		changeSince: 'Change since 2024',
		summary: 'Summary',
		comparable: 'Comparable counties',
		sameArea: 'neighbouring county',
		similarValues: 'similar population size and density',
		municipalities: 'Municipalities in the county',
		indicatorCount: (n: number) => `${n} ${n === 1 ? 'indicator' : 'indicators'}`,
		chooseCounty: 'Choose a county'
	},
	subgoalPage: {
		trends: 'Trends in Sweden',
		seriesBreak: (year: number) => `Series break ${year}.`
	},
	overviewPage: {
		featuredSubtitle: 'Sweden, everyone, per cent',
		valueIn: (name: string, value: string, period: string) => `${name}: ${value} in ${period}.`
	}
};

export type Messages = typeof sv;
export const messages: Record<Lang, Messages> = { sv, en };

/** Pages whose path is translated (Swedish, English); all others share their path. */
const TRANSLATED_PATHS: [sv: string, en: string][] = [['/egna-data', '/own-data']];

/** Path for a page in a language: `/indikator/x` ↔ `/en/indikator/x`, `/egna-data` ↔ `/en/own-data`. */
export function localePath(lang: Lang, path: string): string {
	let clean = path.replace(/^\/en(?=\/|$)/, '') || '/';
	for (const [svPath, enPath] of TRANSLATED_PATHS) if (clean === svPath || clean === enPath) clean = lang === 'en' ? enPath : svPath;
	return lang === 'en' ? (clean === '/' ? '/en' : `/en${clean}`) : clean;
}

export function langOf(param: string | undefined): Lang {
	return param === 'en' ? 'en' : 'sv';
}
