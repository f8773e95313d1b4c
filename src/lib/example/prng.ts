/** Small deterministic PRNG for the example data: mulberry32 seeded via FNV-1a of a string key. */

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A generator for one key under one seed: the same (seed, key) always gives the same stream. */
export function rngFor(seed: number, key: string): () => number {
	return mulberry32(fnv1a(`${seed}|${key}`));
}

/** Standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(rand: () => number): number {
	const u = Math.max(rand(), 1e-12);
	const v = rand();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
