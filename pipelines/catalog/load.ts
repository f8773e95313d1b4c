/**
 * Loads and validates the indicator catalog (data/catalog/*.yaml). A malformed entry stops
 * the build with a message naming the file, the entry and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { catalogDir, relativeToRepo } from '../build/paths.ts';

const texts = z.object({ sv: z.string().min(1), en: z.string().min(1) });

export const indicatorSchema = z.object({
	id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
	subgoal: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	name: texts,
	short: texts,
	unit: z.enum(['percent']),
	polarity: z.enum(['higher-is-better', 'higher-is-worse', 'no-judgement'])
});
export type Indicator = z.infer<typeof indicatorSchema>;

export class CatalogError extends Error {}

export function loadIndicators(file = path.join(catalogDir, 'indicators.yaml')): Indicator[] {
	const rel = relativeToRepo(file);
	const doc = parseYaml(fs.readFileSync(file, 'utf8'));
	if (!Array.isArray(doc)) throw new CatalogError(`${rel}: expected a list of indicators`);
	const problems: string[] = [];
	const out: Indicator[] = [];
	doc.forEach((entry: unknown, i: number) => {
		const parsed = indicatorSchema.safeParse(entry);
		const name = (entry as { id?: unknown })?.id ?? `#${i + 1}`;
		if (parsed.success) out.push(parsed.data);
		else for (const issue of parsed.error.issues) problems.push(`${rel}: entry "${String(name)}": field "${issue.path.join('.')}": ${issue.message}`);
	});
	const ids = new Set<string>();
	for (const ind of out) {
		if (ids.has(ind.id)) problems.push(`${rel}: entry "${ind.id}": field "id": duplicate id`);
		ids.add(ind.id);
	}
	if (problems.length) throw new CatalogError(problems.join('\n'));
	return out;
}
