/**
 * The readers' own typed error. Every problem carries where it was found, so a user can
 * open the file at that line. Readers collect problems and throw one ReadError holding all
 * of them (strict), or return them as warnings (lenient).
 */
export type Severity = 'error' | 'warning';

export interface Problem {
	severity: Severity;
	/** File path or URL. */
	file: string;
	/** 1-based line, or 0 when the problem is not tied to a line (e.g. a missing keyword). */
	line: number;
	/** Keyword, JSON pointer or column the problem is about (e.g. "STUB", "/dimension/geo", "value"). */
	where: string;
	message: string;
	/** Machine-readable code where one exists (e.g. the JSON-stat validator's "VALUE_LEN_MISMATCH"). */
	code?: string;
}

export function formatProblem(p: Problem): string {
	return `${p.severity}: ${p.file}:${p.line}: ${p.where}: ${p.message}`;
}

export class ReadError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		super(problems.map(formatProblem).join('\n'));
		this.name = 'ReadError';
		this.problems = problems;
	}
	/** First problem's location, for callers that show one. */
	get file(): string {
		return this.problems[0]?.file ?? '';
	}
	get line(): number {
		return this.problems[0]?.line ?? 0;
	}
}
