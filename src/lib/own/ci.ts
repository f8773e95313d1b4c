/**
 * Confidence intervals for a survey proportion p with design-based standard error se
 * (both as proportions, 0…1). Pure functions; the estimator's SQL gives p and se.
 *
 * - `wald`: p ± z·se (PROC SURVEYFREQ's default), clipped to [0, 1] because a share cannot leave it.
 * - `logit`: on the logit scale with the delta-method SE, se / (p(1−p)), transformed back
 *   (R's svyciprop(method = "logit") with a normal quantile). Falls back to Wald at p = 0 or 1.
 * - `korn-graubard`: Clopper–Pearson with the effective sample size n* = p(1−p)/se², adjusted by
 *   (t_{n−1} / t_df)² for the design's degrees of freedom (R's svyciprop(method = "beta");
 *   Korn & Graubard 1998). df = PSUs − strata of the whole design. With se = 0, n* = n.
 */
import jStat from 'jstat';
import type { CiMethod } from './design';

const Z95 = 1.959963984540054;

export interface CiInput {
	p: number;
	se: number;
	/** Unweighted respondents in the domain. */
	n: number;
	/** Design degrees of freedom (PSUs − strata). */
	df: number;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

export function surveyCi(method: CiMethod, { p, se, n, df }: CiInput): [number, number] {
	if (method === 'logit' && p > 0 && p < 1) {
		const l = Math.log(p / (1 - p));
		const sl = se / (p * (1 - p));
		const expit = (x: number) => 1 / (1 + Math.exp(-x));
		return [expit(l - Z95 * sl), expit(l + Z95 * sl)];
	}
	if (method === 'korn-graubard') {
		let nEff = se > 0 ? (p * (1 - p)) / (se * se) : n;
		if (n > 1 && df > 0) nEff *= (jStat.studentt.inv(0.975, n - 1) / jStat.studentt.inv(0.975, df)) ** 2;
		const x = nEff * p;
		const lo = p <= 0 ? 0 : jStat.beta.inv(0.025, x, nEff - x + 1);
		const hi = p >= 1 ? 1 : jStat.beta.inv(0.975, x + 1, nEff - x);
		return [lo, hi];
	}
	return [clip(p - Z95 * se), clip(p + Z95 * se)];
}
