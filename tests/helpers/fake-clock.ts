/** A virtual clock: sleep() advances time at once and records the wait. */
import type { Clock } from '../../pipelines/fetch/clock.ts';

export class FakeClock implements Clock {
	t: number;
	readonly sleeps: number[] = [];
	constructor(start = Date.UTC(2026, 0, 1)) {
		this.t = start;
	}
	now(): number {
		return this.t;
	}
	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.t += Math.max(0, ms);
	}
	advance(ms: number): void {
		this.t += ms;
	}
}
