import type { SourceMeta } from '../../src/lib/data/catalog.ts';
/** Records the build writes beside the observations. */
export interface Reject {
	/** Input file, relative to the repository root. */
	file: string;
	/** 1-based line in that file (header = line 1), 0 when not tied to a line. */
	line: number;
	/** Indicator key, cell coordinates or catalog entry the reject is about. */
	key: string;
	reason: string;
}

/** What the site reads of a source (sources.json), plus where the pipeline got it. */
export interface SourceRecord extends SourceMeta {
	input_file: string;
	input_sha256: string;
	/** 'published' (figure copied from a web page), 'fetched' (API answer), 'extract' (a file dropped in data/raw with an intake mapping), 'demo' (synthetic). */
	kind?: 'published' | 'fetched' | 'extract' | 'demo';
	/** The publisher's table id (extracts). */
	table?: string;
	/** How an extract reached us (repository @ commit, path), when not from the publisher directly. */
	retrieved_via?: string;
	/** Short attribution line, e.g. "Källa: SCB" or "Exempeldata (syntetiska)". */
	attribution?: string;
	/** For demo and fetched sources: the indicator the source is about. */
	indicator_id?: string;
	is_demo?: boolean;
}
