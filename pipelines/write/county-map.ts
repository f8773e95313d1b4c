/**
 * Static map data for the site: the county shapes of @svg-maps/sweden (CC BY 4.0), keyed by
 * our county codes (explicit table below — the package's ids are slugs of the names), with
 * each county's SVG path, its label, and a label anchor (centre of the bounding box of its
 * largest ring), plus the viewBox and the attribution the licence asks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Region } from '../catalog/schema.ts';

/** @svg-maps/sweden location id → SCB county code. */
export const SVG_ID_TO_COUNTY: Record<string, string> = {
	stockholm: '01',
	uppsala: '03',
	sodermanland: '04',
	ostergotland: '05',
	jonkoping: '06',
	kronoberg: '07',
	kalmar: '08',
	gotland: '09',
	blekinge: '10',
	skane: '12',
	halland: '13',
	'vastra gotaland': '14',
	varmland: '17',
	orebro: '18',
	vastmanland: '19',
	dalarna: '20',
	gavleborg: '21',
	vasternorrland: '22',
	jamtland: '23',
	vasterbotten: '24',
	norrbotten: '25'
};

export interface CountyShape {
	code: string;
	svg_id: string;
	label: { sv: string; en: string };
	short: { sv: string; en: string };
	path: string;
	/** Where a label or marker can sit (SVG user units). */
	anchor: [number, number];
	bbox: [number, number, number, number];
}

export interface CountyMap {
	viewBox: string;
	attribution: string;
	licence: string;
	licence_url: string;
	source_url: string;
	/** County codes in order (object keys like "10" would otherwise sort before "01"). */
	codes: string[];
	counties: Record<string, CountyShape>;
}

interface SvgMap {
	label: string;
	viewBox: string;
	locations: { id: string; name: string; path: string }[];
}

export async function loadSvgMap(): Promise<{ map: SvgMap; file: string }> {
	const require = createRequire(import.meta.url);
	const file = require.resolve('@svg-maps/sweden/index.js');
	const mod = (await import(file)) as { default: SvgMap };
	return { map: mod.default, file };
}

/** Rings of a path made of relative m/l pairs and z (the only commands the package uses). */
export function rings(d: string): [number, number][][] {
	const out: [number, number][][] = [];
	const tokens = d.match(/[a-zA-Z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
	let x = 0;
	let y = 0;
	let startX = 0;
	let startY = 0;
	let cmd = '';
	let ring: [number, number][] = [];
	let firstInCmd = false;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (/[a-zA-Z]/.test(t)) {
			cmd = t;
			firstInCmd = true;
			if (cmd === 'z' || cmd === 'Z') {
				if (ring.length) out.push(ring);
				ring = [];
				x = startX;
				y = startY;
			} else if (!/[mMlL]/.test(cmd)) throw new Error(`unsupported SVG path command "${cmd}"`);
			continue;
		}
		const nx = Number(t);
		const ny = Number(tokens[++i]);
		const rel = cmd === 'm' || cmd === 'l';
		x = rel ? x + nx : nx;
		y = rel ? y + ny : ny;
		if ((cmd === 'm' || cmd === 'M') && firstInCmd) {
			if (ring.length) out.push(ring);
			ring = [];
			startX = x;
			startY = y;
		}
		firstInCmd = false;
		ring.push([x, y]);
	}
	if (ring.length) out.push(ring);
	return out;
}

function area(r: [number, number][]): number {
	let s = 0;
	for (let i = 0; i < r.length; i++) {
		const [x1, y1] = r[i];
		const [x2, y2] = r[(i + 1) % r.length];
		s += x1 * y2 - x2 * y1;
	}
	return Math.abs(s / 2);
}

function bboxOf(points: [number, number][]): [number, number, number, number] {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of points) {
		x0 = Math.min(x0, x);
		y0 = Math.min(y0, y);
		x1 = Math.max(x1, x);
		y1 = Math.max(y1, y);
	}
	return [x0, y0, x1, y1].map((v) => Math.round(v * 10) / 10) as [number, number, number, number];
}

export function buildCountyMap(svg: SvgMap, regions: readonly Region[]): CountyMap {
	const counties: Record<string, CountyShape> = {};
	for (const loc of svg.locations) {
		const code = SVG_ID_TO_COUNTY[loc.id];
		if (!code) throw new Error(`@svg-maps/sweden: location "${loc.id}" (${loc.name}) has no county code in SVG_ID_TO_COUNTY`);
		const region = regions.find((r) => r.code === code);
		if (!region) throw new Error(`@svg-maps/sweden: county ${code} (${loc.name}) is not in data/catalog/regions.yaml`);
		const rs = rings(loc.path);
		const largest = rs.reduce((a, b) => (area(b) > area(a) ? b : a));
		const lb = bboxOf(largest);
		counties[code] = {
			code,
			svg_id: loc.id,
			label: region.name,
			short: region.short,
			path: loc.path,
			anchor: [Math.round(((lb[0] + lb[2]) / 2) * 10) / 10, Math.round(((lb[1] + lb[3]) / 2) * 10) / 10],
			bbox: bboxOf(rs.flat())
		};
	}
	const missing = regions.filter((r) => r.level === 'county' && !counties[r.code]).map((r) => r.code);
	if (missing.length) throw new Error(`@svg-maps/sweden: no shape for counties ${missing.join(', ')}`);
	return {
		viewBox: svg.viewBox,
		attribution: 'Karta: @svg-maps/sweden (Victor Cazanave), CC BY 4.0',
		licence: 'CC BY 4.0',
		licence_url: 'https://creativecommons.org/licenses/by/4.0/',
		source_url: 'https://github.com/VictorCazanave/svg-maps/tree/master/packages/sweden',
		codes: Object.keys(counties).sort(),
		counties: Object.fromEntries(Object.entries(counties).sort(([a], [b]) => a.localeCompare(b)))
	};
}

export async function writeCountyMap(dir: string, regions: readonly Region[]): Promise<{ file: string; input: string }> {
	const { map, file: input } = await loadSvgMap();
	const out = path.join(dir, 'map', 'counties.json');
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify(buildCountyMap(map, regions)) + '\n');
	return { file: out, input };
}
