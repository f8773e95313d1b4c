/**
 * Format detection (pipelines/read/detect.ts) on small inputs written here, one per rule: the
 * content decides, the extension only breaks ties. Found by mutation testing (issue 19 item 5):
 * detect.ts scored 32 % with only the real-file cases in convert.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { classifyJson, detectFormat } from '../../pipelines/read/detect.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('classifyJson', () => {
	it('JSON-stat 2.0 by its class, 2.0 without class by version + dimension or link', () => {
		for (const cls of ['dataset', 'collection', 'dimension', 'bundle']) expect(classifyJson({ class: cls })).toBe('json-stat');
		expect(classifyJson({ class: 'table' })).toBe('unknown');
		expect(classifyJson({ version: '2.0', dimension: {} })).toBe('json-stat');
		expect(classifyJson({ version: '2.0', link: {} })).toBe('json-stat');
		expect(classifyJson({ version: '2.0' })).toBe('unknown');
		expect(classifyJson({ version: 2, dimension: {} })).toBe('unknown');
	});
	it('JSON-stat 1.x: {"dataset": {…}} or a bundle of datasets (every value with dimension and value)', () => {
		expect(classifyJson({ dataset: { value: [] } })).toBe('json-stat');
		expect(classifyJson({ dataset: 'x' })).toBe('unknown');
		expect(classifyJson({ a: { dimension: {}, value: [] }, b: { dimension: {}, value: [] } })).toBe('json-stat');
		expect(classifyJson({ a: { dimension: {}, value: [] }, b: { dimension: {} } })).toBe('unknown');
		expect(classifyJson({ a: null })).toBe('unknown');
	});
	it('PxWeb v1 answers (columns + data) and metadata (title + variables)', () => {
		expect(classifyJson({ columns: [], data: [] })).toBe('pxweb-json');
		expect(classifyJson({ columns: [], data: {} })).toBe('unknown');
		expect(classifyJson({ title: 'Folkmängd', variables: [] })).toBe('pxweb-metadata');
		expect(classifyJson({ title: 1, variables: [] })).toBe('unknown');
	});
	it('anything else is unknown: arrays, null, scalars, an empty object', () => {
		for (const v of [[], null, 3, 'x', {}]) expect(classifyJson(v)).toBe('unknown');
	});
});

describe('detectFormat', () => {
	it('JSON by its first character, after a BOM and white space; unparseable JSON is unknown', () => {
		expect(detectFormat('x', text('\uFEFF  \n{"class":"dataset"}'))).toBe('json-stat');
		expect(detectFormat('x.json', text('[1,2]'))).toBe('unknown');
		expect(detectFormat('x.json', text('{"class":'))).toBe('unknown');
	});
	it('PX by a keyword at the start (with a language or a subkey), or by the .px extension', () => {
		expect(detectFormat('x', text('TITLE[en]="Population";'))).toBe('px');
		expect(detectFormat('x', text('VALUES("region")="A","B";'))).toBe('px');
		expect(detectFormat('x', text('AXIS-VERSION="2010";'))).toBe('px');
		expect(detectFormat('https://host/a/TAB1.PX?lang=sv#top', text('hello'))).toBe('px');
		expect(detectFormat('x', text('1TITLE="x";'))).toBe('unknown');
	});
	it('CSV by the extension, or by two or more lines with the same number of fields for one separator', () => {
		expect(detectFormat('a.CSV', text('one line'))).toBe('csv');
		expect(detectFormat('a', text('a;b;c\n1;2;3\n4;5;6\n'))).toBe('csv');
		expect(detectFormat('a', text('a\tb\r\n1\t2\r\n'))).toBe('csv');
		expect(detectFormat('a', text('a,b\n1,2,3\n'))).toBe('unknown');
		expect(detectFormat('a', text('a,b\n'))).toBe('unknown');
		expect(detectFormat('a', text('word\nword\n'))).toBe('unknown');
	});
	it('a dot in a folder name is not an extension', () => {
		expect(detectFormat('data.px/readme', text('plain text'))).toBe('unknown');
		expect(detectFormat('noext', text('plain text'))).toBe('unknown');
	});
});
