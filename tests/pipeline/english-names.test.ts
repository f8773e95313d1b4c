/** #20 item 13: English publisher names from the catalog, and a clear error where one is missing. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../pipelines/catalog/load.ts';
import { englishPublishedSource, englishPublisher, splitSecondary } from '../../pipelines/catalog/english-names.ts';

const { publishers } = loadCatalog();

describe('splitSecondary', () => {
	it('separates the producer from the page that cites it', () => {
		expect(splitSecondary('SCB (ULF/SILC) via Nya Dagbladet')).toEqual({ primary: 'SCB (ULF/SILC)', citedIn: 'Nya Dagbladet' });
		expect(splitSecondary('Folkhälsomyndigheten (HLV/Nationella folkhälsoenkäten) via Kolada/Hållbarometern Lerum')).toEqual({
			primary: 'Folkhälsomyndigheten (HLV/Nationella folkhälsoenkäten)',
			citedIn: 'Kolada/Hållbarometern Lerum'
		});
		expect(splitSecondary('Skolinspektionen (Skolenkäten)')).toEqual({ primary: 'Skolinspektionen (Skolenkäten)' });
	});
});

describe('englishPublisher', () => {
	it.each([
		['SCB (ULF/SILC)', 'Statistics Sweden (ULF/SILC)'],
		['SCB (Befolkningens it-användning)', 'Statistics Sweden (Use of ICT by the population)'],
		['Folkhälsomyndigheten (HLV/Nationella folkhälsoenkäten)', 'Public Health Agency of Sweden (HLV/National Public Health Survey)'],
		['Skolinspektionen (Skolenkäten)', 'Swedish Schools Inspectorate (School Survey)'],
		['Statistiska centralbyrån (SCB)', 'Statistics Sweden (SCB)'],
		['Exempeldata (syntetiska)', 'Example data (synthetic)'],
		['Folkhälsomyndigheten', 'Public Health Agency of Sweden']
	])('%s → %s', (sv, en) => {
		expect(englishPublisher(sv, publishers)).toBe(en);
	});
	it('an unknown publisher or survey is an error naming it and what to add', () => {
		expect(() => englishPublisher('Brå (NTU)', publishers)).toThrow(/publisher "Brå".*data\/catalog\/sources\.yaml/);
		expect(() => englishPublisher('SCB (Okänd undersökning)', publishers)).toThrow(/"Okänd undersökning".*terms of publisher "scb"/);
	});
	it('the error from a published source names the file and the publication', () => {
		expect(() => englishPublishedSource({ source_id: 'pub-x', publisher: 'Brå (NTU)', title: 'NTU 2012' }, publishers, 'data/raw/published/published_values.csv')).toThrow(
			/^data\/raw\/published\/published_values\.csv: source "Brå \(NTU\)" \(publication "NTU 2012", pub-x\): publisher "Brå"/
		);
	});
	it('a secondary page appears only as "cited in"', () => {
		expect(englishPublishedSource({ source_id: 'pub-y', publisher: 'SCB (ULF/SILC)', title: 'SCB press release April 2024 (ULF 2023)', cited_in: 'Nya Dagbladet' }, publishers, 'x.csv')).toEqual({
			publisher_en: 'Statistics Sweden (ULF/SILC)',
			citation_en: 'Source: Statistics Sweden (ULF/SILC), SCB press release April 2024 (ULF 2023), cited in Nya Dagbladet'
		});
	});
});
