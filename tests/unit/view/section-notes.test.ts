/** Issue #20 item 7: "cannot be assessed" said once per section (view/section-notes.ts). */
import { describe, expect, it } from 'vitest';
import { allWaiting, changeWaitNote, trendNote, waitsForData } from '../../../src/lib/view/section-notes';

const wait = { outcome: 'not-assessable', reason: 'no-later-value' } as const;
const brk = { outcome: 'not-assessable', reason: 'series-break' } as const;
const better = { outcome: 'improved' } as const;

describe('change since 2024, said once', () => {
	it('only a missing later value is "waiting"; a series break is particular to its cell', () => {
		expect(waitsForData(wait)).toBe(true);
		expect(waitsForData(brk)).toBe(false);
		expect(waitsForData({ outcome: 'not-assessable', reason: 'window-before-strategy' })).toBe(false);
		expect(waitsForData(better)).toBe(false);
	});

	it('one sentence when every change waits; with a count when some do; nothing when none', () => {
		expect(changeWaitNote([wait, wait, wait, wait], 'sv')).toBe('Förändring sedan 2024 bedöms när värden efter 2024 finns.');
		expect(allWaiting([wait, wait])).toBe(true);
		expect(changeWaitNote([wait, brk, better, wait], 'sv')).toBe('Förändring sedan 2024 bedöms när värden efter 2024 finns; det gäller ännu 2 av 4 indikatorer.');
		expect(changeWaitNote([wait, better], 'en')).toBe('Change since 2024 is assessed once values after 2024 exist; this still applies to 1 of 2 indicators.');
		expect(allWaiting([wait, brk])).toBe(false);
		expect(allWaiting([])).toBe(false);
		expect(changeWaitNote([brk, better], 'sv')).toBe('');
	});
});

describe('untested trends, counted once', () => {
	it('counts the reasons and keeps the curves as context', () => {
		const trends = [
			{ label: 'not-assessable', reason: 'pooled-periods' },
			{ label: 'not-assessable', reason: 'pooled-periods' },
			{ label: 'not-assessable', reason: 'too-few-points' },
			{ label: 'getting-worse' }
		] as const;
		expect(trendNote(trends, 'sv')).toBe(
			'Trenden (Fingertips test på 99,8\u00a0%-nivån) kan inte bedömas för 3 av 4 indikatorer (2: bara sammanslagna perioder, inga enskilda år; 1: färre än fem årsvärden). Kurvorna visar ändå utvecklingen, som sammanhang.'
		);
		expect(trendNote(trends, 'en')).toContain('cannot be assessed for 3 of 4 indicators (2: only pooled periods, no single years; 1: fewer than five yearly values)');
		expect(trendNote([{ label: 'getting-worse' }], 'sv')).toBe('');
	});
});
