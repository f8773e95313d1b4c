/** Paths into the shared pxweb-api recordings. */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './replay-server.ts';

export const V1 = path.join(FIXTURES, 'api.scb.se/OV0104/v1/doris');
export const V2 = path.join(FIXTURES, 'statistikdatabasen.scb.se/api/v2');
export const BEF_SV = path.join(V1, 'sv/ssd/BE/BE0101/BE0101A/BefolkningNy');
export const BEF_EN = path.join(V1, 'en/ssd/BE/BE0101/BE0101A/BefolkningNy');
export const ME_SV = path.join(V1, 'sv/ssd/START/ME/ME0104/ME0104C/ME0104T24');

export function readJson(file: string): unknown {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}
export function readText(file: string): string {
	return fs.readFileSync(file, 'utf8');
}
