/**
 * A careful, hand-written validator for Frictionless Data Package v1 + Table Schema v1
 * descriptors (no validator package is installed). It checks the descriptor against the specs
 * (required keys, name patterns, field types, constraints, keys) and the files it points to
 * (they exist, bytes and sha256 hash match). Data checks live in the test.
 * Specs: https://specs.frictionlessdata.io/data-package/ , /data-resource/ , /tabular-data-resource/ , /table-schema/ , /csv-dialect/
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FIELD_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']);
const CONSTRAINTS = new Set(['required', 'unique', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'enum']);
const DIALECT_KEYS = new Set(['csvddfVersion', 'delimiter', 'doubleQuote', 'lineTerminator', 'nullSequence', 'quoteChar', 'escapeChar', 'skipInitialSpace', 'header', 'commentChar', 'caseSensitiveHeader']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export function validateDatapackage(pkg: unknown, dir: string): string[] {
	const errors: string[] = [];
	const err = (where: string, msg: string) => errors.push(`${where}: ${msg}`);
	if (!isObj(pkg)) return ['descriptor: must be a JSON object'];
	if (pkg.name !== undefined && (typeof pkg.name !== 'string' || !/^([-a-z0-9._/])+$/.test(pkg.name))) err('name', 'must be lower-case alphanumeric with - . _ /');
	for (const k of ['profile', 'title', 'description', 'version', 'homepage'] as const) if (pkg[k] !== undefined && typeof pkg[k] !== 'string') err(k, 'must be a string');
	if (typeof pkg.version === 'string' && !/^\d+\.\d+\.\d+([-+].+)?$/.test(pkg.version)) err('version', 'should be SemVer');
	if (pkg.created !== undefined && (typeof pkg.created !== 'string' || !RFC3339.test(pkg.created))) err('created', 'must be an RFC 3339 date-time');
	if (pkg.keywords !== undefined && !(Array.isArray(pkg.keywords) && pkg.keywords.length > 0 && pkg.keywords.every((k) => typeof k === 'string'))) err('keywords', 'must be a non-empty array of strings');
	if (pkg.licenses !== undefined) {
		if (!Array.isArray(pkg.licenses) || pkg.licenses.length === 0) err('licenses', 'must be a non-empty array');
		else
			pkg.licenses.forEach((l, i) => {
				if (!isObj(l)) return err(`licenses[${i}]`, 'must be an object');
				if (l.name === undefined && l.path === undefined) err(`licenses[${i}]`, 'needs name or path');
				if (l.name !== undefined && (typeof l.name !== 'string' || !/^([-a-zA-Z0-9._])+$/.test(l.name))) err(`licenses[${i}].name`, 'must be an Open Definition id');
				if (l.path !== undefined && !isPath(l.path)) err(`licenses[${i}].path`, 'must be a URL or POSIX path');
			});
	}
	if (pkg.sources !== undefined) {
		if (!Array.isArray(pkg.sources)) err('sources', 'must be an array');
		else
			pkg.sources.forEach((s, i) => {
				if (!isObj(s) || typeof s.title !== 'string' || !s.title) err(`sources[${i}]`, 'needs a title');
				else if (s.path !== undefined && !isPath(s.path)) err(`sources[${i}].path`, 'must be a URL or POSIX path');
			});
	}
	if (!Array.isArray(pkg.resources) || pkg.resources.length === 0) {
		err('resources', 'required, a non-empty array');
		return errors;
	}
	const names = new Set<string>();
	const schemas = new Map<string, Obj>();
	pkg.resources.forEach((r, i) => {
		const at = `resources[${i}]`;
		if (!isObj(r)) return err(at, 'must be an object');
		if (typeof r.name !== 'string' || !/^([-a-z0-9._/])+$/.test(r.name)) err(`${at}.name`, 'required, lower-case alphanumeric with - . _ /');
		else if (names.has(r.name)) err(`${at}.name`, 'must be unique');
		else names.add(r.name);
		if (r.path === undefined && r.data === undefined) err(at, 'needs path or data');
		const paths = r.path === undefined ? [] : Array.isArray(r.path) ? r.path : [r.path];
		for (const p of paths) {
			if (typeof p !== 'string' || !isPath(p)) err(`${at}.path`, `"${String(p)}" is not a URL or relative POSIX path`);
			else if (!/^https?:/.test(p)) {
				if (path.isAbsolute(p) || p.split('/').includes('..')) err(`${at}.path`, 'must be relative without ..');
				const file = path.join(dir, p);
				if (!fs.existsSync(file)) err(`${at}.path`, `${p} does not exist`);
				else {
					if (paths.length === 1 && r.bytes !== undefined && r.bytes !== fs.statSync(file).size) err(`${at}.bytes`, `${r.bytes} ≠ ${fs.statSync(file).size}`);
					if (paths.length === 1 && typeof r.hash === 'string') {
						const [algo, hex] = r.hash.includes(':') ? r.hash.split(':') : ['md5', r.hash];
						if (!['md5', 'sha1', 'sha256', 'sha512'].includes(algo)) err(`${at}.hash`, `unknown algorithm ${algo}`);
						else if (crypto.createHash(algo).update(fs.readFileSync(file)).digest('hex') !== hex) err(`${at}.hash`, 'does not match the file');
					}
				}
			}
		}
		for (const k of ['profile', 'title', 'description', 'format', 'mediatype', 'encoding'] as const) if (r[k] !== undefined && typeof r[k] !== 'string') err(`${at}.${k}`, 'must be a string');
		if (r.bytes !== undefined && !Number.isInteger(r.bytes)) err(`${at}.bytes`, 'must be an integer');
		if (r.dialect !== undefined) {
			if (!isObj(r.dialect)) err(`${at}.dialect`, 'must be an object');
			else
				for (const [k, v] of Object.entries(r.dialect)) {
					if (!DIALECT_KEYS.has(k)) err(`${at}.dialect`, `unknown key ${k}`);
					if (['delimiter', 'quoteChar', 'escapeChar'].includes(k) && (typeof v !== 'string' || v.length !== 1)) err(`${at}.dialect.${k}`, 'must be one character');
					if (['doubleQuote', 'header', 'skipInitialSpace', 'caseSensitiveHeader'].includes(k) && typeof v !== 'boolean') err(`${at}.dialect.${k}`, 'must be boolean');
				}
		}
		if (r.profile === 'tabular-data-resource' && !isObj(r.schema)) err(`${at}.schema`, 'required for a tabular-data-resource');
		if (isObj(r.schema)) {
			errors.push(...validateTableSchema(r.schema).map((e) => `${at}.schema.${e}`));
			if (typeof r.name === 'string') schemas.set(r.name, r.schema);
		}
	});
	// Foreign keys need the whole package.
	pkg.resources.forEach((r, i) => {
		if (!isObj(r) || !isObj(r.schema) || r.schema.foreignKeys === undefined) return;
		const fks = r.schema.foreignKeys;
		if (!Array.isArray(fks)) return err(`resources[${i}].schema.foreignKeys`, 'must be an array');
		fks.forEach((fk, j) => {
			const at = `resources[${i}].schema.foreignKeys[${j}]`;
			if (!isObj(fk) || !isObj(fk.reference)) return err(at, 'needs fields and reference');
			const from = typeof fk.fields === 'string' ? [fk.fields] : fk.fields;
			const ref = fk.reference;
			const to = typeof ref.fields === 'string' ? [ref.fields] : ref.fields;
			if (!Array.isArray(from) || !Array.isArray(to) || from.length !== to.length || from.length === 0) return err(at, 'fields and reference.fields must be equal-length');
			const own = fieldNames(r.schema as Obj);
			for (const f of from) if (!own.includes(f)) err(at, `field ${f} not in the schema`);
			const target = ref.resource === '' ? (r.schema as Obj) : schemas.get(String(ref.resource));
			if (!target) return err(at, `reference.resource "${String(ref.resource)}" not in the package`);
			for (const f of to) if (!fieldNames(target).includes(f)) err(at, `reference field ${f} not in ${String(ref.resource)}`);
		});
	});
	return errors;
}

function isPath(p: unknown): boolean {
	return typeof p === 'string' && p.length > 0 && (/^https?:\/\/\S+$/.test(p) || /^[^\\:]+$/.test(p));
}

function fieldNames(schema: Obj): string[] {
	return Array.isArray(schema.fields) ? schema.fields.filter(isObj).map((f) => String(f.name)) : [];
}

export function validateTableSchema(schema: Obj): string[] {
	const errors: string[] = [];
	if (!Array.isArray(schema.fields) || schema.fields.length === 0) return ['fields: required, a non-empty array'];
	const seen = new Set<string>();
	schema.fields.forEach((f, i) => {
		const at = `fields[${i}]`;
		if (!isObj(f)) return errors.push(`${at}: must be an object`);
		if (typeof f.name !== 'string' || !f.name) errors.push(`${at}.name: required`);
		else if (seen.has(f.name)) errors.push(`${at}.name: duplicate ${f.name}`);
		else seen.add(f.name);
		const type = f.type ?? 'string';
		if (typeof type !== 'string' || !FIELD_TYPES.has(type)) errors.push(`${at}.type: "${String(type)}" is not a Table Schema type`);
		for (const k of ['title', 'description', 'format'] as const) if (f[k] !== undefined && typeof f[k] !== 'string') errors.push(`${at}.${k}: must be a string`);
		if (f.constraints !== undefined) {
			if (!isObj(f.constraints)) return errors.push(`${at}.constraints: must be an object`);
			for (const [k, v] of Object.entries(f.constraints)) {
				if (!CONSTRAINTS.has(k)) errors.push(`${at}.constraints: unknown ${k}`);
				if ((k === 'required' || k === 'unique') && typeof v !== 'boolean') errors.push(`${at}.constraints.${k}: must be boolean`);
				if (k === 'enum' && (!Array.isArray(v) || v.length === 0 || new Set(v).size !== v.length)) errors.push(`${at}.constraints.enum: non-empty array of unique values`);
				if (k === 'pattern') {
					if (typeof v !== 'string') errors.push(`${at}.constraints.pattern: must be a string`);
					else
						try {
							new RegExp(v);
						} catch {
							errors.push(`${at}.constraints.pattern: invalid regex`);
						}
				}
				if ((k === 'minimum' || k === 'maximum') && !['integer', 'number', 'date', 'datetime', 'year', 'time', 'yearmonth'].includes(String(type))) errors.push(`${at}.constraints.${k}: not for type ${String(type)}`);
				if ((k === 'minLength' || k === 'maxLength') && !Number.isInteger(v)) errors.push(`${at}.constraints.${k}: must be an integer`);
			}
		}
	});
	if (schema.missingValues !== undefined && !(Array.isArray(schema.missingValues) && schema.missingValues.every((m) => typeof m === 'string'))) errors.push('missingValues: must be an array of strings');
	if (schema.primaryKey !== undefined) {
		const pk = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : schema.primaryKey;
		if (!Array.isArray(pk) || pk.length === 0) errors.push('primaryKey: string or non-empty array');
		else for (const k of pk) if (!seen.has(k)) errors.push(`primaryKey: ${k} is not a field`);
	}
	return errors;
}
