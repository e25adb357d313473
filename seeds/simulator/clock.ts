import { localMinuteOfDay } from '../../src/lib/domain/index';

/**
 * The simulated clock: starts at the real local time of day and runs `speed` simulated
 * seconds per real second. It advances only when asked, so a paused simulator (NATS down,
 * backlog full) resumes where it stopped instead of jumping ahead.
 */
export class SimClock {
	/** Simulated minutes since midnight of simulated day 0. */
	minute: number;
	private lastReal: number;

	constructor(
		private readonly speed: number,
		startReal: number,
		timeZone: string
	) {
		const seconds = (startReal % 60_000) / 60_000;
		this.minute = localMinuteOfDay(startReal, timeZone) + seconds;
		this.lastReal = startReal;
	}

	/**
	 * Moves the clock to real time `now`; returns the simulated span covered.
	 * A long stall (a blocked loop, a laptop asleep) is capped so it cannot burst a whole day.
	 */
	advance(now: number, maxRealStepMs = 2_000): { fromMinute: number; toMinute: number } {
		const realStep = Math.min(Math.max(0, now - this.lastReal), maxRealStepMs);
		this.lastReal = now;
		const fromMinute = this.minute;
		this.minute += (realStep / 60_000) * this.speed;
		return { fromMinute, toMinute: this.minute };
	}

	/** Skips time without simulating it (used while paused). */
	hold(now: number): void {
		this.lastReal = now;
	}
}
