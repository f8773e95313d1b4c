/** The geographic level of a region code: '00' the nation, two digits a county, four digits a municipality. */
export type Level = 'nation' | 'county' | 'municipality';

export function levelOf(regionCode: string): Level {
	if (regionCode === '00') return 'nation';
	return regionCode.length === 4 ? 'municipality' : 'county';
}
