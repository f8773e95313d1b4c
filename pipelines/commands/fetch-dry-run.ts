/**
 * `npm run pipeline -- fetch --dry-run`: per indicator, the requests the fetch would send and
 * the cells it would keep, without sending anything.
 *
 * Kolada URLs are exact (they depend on the catalog and today's year only). PxWeb data bodies
 * need the table's metadata: when a previous fetch saved it (data/raw/<publisher>/<lang>/
 * <table>.json), the bodies are resolved and split exactly as the fetch would send them, and a
 * missing text shows as the error the fetch would stop with. Without it, the bodies are shown
 * as they stand before the metadata GET: `'*'` as PxWeb's `all`/`*` filter (the metadata's full
 * value list at fetch time) and a value chosen by its text as `<code of "…">`.
 */
import type { Indicator } from '../catalog/load.ts';
import { defaultLimits, type FilterSelection, type TableSpec } from '../fetch/index.ts';
import { readPxWebMetadata } from '../read/pxweb-json.ts';
import { cellsOf, koladaUrls, metadataUrl, dataUrl, planLeaves, planQuery, resolveSelection, resolveTotalTexts, tableName, v1Body } from '../fetch/query.ts';
import { shapeFromCube } from '../fetch/shape.ts';
import { normalizeSelection } from '../fetch/spec.ts';
import type { FetchPlan } from './fetch.ts';

const LEVELS: Record<string, string> = { nation: 'nation', county: 'counties', municipality: 'municipalities', nuts2: 'NUTS2 areas' };

/** The v1 body as sent, except that text filters show which code they stand for. */
function v1DryBody(spec: TableSpec): string {
	return JSON.stringify({
		query: Object.entries(spec.selection)
			.filter(([code]) => code !== '*')
			.map(([code, sel]) => {
			const s: FilterSelection = normalizeSelection(sel);
			if (s.filter === 'text') return { code, selection: { filter: 'item', values: s.values.map((t) => `<code of "${t}">`) } };
			return { code, selection: { filter: s.filter, values: s.values } };
		}),
		response: { format: 'json' }
	});
}

function v2DryBody(spec: TableSpec): string {
	return JSON.stringify({
		selection: Object.entries(spec.selection)
			.filter(([code]) => code !== '*')
			.map(([code, sel]) => {
			const s = normalizeSelection(sel);
			const values = s.filter === 'text' ? s.values.map((t) => `<code of "${t}">`) : s.values;
			return { variableCode: code, valueCodes: values };
		})
	});
}

function describeSelection(spec: TableSpec, ind: Indicator): string[] {
	const out: string[] = [];
	const measure = ind.source.measure;
	for (const [code, sel] of Object.entries(spec.selection)) {
		const s = normalizeSelection(sel);
		if (code === '*') {
			out.push('every other variable of the table: every value in the metadata (named in the body at fetch time)');
			continue;
		}
		if (measure && code === measure.variable) {
			const parts = [`value ${measure.value}`];
			if (measure.ci_low && measure.ci_high) parts.push(`95 % CI ${measure.ci_low}–${measure.ci_high}`);
			if (measure.n) parts.push(`n ${measure.n}`);
			out.push(`${code}: ${parts.join(', ')}`);
		} else if (s.filter === 'text') out.push(`${code}: the value whose text is ${s.values.map((t) => `"${t}"`).join(', ')} (code from the metadata)`);
		else if (s.filter === 'all' && s.values.join() === '*') out.push(`${code}: every value in the metadata`);
		else out.push(`${code}: ${s.filter === 'item' ? '' : `${s.filter} `}${s.values.join(', ')}`);
	}
	for (const [v, texts] of Object.entries(spec.totalTexts ?? {}))
		out.push(`${v} → ${ind.source.groups?.[v] ?? ind.source.national_tables?.find((t) => t.table === spec.table)?.groups[v] ?? 'group'}; whole population = the value whose text is ${texts.map((t) => `"${t}"`).join(' (else ')}${')'.repeat(texts.length - 1)}; a fetch fails if none is there`);
	return out;
}

/** Saved metadata of a table, if a previous fetch left it: the answer and where it is. */
export type MetadataLookup = (spec: TableSpec) => { meta: unknown; file: string } | undefined;

