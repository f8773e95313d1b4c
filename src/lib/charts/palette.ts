/**
 * Comparison colours: Okabe–Ito hues, each ≥ 3:1 against white (WCAG 1.4.11) and told apart by
 * shape as well as colour, so they work for colour-blind readers and in greyscale print.
 */
import type { ComparisonOutcome } from '$lib/stats/compare';

/** The stats module's comparison outcome; charts only colour it. */
export type Outcome = ComparisonOutcome;

export const OUTCOME_COLOR: Record<Outcome, string> = {
	better: '#0072B2',
	worse: '#C0392B',
	similar: '#6B6B6B',
	higher: '#7B3294',
	lower: '#00796B',
	'not-compared': '#9E9E9E'
};

export const OUTCOME_SYMBOL: Record<Outcome, string> = {
	better: 'triangle',
	worse: 'diamond',
	similar: 'circle',
	higher: 'triangle',
	lower: 'diamond',
	'not-compared': 'times'
};

export const INK = '#1b1b1b';
export const MUTED = '#595959';
export const SERIES = '#005C8A';
export const CI_FILL = '#7FB3D5';
export const STRATEGY_FILL = '#F3E6C9';
