/** Minimal types for frictionlessdata/datapackage-js (the package ships none). */
declare module 'datapackage' {
	export interface Resource {
		name: string;
		tabular: boolean;
		source: string;
		descriptor: Record<string, unknown>;
		read(options?: { keyed?: boolean; cast?: boolean; limit?: number }): Promise<Record<string, unknown>[]>;
	}
	export class Package {
		static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
		valid: boolean;
		errors: Error[];
		resources: Resource[];
		descriptor: Record<string, unknown>;
	}
	const datapackage: { Package: typeof Package };
	export default datapackage;
}