/** Exact v1 calls from saved metadata: one POST per planned part, or the fetch's error. */
function exactV1(spec: TableSpec, saved: { meta: unknown; file: string }): string[] {
	const url = metadataUrl(spec);
	try {
		const shape = shapeFromCube(readPxWebMetadata(saved.meta, url, { lang: spec.lang }));
		const totals = resolveTotalTexts(spec.totalTexts, shape, spec.table);
		const leaves = planLeaves(planQuery(resolveSelection(spec.selection, shape, spec.table), shape, defaultLimits(spec).maxCells, spec.table));
		return [
			...leaves.flatMap((l) => [`    POST ${dataUrl(spec)}   (${cellsOf(l)} cells)`, `      ${v1Body(l, 'json')}`]),
			`    (resolved with the metadata saved in ${saved.file}${Object.keys(totals).length ? `; whole population: ${Object.entries(totals).map(([v, c]) => `${v} ${c}`).join(', ')}` : ''})`
		];
	} catch (e) {
		return [`    the fetch would stop here: ${e instanceof Error ? e.message : String(e)} (metadata saved in ${saved.file})`];
	}
}

/** The dry-run text for a list of plans (one block per indicator, in catalog order). */
export function dryRunText(plans: readonly FetchPlan[], metadataFor: MetadataLookup = () => undefined): string {
	const lines: string[] = [];
	let current = '';
	for (const p of plans) {
		const ind = p.indicator;
		if (ind.id !== current) {
			current = ind.id;
			if (lines.length) lines.push('');
			lines.push(`${ind.id} — ${ind.name.sv} (source verification ${ind.verification.level})`);
		}
		if (!p.spec) {
			lines.push(`  skipped, nothing sent: ${p.skip}`);
			if (!ind.source.table && ind.source.api !== 'none') lines.push(`  (npm run pipeline -- discover ${ind.id} proposes candidate tables)`);
			continue;
		}
		const spec = p.spec;
		const src = ind.source;
		lines.push(`  table ${spec.api} ${spec.table} (publisher ${spec.publisher})`);
		lines.push('  requests:');
		if (spec.api === 'kolada-v3') {
			for (const u of koladaUrls(spec)) lines.push(`    GET ${u}`);
			lines.push('    (and each answer\'s next_url, if it has more pages)');
		} else {
			const max = defaultLimits(spec).maxCells;
			lines.push(`    GET ${metadataUrl(spec)}`);
			const saved = spec.api === 'pxweb-v1' ? metadataFor(spec) : undefined;
			if (saved) lines.push(...exactV1(spec, saved));
			else {
				lines.push(`    POST ${dataUrl(spec)}`);
				lines.push(`      ${spec.api === 'pxweb-v1' ? v1DryBody(spec) : v2DryBody(spec)}`);
				lines.push(`    ('*' is sent as the metadata's value list, variables in table order; split into calls of ≤ ${max.toLocaleString('en-US').replace(/,/g, ' ')} cells; answers saved as ${tableName(spec)}-<hash>-POST.json)`);
			}
		}
		lines.push('  keeps:');
		if (spec.api === 'kolada-v3') {
			const where = src.api_geography ? `the ${src.api_geography.map((g) => LEVELS[g]).join(', ')} asked for` : 'every nation, county and municipality row';
			lines.push(`    kpi ${spec.table}; ${where}, every year Kolada answers; gender T/K/M → sex; rows marked isdeleted dropped`);
		} else for (const d of describeSelection(spec, ind)) lines.push(`    ${d}`);
		if (src.derived) lines.push(`    value = 100 − the share of "${src.derived.label.sv}"${src.derived.code ? ` (${src.derived.code})` : ''}; CI bounds swapped`);
		const alternative = src.alternative_tables?.find((t) => t.table === spec.table);
		if (alternative) lines.push(`    alternative source: only ${alternative.api_geography.map((g) => LEVELS[g]).join(', ')} (other rows in the answer are rejects); ${alternative.note.en}`);
		else if (src.api_geography) {
			const others = ind.geography.filter((g) => !src.api_geography!.includes(g));
			lines.push(`    only ${src.api_geography.map((g) => LEVELS[g]).join(', ')}${others.length ? `; ${others.map((g) => LEVELS[g]).join(', ')} from published figures (any such row in the answer is a reject)` : ''}`);
		}
	}
	return lines.join('\n') + '\n';
}
