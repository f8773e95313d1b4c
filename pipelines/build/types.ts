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

export interface SourceRecord {
	source_id: string;
	publisher: string;
	title: string;
	url: string;
	licence: string;
	/** Attribution line shown under every chart, e.g. "Källa: SCB, ULF/SILC". */
	citation: string;
	input_file: string;
	input_sha256: string;
	/** When the raw answer was fetched from the publisher (null for figures copied from a web page). */
	fetched_at: string | null;
	/** 'published' (figure copied from a web page), 'fetched' (API answer), 'demo' (synthetic). */
	kind?: 'published' | 'fetched' | 'demo';
	/** Short attribution line, e.g. "Källa: SCB" or "Exempeldata (syntetiska)". */
	attribution?: string;
	/** For demo and fetched sources: the indicator the source is about. */
	indicator_id?: string;
	is_demo?: boolean;
}
