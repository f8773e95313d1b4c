/** What /egna-data (/en/own-data) needs at build time: indicators, region names, municipalities. */
import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from '$lib/i18n/format';
import { indicators } from './pages';
import { regionNames } from './catalog';

export function ownDataPage(lang: Lang) {
	const municipalities = fs
		.readFileSync(path.resolve('data/catalog/municipalities.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(','))
		.map((f) => ({ code: f[0], county: f[f.length - 1] }));
	return {
		lang,
		indicators: indicators().map((i) => ({ id: i.id, name: i.name, short: i.short, polarity: i.polarity })),
		regionNames: regionNames(lang),
		municipalities
	};
}
