// Stryker disable StringLiteral: the prose is checked phrase by phrase in tests/unit/view/methods.test.ts; mutating every sentence adds minutes, not insight.
/**
 * The About page's method section, as data: one entry per method, in Swedish and English. Kept
 * beside the code it describes (and built from its constants) so the two cannot drift apart;
 * tests/unit/view/methods.test.ts checks the text against the code.
 */
import type { Lang } from '$lib/i18n/format';
import { formatNumber } from '$lib/i18n/format';
import { MANY_COMPARISONS, TREND_CHI2_CRITICAL, TREND_POINTS, Z95, Z998 } from '$lib/stats';

export interface MethodEntry {
	id: string;
	term: Record<Lang, string>;
	text: Record<Lang, string>;
}

const n = (x: number, lang: Lang, d: number) => formatNumber(x, lang, d);

export function methods(): MethodEntry[] {
	const z95 = { sv: n(Z95, 'sv', 2), en: n(Z95, 'en', 2) };
	const z998 = { sv: n(Z998, 'sv', 2), en: n(Z998, 'en', 2) };
	const chi2 = { sv: n(TREND_CHI2_CRITICAL, 'sv', 2), en: n(TREND_CHI2_CRITICAL, 'en', 2) };
	return [
		{
			id: 'ci',
			term: { sv: 'Konfidensintervall', en: 'Confidence intervals' },
			text: {
				sv: `Intervallen är 95 % som källan publicerar dem. Har källan bara antalet svarande (n) men inget intervall, som Skolenkäten, beräknar vi ett 95 %-intervall med Wilsons metod från andelen och n, och meningen säger att intervallet är vårt. Exempeldata har Wilsonintervall, och slumpvariationen i dem har samma standardfel som intervallen bygger på.`,
				en: `Intervals are 95% as the source publishes them. Where the source gives only the number of respondents (n) and no interval, as the School Survey does, we compute a 95% interval with Wilson’s method from the proportion and n, and the sentence says the interval is ours. Example data have Wilson intervals, and their random variation has the same standard error the intervals are built from.`
			}
		},
		{
			id: 'register',
			term: { sv: 'Register- och enkätdata', en: 'Register and survey data' },
			text: {
				sv: 'Registeruppgifter (andelen som bor nära kollektivtrafik, ur SCB:s register) omfattar hela befolkningen och har inget urvalsfel. De jämförs direkt: en skillnad mellan de publicerade värdena är en verklig skillnad, och meningen säger att det är en registeruppgift. Enkätvärden jämförs med sina konfidensintervall. Ett enkätvärde som saknar både intervall och antal svarande jämförs inte, och sidan säger just det.',
				en: 'Register data (the share living close to public transport, from Statistics Sweden’s registers) cover the whole population and have no sampling error. They are compared directly: a difference between the published values is a real difference, and the sentence says the value is register data. Survey values are compared with their confidence intervals. A survey value with neither an interval nor a number of respondents is not compared, and the page says exactly that.'
			}
		},
		{
			id: 'benchmark',
			term: { sv: 'Jämförelse med riket, 95 % och 99,8 %', en: 'Comparison with Sweden, 95% and 99.8%' },
			text: {
				sv: `Som i Fingertips (Storbritannien): ett län räknas som skilt från riket när rikets värde ligger utanför länets konfidensintervall; annars ”ingen statistiskt säkerställd skillnad”. På 99,8 %-nivån byggs intervallet om på den skala det gjordes på: för andelar på logitskalan, var sida för sig (sidans standardfel är avståndet från värdet till gränsen delat med ${z95.sv}, gånger ${z998.sv}), med Wilsons metod från n när en gräns ligger på 0 eller 100 eller när intervallet är vårt. Ett värde inom 95 %-intervallet räknas aldrig som skilt på 99,8 %. Två oberoende skattningar (län mot län, grupp mot grupp, år mot år) jämförs med ett z-test på skillnaden, där den sida av vardera intervallet som vetter mot skillnaden används. Exempeldata jämförs aldrig med verklig statistik. Meningarna följer den valda nivån och säger vilken.`,
				en: `As in Fingertips (UK): a county counts as different from Sweden when Sweden’s value lies outside the county’s confidence interval; otherwise “no significant difference”. At the 99.8% level the interval is rebuilt on the scale it was made on: for proportions on the logit scale, each side separately (the side’s standard error is the distance from the value to the bound divided by ${z95.en}, times ${z998.en}), with Wilson’s method from n when a bound is at 0 or 100 or when the interval is ours. A value inside the 95% interval never counts as different at 99.8%. Two independent estimates (county vs county, group vs group, year vs year) are compared with a z-test on the difference, using the side of each interval that faces the difference. Example data are never compared with real statistics. The sentences follow the chosen level and name it.`
			}
		},
		{
			id: 'many',
			term: { sv: 'Många jämförelser', en: 'Many comparisons' },
			text: {
				sv: `När 21 län jämförs på 95 %-nivån väntas ungefär ett avvika av en slump (21 × 0,05). Från ${MANY_COMPARISONS} jämförelser säger sidorna det och erbjuder 99,8 %-nivån (21 × 0,002 ≈ 0,04).`,
				en: `When 21 counties are compared at the 95% level, about one is expected to differ by chance (21 × 0.05). From ${MANY_COMPARISONS} comparisons on, the pages say so and offer the 99.8% level (21 × 0.002 ≈ 0.04).`
			}
		},
		{
			id: 'groups',
			term: { sv: 'Skillnader mellan grupper', en: 'Gaps between groups' },
			text: {
				sv: 'Indikatorsidan jämför ett par som strategin pekar ut, valt innan data ses: med och utan funktionsnedsättning, födda utomlands och i Sverige, ensamboende och andra, yngsta och äldsta åldersgruppen, förgymnasial och eftergymnasial utbildning, arbetslösa och förvärvsarbetande, lägsta och högsta skolår. Finns inget sådant par jämförs högsta och lägsta grupp, och då justeras intervallet för alla k(k−1)/2 möjliga par (Bonferroni); meningen säger vilket. Kvoten mellan grupperna får ett intervall med MOVER-metoden (Donner och Zou) från gruppernas egna intervall; når nämnarens intervall 0 har kvoten ingen övre gräns.',
				en: 'The indicator page compares a pair the strategy names, chosen before the data are seen: with and without disability, born abroad and in Sweden, living alone and not, the youngest and oldest age band, primary and tertiary education, unemployed and employed, the lowest and highest school year. Where no such pair exists, the highest and lowest groups are compared, and the interval is then adjusted for all k(k−1)/2 possible pairs (Bonferroni); the sentence says which. The ratio between the groups gets an interval by the MOVER method (Donner and Zou) from the groups’ own intervals; when the denominator’s interval reaches 0 the ratio has no upper limit.'
			}
		},
		{
			id: 'pooled',
			term: { sv: 'Sammanslagna år', en: 'Pooled years' },
			text: {
				sv: 'Länsvärden från folkhälsoenkäten avser fyraårsperioder (t.ex. 2021–2024). De jämförs bara med rikets värde för samma period, aldrig med ett enskilt år. Förändring jämför bara perioder som inte överlappar: en period som 2022–2025, där tre av fyra år ligger före strategin, räknas inte som ett värde för strategiperioden.',
				en: 'County values from the public health survey cover four-year windows (e.g. 2021–2024). They are compared only with Sweden’s value for the same window, never with a single year. Change compares only windows that do not overlap: a window such as 2022–2025, three of whose four years precede the strategy, does not count as a value for the strategy period.'
			}
		},
		{
			id: 'change-trend',
			term: { sv: 'Förändring och trend', en: 'Change and trend' },
			text: {
				sv: `Baslinjen är det senaste värdet före 2025 som har ett konfidensintervall; sidan säger om ett senare värde utan intervall hoppades över. Förändringen prövas med ett z-test från de två intervallen; ”ingen statistiskt säkerställd förändring” betyder att data inte räcker för att säga något. Över ett tidsseriebrott jämförs ingenting. Trenden prövas på de ${TREND_POINTS} senaste enskilda åren (aldrig sammanslagna perioder; riket använder sina enskilda år) med viktad regression av värdet på kalenderåret, vikt 1/SE². Fingertips använder positionerna 1–${TREND_POINTS}; vi behåller kalenderåret eftersom undersökningsåren är oregelbundna, så lutningen gäller per år. Trenden är statistiskt säkerställd på 99,8 %-nivån (χ² > ${chi2.sv}) och måste ha samma tecken när vilket år som helst tas bort. För registeruppgifter anges riktningen när alla sex anpassningar har samma tecken.`,
				en: `The baseline is the latest value before 2025 that has a confidence interval; the page says when a later value without one was passed over. Change is tested with a z-test from the two intervals; “no significant change” means the data cannot say. Nothing is compared across a series break. The trend is tested on the latest ${TREND_POINTS} single years (never pooled windows; Sweden uses its single years) by weighted regression of the value on the calendar year, weight 1/SE². Fingertips uses the positions 1–${TREND_POINTS}; we keep the calendar year because survey years are irregular, so the slope is per year. A trend is significant at the 99.8% level (χ² > ${chi2.en}) and must keep its sign when any one year is left out. For register data the direction is given when all six fits agree in sign.`
			}
		},
		{
			id: 'peers',
			term: { sv: 'Jämförbara län', en: 'Comparable counties' },
			text: {
				sv: 'Grannlän (gemensam landgräns) och de tre län som liknar länet mest i folkmängd och befolkningstäthet (logaritmerade och standardiserade; SCB:s folkmängd 2023 och landareal). Valet bygger inte på indikatorernas egna värden, så ”jämförbart län” betyder inte ”län med liknande resultat”.',
				en: 'Neighbouring counties (a shared land border) and the three counties most like the county in population size and density (logged and standardised; Statistics Sweden’s 2023 population and land area). The choice does not use the indicators’ own values, so “comparable county” does not mean “county with similar results”.'
			}
		},
		{
			id: 'suppression',
			term: { sv: 'Sekretess', en: 'Suppression' },
			text: {
				sv: 'Grupper med färre än 100 svarande visas inte (källans markering ”..” behålls). Är kvinnor eller män färre än 100 döljs båda.',
				en: 'Groups with fewer than 100 respondents are not shown (the source’s marker “..” is kept). If women or men are fewer than 100, both are hidden.'
			}
		}
	];
}
