/**
 * Calibration of the example data, per indicator. Everything is expressed on the "adverse"
 * share a (the share in the unfavourable state: a = value for higher-is-worse indicators,
 * a = 100 − value for higher-is-better ones), so that one set of gradients reads the same way
 * for every indicator: multipliers > 1 mean more people worse off.
 *
 * Levels are the real national figures from published_values.csv where they exist (noted);
 * otherwise a plausible guess [I]. Gradients follow the published patterns: loneliness is
 * higher among the young and the oldest, people living alone, people with disabilities, the
 * unemployed and the foreign-born.
 */

/** Survey design: decides n, CI and suppression the way the source does. */
export type Design =
	| 'hlv' // FoHM Nationella folkhälsoenkäten: CI p ± 1.96·√(p(100−p)/n), n published, suppressed if n < 100
	| 'ulf' // SCB ULF/SILC: share ± felmarginal (95 %), no n published
	| 'it' // SCB it-användning: share ± felmarginal, no n published
	| 'skol' // Skolenkäten: near-census of the surveyed schools, n = answers, no CI
	| 'hbsc' // Skolbarns hälsovanor: share only (no CI, no n in the regional tables)
	| 'register'; // register-based: no sampling error

export interface Profile {
	design: Design;
	/** National adverse share of the whole population (sex T) by year; linear in between, flat outside. */
	anchors: [year: number, adverse: number][];
	/** Relative adverse share of women (K) and men (M); normalised so their mean is 1. */
	sex: { K: number; M: number };
	/** Per group dimension: code → relative adverse share (normalised by the population weights unless `fixed`). */
	groups: Record<string, Record<string, number>>;
	/** Group dimensions whose multipliers are relative to the whole population as defined (not normalised). */
	fixed?: string[];
	/** Standard deviation of the log county effect. */
	countySd: number;
	/** Explicit county effects (multipliers on the adverse share), on top of the random ones. */
	counties?: Record<string, number>;
	/** Respondents in one national survey year (whole population, sex T). */
	nYear: number;
}

/** Population weights of the standard group codes (used to allocate n and normalise). */
export const WEIGHTS: Record<string, Record<string, number>> = {
	age: { '11': 1 / 3, '13': 1 / 3, '15': 1 / 3, '16-29': 0.21, '30-44': 0.24, '45-64': 0.31, '65-84': 0.21, '85+': 0.03 },
	country_of_birth: { sweden: 0.8, foreign_born: 0.2, nordic: 0.03, europe: 0.07, outside_europe: 0.1 },
	education: { primary: 0.15, secondary: 0.45, tertiary: 0.4 },
	disability: { disabled: 0.2, not_disabled: 0.8 },
	employment: { employed: 0.75, unemployed: 0.07, sick_leave: 0.06, student: 0.12 },
	household: { living_alone: 0.22, not_living_alone: 0.78 },
	school_year: { ak5: 0.35, ak8: 0.35, gy2: 0.3 }
};

/** Codes each design really breaks down by (the source's own categories). */
export const DESIGN_CODES: Record<Design, Record<string, string[]>> = {
	hlv: {
		age: ['16-29', '30-44', '45-64', '65-84', '85+'],
		country_of_birth: ['sweden', 'nordic', 'europe', 'outside_europe'],
		education: ['primary', 'secondary', 'tertiary'],
		employment: ['employed', 'unemployed', 'sick_leave', 'student'],
		disability: ['disabled', 'not_disabled'],
		household: ['living_alone', 'not_living_alone']
	},
	ulf: {
		age: ['16-29', '30-44', '45-64', '65-84', '85+'],
		country_of_birth: ['sweden', 'foreign_born'],
		education: ['primary', 'secondary', 'tertiary'],
		disability: ['disabled', 'not_disabled'],
		household: ['living_alone', 'not_living_alone']
	},
	it: {
		age: ['16-29', '30-44', '45-64', '65-84'],
		country_of_birth: ['sweden', 'foreign_born'],
		education: ['primary', 'secondary', 'tertiary']
	},
	skol: { school_year: ['ak5', 'ak8', 'gy2'] },
	hbsc: { age: ['11', '13', '15'] },
	register: {}
};

