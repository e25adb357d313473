/**
 * Offline: simulates one whole day and prints events per real second per family, on
 * average and in the busiest simulated hour, for given merchants and speeds. No NATS needed.
 * Usage: tsx seeds/tools/rates.ts [merchants=2000] [speeds=30,60]
 */
import { familyOf, type EventFamily } from '../../src/lib/domain/index';
import { generateDistrict } from '../generator/district';
import { eventsForTick } from '../simulator/activity';
import { createSimState } from '../simulator/state';

const merchants = Number(process.argv[2] ?? 2000);
const speeds = (process.argv[3] ?? '30,60').split(',').map(Number);
const today = '2026-11-28';
const now = Date.parse(`${today}T04:00:00Z`);
const state = createSimState(generateDistrict({ seed: 20261128, merchants, today }), {
	runTag: 'rates'
});

const hourly = new Map<EventFamily, number[]>();
for (let minute = 0; minute < 1440; minute += 0.5) {
	for (const e of eventsForTick(state, {
		fromMinute: minute,
		toMinute: minute + 0.5,
		now,
		today
	})) {
		const family = familyOf(e.type);
		const hours = hourly.get(family) ?? new Array<number>(24).fill(0);
		hours[Math.floor(minute / 60)]! += 1;
		hourly.set(family, hours);
	}
}
for (const speed of speeds) {
	const realSecondsPerHour = 3600 / speed;
	console.log(`${merchants} merchants, speed ×${speed}:`);
	for (const [family, hours] of hourly) {
		const sum = hours.reduce((a, b) => a + b, 0);
		const peak = Math.max(...hours);
		console.log(
			`  ${family.padEnd(10)} avg ${(sum / 24 / realSecondsPerHour).toFixed(1)}/s, peak ${(peak / realSecondsPerHour).toFixed(1)}/s at ${hours.indexOf(peak)}:00`
		);
	}
}
console.log(`expired sale lines per simulated day: ${state.counters.expiredSaleLines}`);
