import type { Rng } from '../generator/rng';
import type { At } from './ledgers';
import type { DayPlan } from './plan';
import type { SimEvent, SimState } from './state';

const normal = { fridge_temp: [3.5, 0.8], freezer_temp: [-18, 1.2] } as const;
const warm = { fridge_temp: [8, 13], freezer_temp: [-9, -4] } as const;

/**
 * Fridge and freezer readings due in [fromMinute, toMinute) of one simulated day: each
 * device reports once per period at its own phase. A device of a merchant with misconduct
 * runs warm during its planned window (door left open, failing compressor).
 */
export function sensorReadings(
	state: SimState,
	rng: Rng,
	plan: DayPlan,
	fromMinute: number,
	toMinute: number,
	at: At
): SimEvent[] {
	const out: SimEvent[] = [];
	const period = state.sensorPeriodMinutes;
	for (const { merchant, device, phase } of state.sensors) {
		const offset = phase * period;
		const due =
			Math.floor((toMinute - offset) / period) - Math.floor((fromMinute - offset) / period);
		if (due <= 0) continue;
		const window = plan.warm.get(device.deviceId);
		const isWarm = !!window && fromMinute < window[1] && toMinute > window[0];
		for (let i = 0; i < due; i++) {
			let value: number;
			if (isWarm) {
				const [lo, hi] = warm[device.kind];
				value = lo + rng.next() * (hi - lo);
				state.counters.warmReadings++;
			} else {
				const [mean, sd] = normal[device.kind];
				value = mean + rng.normal() * sd;
			}
			out.push({
				merchantId: merchant.id,
				districtId: merchant.districtId,
				actor: { kind: 'device', id: device.deviceId },
				type: 'sensor.reading.recorded',
				occurredAt: at.iso,
				payload: {
					deviceId: device.deviceId,
					kind: device.kind,
					value: Math.round(value * 10) / 10,
					unit: '°C'
				}
			});
		}
	}
	return out;
}
