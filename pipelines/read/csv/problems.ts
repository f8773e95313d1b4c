/**
 * The problems of one tabular read (CSV or a worksheet), collected with their file, and the one
 * rule for how a read ends: a fatal problem always throws; errors throw unless lenient; a
 * lenient read returns the cube with every problem as a warning.
 */
import { ReadError, type Problem } from '../../cube/errors.ts';
import type { Cube } from '../../cube/model.ts';

/** Adds one problem; `fatal` ones end the read even when lenient. */
export type AddProblem = (p: Omit<Problem, 'file' | 'severity'> & { severity?: Problem['severity'] }, fatal?: boolean) => void;

export function problemsOf(file: string): { add: AddProblem; finish(cube: Cube | undefined, lenient?: boolean): { cube: Cube; warnings: Problem[] } } {
	const problems: Problem[] = [];
	const fatal = new Set<Problem>();
	return {
		add(p, isFatal = false) {
			const full: Problem = { severity: p.severity ?? 'error', file, line: p.line, where: p.where, message: p.message, code: p.code };
			problems.push(full);
			if (isFatal) fatal.add(full);
		},
		finish(cube, lenient) {
			const errors = problems.filter((p) => p.severity === 'error');
			if (!cube || fatal.size > 0) throw new ReadError(fatal.size ? [...fatal] : errors);
			if (!lenient && errors.length) throw new ReadError(errors);
			return { cube, warnings: problems.map((p) => (p.severity === 'warning' ? p : { ...p, severity: 'warning' })) };
		}
	};
}
