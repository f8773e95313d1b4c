/**
 * Sliding-window rate limiter: at most `maxCalls` calls start within any `windowMs`.
 * `acquire()` resolves when a call may start; callers are served in order (FIFO), also
 * when they call concurrently. Time comes from an injectable Clock.
 */
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';

export class RateLimiter {
	readonly maxCalls: number;
	readonly windowMs: number;
	private readonly clock: Clock;
	/** Start times of the calls still inside the window, oldest first. */
	private starts: number[] = [];
	private queue: Promise<void> = Promise.resolve();
	/** Total time acquire() spent waiting (for logs and tests). */
	waitedMs = 0;

	constructor(maxCalls: number, windowMs: number, clock: Clock = systemClock) {
		if (!(maxCalls >= 1) || !(windowMs > 0)) throw new RangeError(`RateLimiter: need maxCalls >= 1 and windowMs > 0, got ${maxCalls}/${windowMs}`);
		this.maxCalls = maxCalls;
		this.windowMs = windowMs;
		this.clock = clock;
	}

	acquire(): Promise<void> {
		const turn = this.queue.then(() => this.take());
		this.queue = turn.catch(() => undefined);
		return turn;
	}

	private async take(): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			while (this.starts.length && this.starts[0] + this.windowMs <= now) this.starts.shift();
			if (this.starts.length < this.maxCalls) {
				this.starts.push(now);
				return;
			}
			const wait = this.starts[0] + this.windowMs - now;
			this.waitedMs += wait;
			await this.clock.sleep(wait);
		}
	}
}
