/**
 * A real PX file dropped into a temporary data/raw/<publisher>/ with its intake mapping, and the
 * catalog entry that names it: Statistics Sweden's BE0101A1proc.px from the shared fixtures (not
 * written by us), mapped to a test indicator "share_single" (share of the unmarried by sex, per
 * county). Used by the pipeline test (values in observations.parquet) and the browser test
 * (values on the indicator page), so both drop exactly the same file and mapping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sharedPath } from './shared.ts';

const repo = path.resolve(import.meta.dirname, '../..');
export const DROPPED_PX = sharedPath('fixtures/px/percent/BE0101A1proc.px');
export const DROPPED_INDICATOR = 'share_single';

export const DROPPED_CATALOG_ENTRY = `
- id: share_single
  subgoal: 1
  name: { sv: Andel ogifta (testfil), en: Share single (test file) }
  short: { sv: Ogifta, en: Single }
  definition: { sv: "Andel ogifta, fördelning efter kön (SCB BE0101A1).", en: "Share single, distribution by sex (Statistics Sweden BE0101A1)." }
  question: { sv: Registeruppgift., en: Register data. }
  unit: percent
  polarity: no-judgement
  source: { publisher: scb, producer: { sv: SCB, en: Statistics Sweden }, api: none, table: BE0101A1, selection: {}, url: "https://www.statistikdatabasen.scb.se/" }
  breakdowns: [sex]
  age: { from: 0, to: null }
  periods: { national: { type: single-year, list: ["2004", "2005"] }, regional: { type: single-year, list: ["2004", "2005"] } }
  series_breaks: []
  suppression: null
  first_year: 2004
  geography: [county]
  verification: { level: V, note: "test fixture" }
`;

export const DROPPED_INTAKE = `file: BE0101A1proc.px
publisher: scb
title: "SCB BE0101A1: folkmängd efter region, civilstånd, år och kön"
retrieved_via: "shared/fixtures/px/percent/BE0101A1proc.px"
indicators:
  - indicator: share_single
    table: BE0101A1
    url: https://www.statistikdatabasen.scb.se/
    select: { "marital status": ["OG"] }
    measure: { variable: "$$SORT", value: "Per cent" }
`;

/**
 * Writes `<tmp>/catalog` (the project's catalog plus the entry above) and `<tmp>/raw` (the
 * published figures plus the PX file and its mapping under scb/), and returns the environment
 * that points the pipeline at them and at `<tmp>/<out>`.
 */
export function dropPx(tmp: string, out = 'out'): Record<string, string> {
	fs.cpSync(path.join(repo, 'data/catalog'), path.join(tmp, 'catalog'), { recursive: true });
	fs.appendFileSync(path.join(tmp, 'catalog/indicators.yaml'), DROPPED_CATALOG_ENTRY);
	fs.mkdirSync(path.join(tmp, 'raw/scb'), { recursive: true });
	fs.cpSync(path.join(repo, 'data/raw/published'), path.join(tmp, 'raw/published'), { recursive: true });
	fs.copyFileSync(DROPPED_PX, path.join(tmp, 'raw/scb/BE0101A1proc.px'));
	fs.writeFileSync(path.join(tmp, 'raw/scb/BE0101A1proc.intake.yaml'), DROPPED_INTAKE);
	return { ENSAMHET_RAW_DIR: path.join(tmp, 'raw'), ENSAMHET_CATALOG_DIR: path.join(tmp, 'catalog'), ENSAMHET_OUT_DIR: path.join(tmp, out) };
}
