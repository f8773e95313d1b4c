/**
 * A first guess at the design and item mapping from a file's columns and a sample of its rows,
 * for the /egna-data form (the user confirms or changes every field). Pure; unit-tested.
 *
 * Names first (Swedish and English conventions: vikt/weight, strata/lan, psu/kommun/kluster,
 * kon/sex, alder/age, ar/year), then contents: a weight is a column of positive numbers that are
 * not all small integers; an item is a column with a few small integer codes; 7–9 and 97–99
 * are read as "don't know / no answer" (missing), 1 as yes. A file with no weight-like column
 * is not a survey file.
 */
import { defaultIndicatorId, DESIGN_DEFAULTS, type ItemSpec, type SurveyDesign } from './design';

export type Sample = readonly Record<string, string | null>[];

export interface GuessInput {
	columns: readonly string[];
	sample: Sample;
	/** Catalog indicator ids: a column named like one maps to it. */
	indicators: readonly string[];
	/** Used when the file has no year column. */
	fallbackYear: number;
}

export interface Guess {
	design: SurveyDesign | null;
	/** Why no design could be guessed (not a survey file). */
	problem: string | null;
	/** Columns the form offers as items (small integer codes). */
	itemCandidates: string[];
}

const NAME = {
	weight: /^w$|vikt|weight|wgt/i,
	strata: /^(strat|strata|stratum|stratum_id|lan|län|county)$/i,
	psu: /^(psu|kluster|cluster|kommun|municipality|psu_id)$/i,
	region: /^(lan|län|county|region|lanskod|länskod|kommun|municipality)$/i,
	sex: /^(kon|kön|sex|gender)$/i,
	by: /^(alder|ålder|aldersgrupp|åldersgrupp|age|age_?group|utbildning|education|fodelseland|födelseland|country_of_birth|funktionsnedsattning|disability|sysselsattning|employment|hushall|hushåll|household)$/i,
	year: /^(ar|år|year|undersokningsar|survey_?year)$/i,
	ignore: /^(id|lopnr|löpnr|respid|respondent|syntetisk|synthetic)$/i
};

const GROUP_DIM: Record<string, string> = {
	alder: 'age', ålder: 'age', aldersgrupp: 'age', åldersgrupp: 'age', age: 'age', age_group: 'age', agegroup: 'age',
	utbildning: 'education', education: 'education', fodelseland: 'country_of_birth', födelseland: 'country_of_birth',
	country_of_birth: 'country_of_birth', funktionsnedsattning: 'disability', disability: 'disability',
	sysselsattning: 'employment', employment: 'employment', hushall: 'household', hushåll: 'household', household: 'household'
};

function values(sample: Sample, col: string): string[] {
	return sample.map((r) => r[col]).filter((v): v is string => v !== null && v !== undefined && v.trim() !== '').map((v) => v.trim());
}
const num = (v: string) => Number(v.replace(',', '.'));

function isWeightLike(vs: string[]): boolean {
	if (vs.length === 0) return false;
	const ns = vs.map(num);
	return ns.every((n) => Number.isFinite(n) && n > 0) && !ns.every((n) => Number.isInteger(n) && n < 100);
}

function codesOf(vs: string[]): string[] {
	return [...new Set(vs)].sort((a, b) => num(a) - num(b) || a.localeCompare(b));
}

function isItemLike(vs: string[]): boolean {
	const codes = codesOf(vs);
	return vs.length > 0 && codes.length >= 2 && codes.length <= 12 && codes.every((c) => /^-?\d+$/.test(c) && Math.abs(Number(c)) < 1000);
}

function missingCodes(codes: string[]): string[] {
	return codes.filter((c) => ['7', '8', '9', '97', '98', '99', '-1', '-9'].includes(c));
}

export function guessDesign(input: GuessInput): Guess {
	const { columns, sample } = input;
	const byName = (re: RegExp, except: string[] = []) => columns.find((c) => re.test(c.trim()) && !except.includes(c));
	const weight =
		byName(NAME.weight) ?? columns.find((c) => !NAME.ignore.test(c) && !NAME.year.test(c) && !NAME.strata.test(c) && !NAME.psu.test(c) && isWeightLike(values(sample, c)));
	const itemCandidates = columns.filter((c) => !NAME.ignore.test(c) && c !== weight && isItemLike(values(sample, c)));
	if (!weight || !isWeightLike(values(sample, weight)))
		return { design: null, problem: 'no-weight', itemCandidates };
	const strata = byName(NAME.strata, [weight]);
	const psu = byName(NAME.psu, [weight, strata ?? '']);
	const region = byName(/^(lan|län|county|region|lanskod|länskod)$/i, [weight]) ?? byName(NAME.region, [weight]);
	const sex = byName(NAME.sex, [weight]);
	const year = byName(NAME.year, [weight]);
	const by = columns.filter((c) => NAME.by.test(c.trim()));
	const taken = new Set([weight, strata, psu, region, sex, year, ...by].filter(Boolean) as string[]);
	const items: ItemSpec[] = itemCandidates
		.filter((c) => !taken.has(c))
		.map((c) => {
			const codes = codesOf(values(sample, c));
			const id = defaultIndicatorId(c);
			return { column: c, yes: ['1'], missing: missingCodes(codes), indicator: input.indicators.includes(id) ? id : id };
		});
	if (items.length === 0) return { design: null, problem: 'no-items', itemCandidates };
	const years = year ? values(sample, year).map(Number).filter((y) => Number.isInteger(y) && y > 1900 && y < 2200) : [];
	const period = years.length ? { start: Math.min(...years), end: Math.max(...years) } : { start: input.fallbackYear, end: input.fallbackYear };
	const groupDims = Object.fromEntries(by.map((b) => [b, GROUP_DIM[b.trim().toLowerCase()] ?? defaultIndicatorId(b)]));
	return {
		design: {
			...DESIGN_DEFAULTS,
			weight,
			strata,
			psu,
			region,
			sex,
			by,
			groupDims,
			period,
			items
		},
		problem: null,
		itemCandidates
	};
}
