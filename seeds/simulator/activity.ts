import { complaint } from './complaints';
import { ledgerEvents, type At } from './ledgers';
import { firstActionAt, planFor, type PlannedAction } from './plan';
import { profileShare, profiles } from './profiles';
import { tillSale } from './sales';
import { sensorReadings } from './sensors';
import { drawMerchant, type SimEvent, type SimState } from './state';

export const DAY_MINUTES = 1440;

export interface Tick {
	/** Simulated minutes since midnight of simulated day 0; the tick covers [from, to). */
	fromMinute: number;
	toMinute: number;
	/** Real time of the tick, epoch ms: events happen now (DESIGN: "today" counts are real). */
	now: number;
	/** The real local day (YYYY-MM-DD) at `now`: what "expired" is measured against. */
	today: string;
	/**
	 * Maps a simulated minute to the real instant an event gets. Default: `now`. The
	 * catch-up at start uses it to date this morning's ledgers at their real local times.
	 */
	instantOf?: (simMinute: number) => number;
	/** Only ledger entries (the catch-up does not invent a morning's worth of sales). */
	ledgersOnly?: boolean;
}

const complaintProfile = [[9, 22, 1]] as const;

/**
 * What the simulated city does during one tick. Deterministic for a state and a sequence of
 * ticks; mutates only the state's stock, counters and sequence.
 */
export function eventsForTick(state: SimState, tick: Tick): SimEvent[] {
	const out: SimEvent[] = [];
	let from = tick.fromMinute;
	// A tick may cross simulated midnight: handle each day's part with that day's plan.
	while (from < tick.toMinute) {
		const day = Math.floor(from / DAY_MINUTES);
		const to = Math.min(tick.toMinute, (day + 1) * DAY_MINUTES);
		daySegment(state, tick, day, from - day * DAY_MINUTES, to - day * DAY_MINUTES, out);
		from = to;
	}
	return out;
}

function daySegment(
	state: SimState,
	tick: Tick,
	day: number,
	from: number,
	to: number,
	out: SimEvent[]
): void {
	const plan = planFor(state, day);
	const rng = state.rng;
	const nowAt: At = { ms: tick.now, iso: new Date(tick.now).toISOString() };
	const atMinute = (minute: number): At => {
		if (!tick.instantOf) return nowAt;
		const ms = Math.round(tick.instantOf(day * DAY_MINUTES + minute));
		return { ms, iso: new Date(ms).toISOString() };
	};

	for (let i = firstActionAt(plan, from); i < plan.actions.length; i++) {
		const action = plan.actions[i] as PlannedAction;
		if (action.minute >= to) break;
		out.push(...ledgerEvents(state, rng, action, atMinute(action.minute), tick.today));
	}
	if (tick.ledgersOnly) return;

	for (const [type, sellers] of state.sellers) {
		const share = profileShare(profiles[type].sales, from, to);
		const count = rng.poisson(sellers.total * share);
		for (let i = 0; i < count; i++) {
			const m = drawMerchant(sellers, rng);
			if (m) out.push(...tillSale(state, rng, m, nowAt, tick.today));
		}
	}
	out.push(...sensorReadings(state, rng, plan, from, to, nowAt));
	const complaints = rng.poisson(
		state.complainers.total * profileShare(complaintProfile, from, to)
	);
	for (let i = 0; i < complaints; i++) {
		const m = drawMerchant(state.complainers, rng);
		if (m) out.push(complaint(state, rng, m, nowAt));
	}
}
