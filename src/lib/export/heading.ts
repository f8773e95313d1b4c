/**
 * What an exported chart says it shows, so a picture cut out of its page still names itself:
 * title = the indicator's name (or, for a chart of several indicators, the chart's title and the
 * place); subtitle = the chart's title, the geography, sex, group and period (earliest → latest).
 */
import type { Observation } from '$lib/data/observation';
import type { ExportPayload } from './payload';
import { loadMeta, type ExportMeta } from './meta';

type Names = Pick<ExportMeta, 'indicatorName' | 'regionName'>;

const SEX = { sv: { T: 'kvinnor och män', K: 'kvinnor', M: 'män' }, en: { T: 'women and men', K: 'women', M: 'men' } } as const;

function list(items: string[], lang: 'sv' | 'en'): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${items.at(-1)}`;
}

/** "Gävleborgs län och riket", "Riket", "alla län och riket". */
export function geography(rows: readonly Observation[], names: Names, lang: 'sv' | 'en'): string {
	const codes = [...new Set(rows.map((r) => r.region_code))];
	const nation = lang === 'sv' ? 'Riket' : 'Sweden';
	const name = (c: string) => (c === '00' ? nation : (names.regionName(c) ?? c));
	const others = codes.filter((c) => c !== '00');
	if (others.length > 3) {
		const all = lang === 'sv' ? `${others.length} län` : `${others.length} counties`;
		return codes.includes('00') ? `${all} ${lang === 'sv' ? 'och riket' : 'and Sweden'}` : all;
	}
	const parts = [...others.map(name), ...(codes.includes('00') ? [others.length ? nation.toLowerCase().replace('sweden', 'Sweden') : nation] : [])];
	return list(parts, lang);
}

function sexText(rows: readonly Observation[], lang: 'sv' | 'en'): string {
	const sexes = [...new Set(rows.map((r) => r.sex))];
	const s = list(sexes.map((x) => SEX[lang][x]), lang);
	return s ? s[0].toUpperCase() + s.slice(1) : '';
}

function groupText(p: Pick<ExportPayload, 'rows' | 'rowLabel'>, lang: 'sv' | 'en'): string {
	const groups = [...new Set(p.rows.map((r) => `${r.group_dim}:${r.group_code}`))];
	if (groups.length === 0) return '';
	if (groups.every((g) => g.startsWith('total:'))) return lang === 'sv' ? 'hela befolkningen' : 'whole population';
	const nonTotal = groups.filter((g) => !g.startsWith('total:'));
	if (nonTotal.length === 1) return p.rowLabel(p.rows.find((r) => `${r.group_dim}:${r.group_code}` === nonTotal[0])!);
	return lang === 'sv' ? `${nonTotal.length} grupper` : `${nonTotal.length} groups`;
}

/** The export's title and subtitle (pure; the names come from the site's dimension files). */
export function exportHeading(p: Pick<ExportPayload, 'title' | 'subtitle' | 'rows' | 'rowLabel' | 'period' | 'lang'>, names: Names): { title: string; subtitle: string } {
	const lang = p.lang;
	const ids = [...new Set(p.rows.map((r) => r.indicator_id))];
	const geo = geography(p.rows, names, lang);
	const indicator = ids.length === 1 ? names.indicatorName(ids[0]) : undefined;
	const title = indicator ?? (geo && p.rows.length ? `${p.title}: ${geo}` : p.title);
	const what = [indicator ? p.title : '', geo, sexText(p.rows, lang), groupText(p, lang), p.period ? `${lang === 'sv' ? 'Period' : 'Period'}: ${p.period}` : ''].filter(Boolean).join(' · ');
	return { title, subtitle: [what, p.subtitle].filter(Boolean).join('. ') };
}

/** The payload with its export title and subtitle (names fetched once per page). */
export async function withHeading(p: ExportPayload): Promise<ExportPayload> {
	if (!p.rows.length) return p;
	const meta = await loadMeta(p.lang);
	return { ...p, ...exportHeading(p, meta) };
}
