/**
 * The region's spine chart (after Fingertips' area profile): one row per indicator, centred on
 * the nation's value; the grey bar spans all counties (darker: the middle half), oriented so
 * that "better" is always to the right; the region's marker is coloured by its comparison.
 */
import * as Plot from '@observablehq/plot';
import type { Observation } from '$lib/data/observation';
import type { Lang } from '$lib/i18n/format';
import { annotate } from './annotate';
import type { Polarity } from '$lib/data/catalog';
import { inferPolarity, outcomeScales } from './outcome-key';
import { INK, MUTED, type Outcome } from './palette';

const BAND_ALL = '#DADADA';
const BAND_MIDDLE = '#A8A8A8';

export interface SpineRow {
	id: string;
	label: string;
	nation: number;
	value: number | null;
	min: number;
	q1: number;
	q3: number;
	max: number;
	/** -1 when higher is worse, so better is always to the right. */
	orientation: 1 | -1;
	outcome: Outcome;
}

export interface SpineOptions {
	lang: Lang;
	spine: SpineRow[];
	outcomeLabels: Record<Outcome, string>;
	width?: number;
	/** Which outcomes the legend lists; a profile mixes directions, so 'higher-is-better' unless all are neutral. */
	polarity?: Polarity;
}

export function spineFigure(_rows: readonly Observation[], opts: SpineOptions, document: Document): SVGSVGElement | HTMLElement {
	// Each row is scaled by its widest distance from the nation, so every row spans [-1, 1].
	const scaled = opts.spine.map((s) => {
		const span = Math.max(Math.abs(s.max - s.nation), Math.abs(s.min - s.nation), 1e-9);
		const pos = (v: number) => (s.orientation * (v - s.nation)) / span;
		const [a, b] = [pos(s.min), pos(s.max)].sort((x, y) => x - y);
		const [c, d] = [pos(s.q1), pos(s.q3)].sort((x, y) => x - y);
		return { ...s, lo: a, hi: b, qlo: c, qhi: d, x: s.value === null ? null : pos(s.value) };
	});
	const withValue = scaled.filter((s) => s.x !== null);
	const polarity = opts.polarity ?? inferPolarity(opts.spine.map((s) => s.outcome));
	const sv = opts.lang === 'sv';
	// On a phone the indicator names would be clipped in a left margin: put them above the bars.
	const width = opts.width ?? 640;
	const narrow = width < 560;
	const figure = Plot.plot({
		document,
		width,
		height: 60 + (narrow ? 46 : 30) * Math.max(1, scaled.length),
		marginLeft: narrow ? 8 : Math.min(230, Math.round(width * 0.45)),
		marginRight: narrow ? 8 : undefined,
		marginTop: narrow ? 44 : 24,
		// Room below the axis label for the 16 px text of projector screens.
		marginBottom: 40,
		style: { fontSize: '13px', color: INK, background: 'transparent' },
		x: { domain: [-1.1, 1.1], ticks: [], labelOffset: 32, label: sv ? '← sämre än riket · bättre än riket →' : '← worse than Sweden · better than Sweden →', labelAnchor: 'center' },
		y: { domain: scaled.map((s) => s.label), label: null, axis: narrow ? null : 'left', paddingInner: narrow ? 0.55 : 0.1, align: 1 },
		...outcomeScales(polarity, opts.outcomeLabels),
		marks: [
			Plot.barX(scaled, { y: 'label', x1: 'lo', x2: 'hi', fill: BAND_ALL, insetTop: 6, insetBottom: 6 }),
			Plot.barX(scaled, { y: 'label', x1: 'qlo', x2: 'qhi', fill: BAND_MIDDLE, insetTop: 6, insetBottom: 6 }),
			Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5 }),
			Plot.dot(withValue, {
				y: 'label', x: 'x', r: 7, fill: 'outcome', stroke: 'outcome', symbol: 'outcome', strokeWidth: 1.5,
				title: (s: (typeof scaled)[number]) => `${s.label}: ${opts.outcomeLabels[s.outcome]}`,
				render: annotate(withValue, (s) => ({ indicator: s.id, value: s.value, benchmark: s.nation, outcome: s.outcome }))
			}),
			...(narrow ? [Plot.text(scaled, { x: -1.1, y: 'label', text: 'label', textAnchor: 'start', dy: -17, fill: INK, stroke: 'white', strokeWidth: 4, fontSize: 13, lineWidth: Math.floor((width - 16) / 7) })] : []),
			Plot.text([sv ? 'Riket' : 'Sweden'], { x: 0, frameAnchor: 'top', dy: -2, fill: MUTED, fontSize: 11 })
		]
	});
	figure.append(bandKey(document, sv));
	return figure;
}

/** Key for the grey bars: what the spread of counties means (the outcome key is Plot's legend). */
function bandKey(document: Document, sv: boolean): HTMLElement {
	const key = document.createElement('div');
	key.setAttribute('class', 'spine-band-key');
	key.setAttribute('style', 'display:flex;flex-wrap:wrap;gap:0.25rem 1rem;font-size:13px;margin-top:0.25rem');
	const items: [string, string][] = [
		[BAND_ALL, sv ? 'Spridning mellan länen (lägsta–högsta)' : 'Spread across counties (lowest–highest)'],
		[BAND_MIDDLE, sv ? 'Mittersta hälften av länen' : 'Middle half of the counties'],
		[INK, sv ? 'Rikets värde' : 'Value for Sweden']
	];
	for (const [fill, label] of items) {
		const item = document.createElement('span');
		item.setAttribute('class', 'spine-band-key-swatch');
		item.setAttribute('style', 'display:inline-flex;align-items:center;gap:0.35rem');
		const rect = fill === INK ? `<rect x="6" y="0" width="2" height="14" fill="${fill}"/>` : `<rect x="0" y="3" width="14" height="8" fill="${fill}"/>`;
		item.innerHTML = `<svg width="14" height="14" aria-hidden="true">${rect}</svg>`;
		item.append(document.createTextNode(label));
		key.append(item);
	}
	return key;
}
