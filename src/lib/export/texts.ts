/** Interface and export texts for the export features, Swedish first. */
import type { Lang } from '$lib/i18n/format';

export const exportTexts = {
	sv: {
		exportButton: 'Exportera',
		exportChart: (title: string) => `Exportera diagrammet ”${title}”`,
		svg: 'SVG (vektorbild)',
		png: (scale: number) => `PNG ${scale}× (bild)`,
		pngSlide: (scale: number) => `PNG ${scale}× i bildformat 16:9`,
		csv: 'CSV (komma, decimalpunkt)',
		csvExcel: 'CSV för svenskt Excel (semikolon, decimalkomma)',
		images: 'Bilder',
		data: 'Data',
		exporting: 'Skapar fil…',
		exported: (file: string) => `Filen ${file} är nedladdad.`,
		failed: 'Exporten misslyckades.',
		demo: 'Exempeldata',
		demoNote: 'Exempeldata: syntetiska värden, inte statistik.',
		accessed: 'Hämtad',
		period: 'Period',
		notes: 'Anmärkning',
		ciBand: (level: string) => `Band: ${level} konfidensintervall`,
		comparison: 'Jämfört med riket',
		link: 'Länk',
		slides: 'Ladda ner bildspel (PowerPoint)',
		slidesPictures: 'Bildspel med diagram som bilder',
		slidesHint: 'Bildspelet har redigerbara PowerPoint-diagram och en tabell. Versionen med bilder visar konfidensband och intervall, som inbyggda diagram inte kan rita; spindeldiagrammet är alltid en bild.',
		slidesBusy: 'Skapar bildspel…',
		slidesDone: (n: number) => `Bildspelet är nedladdat (${n} ${n === 1 ? 'bild' : 'bilder'}).`,
		present: 'Presentationsläge',
		presentExit: 'Avsluta presentationsläge',
		presentNext: 'Nästa diagram',
		presentPrev: 'Föregående diagram',
		presentPosition: (i: number, n: number, title: string) => `Diagram ${i} av ${n}: ${title}`,
		presentHelp: 'Piltangenterna byter diagram, Esc avslutar.',
		presentLegend: 'Teckenförklaring',
		presentEndTitle: 'Slut på presentationen',
		presentEnd: (n: number) => `Det var ${n === 1 ? 'det enda diagrammet' : `alla ${n} diagram`}.`,
		presentEndHelp: 'Vänsterpil går tillbaka, Home börjar om, Esc avslutar.'
	},
	en: {
		exportButton: 'Export',
		exportChart: (title: string) => `Export the chart “${title}”`,
		svg: 'SVG (vector image)',
		png: (scale: number) => `PNG ${scale}× (image)`,
		pngSlide: (scale: number) => `PNG ${scale}× in 16:9 slide format`,
		csv: 'CSV (comma, decimal point)',
		csvExcel: 'CSV for Swedish Excel (semicolon, decimal comma)',
		images: 'Images',
		data: 'Data',
		exporting: 'Creating file…',
		exported: (file: string) => `Downloaded ${file}.`,
		failed: 'The export failed.',
		demo: 'Example data',
		demoNote: 'Example data: synthetic values, not statistics.',
		accessed: 'Accessed',
		period: 'Period',
		notes: 'Note',
		ciBand: (level: string) => `Band: ${level} confidence interval`,
		comparison: 'Compared with Sweden',
		link: 'Link',
		slides: 'Download slides (PowerPoint)',
		slidesPictures: 'Slides with charts as pictures',
		slidesHint: 'The deck has editable PowerPoint charts and a table. The picture version shows confidence bands and intervals, which native charts cannot draw; the spine chart is always a picture.',
		slidesBusy: 'Creating slides…',
		slidesDone: (n: number) => `Slides downloaded (${n} ${n === 1 ? 'slide' : 'slides'}).`,
		present: 'Presentation mode',
		presentExit: 'Leave presentation mode',
		presentNext: 'Next chart',
		presentPrev: 'Previous chart',
		presentPosition: (i: number, n: number, title: string) => `Chart ${i} of ${n}: ${title}`,
		presentHelp: 'Arrow keys change chart, Esc leaves.',
		presentLegend: 'Legend',
		presentEndTitle: 'End of the presentation',
		presentEnd: (n: number) => (n === 1 ? 'That was the only chart.' : `That was all ${n} charts.`),
		presentEndHelp: 'Left arrow goes back, Home starts over, Esc leaves.'
	}
} satisfies Record<Lang, unknown>;

export type ExportTexts = (typeof exportTexts)['sv'];

/** Local calendar date as YYYY-MM-DD ("Hämtad 2026-11-23"). */
export function isoDate(d = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
