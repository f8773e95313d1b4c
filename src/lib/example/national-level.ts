/**
 * The example data's national level of an indicator in a year: shared by the pipeline's example
 * generator (pipelines/generate) and the synthetic respondent files (src/lib/own/synthetic.ts),
 * so both are calibrated alike.
 */
import type { Profile } from './profiles';

/** Linear interpolation of the anchors, flat outside them. */
export function nationalLevel(p: Profile, year: number): number {
	const a = p.anchors;
	if (year <= a[0][0]) return a[0][1];
	if (year >= a[a.length - 1][0]) return a[a.length - 1][1];
	for (let i = 1; i < a.length; i++) {
		const [y1, v1] = a[i];
		const [y0, v0] = a[i - 1];
		if (year <= y1) return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
	}
	return a[a.length - 1][1];
}
