/** The two jStat functions the Korn–Graubard interval uses (jstat ships no types). */
declare module 'jstat' {
	const jStat: {
		beta: { inv(p: number, a: number, b: number): number };
		studentt: { inv(p: number, dof: number): number };
	};
	export default jStat;
}