/** Loneliness-type gradients on the adverse share. */
const SOCIAL = {
	age: { '16-29': 1.5, '30-44': 1.0, '45-64': 0.75, '65-84': 0.85, '85+': 1.5 },
	country_of_birth: { sweden: 0.85, foreign_born: 1.6, nordic: 1.3, europe: 1.6, outside_europe: 1.9 },
	education: { primary: 1.4, secondary: 1.05, tertiary: 0.8 },
	disability: { disabled: 2.0, not_disabled: 0.75 },
	employment: { employed: 0.8, unemployed: 2.0, sick_leave: 2.2, student: 1.2 },
	household: { living_alone: 1.8, not_living_alone: 0.78 }
};

export const PROFILES: Record<string, Profile> = {
	transit_access: {
		design: 'register',
		// 100 − share near transit: 2019 women 82 (SCB 9.1.3(N)), 2021 total 80.9 (Kolada N07418).
		anchors: [[2014, 20.5], [2019, 18.7], [2021, 19.1], [2023, 18.8]],
		sex: { K: 0.96, M: 1.04 },
		groups: {},
		countySd: 0.25,
		counties: { '01': 0.4, '12': 0.85, '14': 0.85, '09': 1.9, '23': 2.1, '25': 1.6, '20': 1.5, '17': 1.5, '08': 1.7 },
		nYear: 0
	},
	association_active: {
		design: 'ulf',
		// 100 − active: 29 % active in 2018–2019 (SCB).
		anchors: [[2009, 69.5], [2019, 71], [2023, 71.5]],
		sex: { K: 1.02, M: 0.98 },
		groups: {
			age: { '16-29': 1.08, '30-44': 1.0, '45-64': 0.98, '65-84': 0.93, '85+': 1.1 },
			education: { primary: 1.08, secondary: 1.01, tertiary: 0.95 },
			country_of_birth: { sweden: 0.98, foreign_born: 1.08 },
			household: { living_alone: 1.04, not_living_alone: 0.99 },
			disability: { disabled: 1.06, not_disabled: 0.98 }
		},
		countySd: 0.03,
		// Stockholm 25 % active (NUTS2 SE11), mellersta/övre Norrland 35 %.
		counties: { '01': 1.056, '22': 0.92, '23': 0.9, '24': 0.92, '25': 0.92 },
		nYear: 5500
	},
	trust_others: {
		design: 'hlv',
		// Low trust 28 % in 2021 (FoHM), 2019–2022 window 28 (Kolada U01413).
		anchors: [[2004, 27], [2012, 26.5], [2016, 27], [2021, 28], [2024, 28.5]],
		sex: { K: 0.98, M: 1.02 },
		groups: { ...SOCIAL, age: { '16-29': 1.35, '30-44': 1.05, '45-64': 0.9, '65-84': 0.8, '85+': 1.0 } },
		countySd: 0.08,
		counties: { '23': 0.78, '24': 0.85, '12': 1.15, '21': 1.12, '19': 1.1 },
		nYear: 17000
	},
	trust_institutions: {
		design: 'hlv',
		anchors: [[2024, 31]], // no published value [I]
		sex: { K: 0.95, M: 1.05 },
		groups: { ...SOCIAL, age: { '16-29': 1.1, '30-44': 1.1, '45-64': 1.0, '65-84': 0.85, '85+': 0.9 } },
		countySd: 0.08,
		counties: { '25': 1.15, '21': 1.12, '01': 0.9 },
		nYear: 17000
	},
	school_unsafe: {
		design: 'skol',
		// Åk 8 not safe: 17 % 2022, 20 % 2023, 19 % 2024 (Skolinspektionen).
		anchors: [[2022, 17], [2023, 20], [2024, 19]],
		sex: { K: 1.06, M: 0.94 },
		groups: { school_year: { ak5: 0.75, ak8: 1.0, gy2: 0.85 } },
		fixed: ['school_year'],
		countySd: 0.1,
		counties: { '01': 0.88, '21': 1.15, '04': 1.12 },
		nYear: 45000
	},
	refrained_going_out: {
		design: 'hlv',
		// 29 % in 2021 (FoHM); 4-year means 22 (2013–16), 25 (2015–18), 28 (2017–20, 2018–21), 28.2 (2019–22).
		anchors: [[2004, 19], [2010, 20], [2013, 21], [2016, 23.5], [2018, 26], [2020, 28.5], [2021, 29], [2022, 28.5], [2024, 28]],
		sex: { K: 1.55, M: 0.45 },
		groups: { ...SOCIAL, age: { '16-29': 1.25, '30-44': 0.9, '45-64': 0.85, '65-84': 1.05, '85+': 1.6 } },
		countySd: 0.1,
		// county range 18–34 % (2018/2021).
		counties: { '01': 1.1, '12': 1.18, '09': 0.68, '23': 0.7, '14': 1.05 },
		nYear: 17000
	},
	cannot_afford_leisure: {
		design: 'ulf',
		anchors: [[2015, 6], [2019, 5], [2023, 6]], // [I]; MSD 4 % in 2019 is a composite
		sex: { K: 1.1, M: 0.9 },
		groups: {
			age: { '16-29': 1.3, '30-44': 1.2, '45-64': 1.0, '65-84': 0.7, '85+': 0.9 },
			education: { primary: 1.6, secondary: 1.1, tertiary: 0.6 },
			country_of_birth: { sweden: 0.75, foreign_born: 2.2 },
			household: { living_alone: 1.6, not_living_alone: 0.83 },
			disability: { disabled: 1.9, not_disabled: 0.78 }
		},
		countySd: 0.15,
		counties: { '21': 1.3, '10': 1.2, '13': 0.8 },
		nYear: 5500
	},
	no_internet_use: {
		design: 'it',
		// 95 % used the internet in the last three months in 2022 (SCB).
		anchors: [[2014, 10], [2018, 7], [2022, 5], [2024, 4.5]],
		sex: { K: 1.05, M: 0.95 },
		groups: {
			age: { '16-29': 0.1, '30-44': 0.2, '45-64': 0.6, '65-84': 3.0 },
			education: { primary: 3.0, secondary: 0.9, tertiary: 0.3 },
			country_of_birth: { sweden: 0.95, foreign_born: 1.25 }
		},
		countySd: 0.15,
		counties: { '01': 0.7, '23': 1.3, '09': 1.3 },
		nYear: 2800
	},
	school_lonely: {
		design: 'hbsc',
		anchors: [[2002, 8], [2010, 9], [2018, 12], [2022, 14]], // [I]; strategy: "about one in six"
		sex: { K: 1.4, M: 0.6 },
		groups: { age: { '11': 0.7, '13': 1.0, '15': 1.3 } },
		countySd: 0.1,
		counties: { '21': 1.15, '23': 0.85 },
		// 2021/22: about 42 000 pupils (regional sample); earlier national rounds were smaller.
		nYear: 30000
	},
	lonely_often_always: {
		design: 'hlv',
		// 6 % of 16+ in 2024; 16–29: men 12 %, women 8 % (FoHM, Din psykiska hälsa).
		anchors: [[2024, 6]],
		sex: { K: 1.0, M: 1.0 },
		groups: { ...SOCIAL, age: { '16-29': 1.67, '30-44': 1.0, '45-64': 0.7, '65-84': 0.75, '85+': 1.5 } },
		countySd: 0.12,
		counties: { '21': 1.25, '25': 1.15, '13': 0.8 },
		nYear: 17000
	},
	no_confidant: {
		design: 'hlv',
		anchors: [[2004, 13], [2012, 12], [2018, 12], [2021, 13], [2024, 13]], // [I]; strategy cites 13 %
		sex: { K: 0.7, M: 1.3 },
		groups: SOCIAL,
		countySd: 0.08,
		// Gävleborg clearly worse, Halland/Jämtland better.
		counties: { '21': 1.3, '25': 1.15, '10': 1.12, '13': 0.82, '23': 0.85 },
		nYear: 17000
	},
	no_close_friend: {
		design: 'ulf',
		// 5 % 2021 (new definition), 2023: men 9 %, förgymnasial 12 %, utrikes födda 13 %, inrikes 6 %.
		anchors: [[2021, 5], [2022, 6.5], [2023, 7.5]],
		sex: { K: 0.8, M: 1.2 },
		groups: {
			age: { '16-29': 0.95, '30-44': 0.9, '45-64': 0.95, '65-84': 1.1, '85+': 1.8 },
			education: { primary: 1.6, secondary: 1.05, tertiary: 0.7 },
			country_of_birth: { sweden: 0.8, foreign_born: 1.75 },
			household: { living_alone: 2.0, not_living_alone: 0.72 },
			disability: { disabled: 1.9, not_disabled: 0.78 }
		},
		countySd: 0.12,
		counties: { '21': 1.2, '13': 0.85 },
		nYear: 5500
	}
};
