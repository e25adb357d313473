import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import { localDay } from '../time';

type Kind = FsEventOf<'sensor.reading.recorded'>['payload']['kind'];

/**
 * Safe ranges (°C) of the readings a kitchen's sensors send: chilled food at 8 °C or below,
 * frozen at −12 °C or below (−18 is the target; defrost cycles go above it), hot holding at
 * 60 °C or above (GB 31654 餐饮服务通用卫生规范). Other kinds are not judged.
 */
export const safeRange: Partial<Record<Kind, { max?: number; min?: number }>> = {
	fridge_temp: { max: 8 },
	freezer_temp: { max: -12 },
	hot_holding_temp: { min: 60 }
};

/** Readings out of range in a row before an alert: one alone is a door opened. */
export const EXCURSION_READINGS = 2;

export function outOfRange(kind: Kind, value: number): boolean {
	const r = safeRange[kind];
	if (!r) return false;
	return (r.max !== undefined && value > r.max) || (r.min !== undefined && value < r.min);
}

/**
 * A device's readings out of its safe range `EXCURSION_READINGS` times in a row: one alert per
 * device and local day. `inARow` is the count including this reading (the processor keeps it).
 */
export function sensorExcursion(
	e: FsEventOf<'sensor.reading.recorded'>,
	inARow: number,
	timeZone?: string
): AlertDraft | null {
	const p = e.payload;
	if (inARow < EXCURSION_READINGS || !outOfRange(p.kind, p.value)) return null;
	const range = safeRange[p.kind];
	return {
		rule: 'sensor_out_of_range',
		severity: 'medium',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: `${localDay(e.occurredAt, timeZone)}:${p.deviceId}`,
		source: `device:${p.deviceId}`,
		facts: {
			deviceId: p.deviceId,
			kind: p.kind,
			value: p.value,
			unit: p.unit,
			limit: range?.max ?? range?.min ?? ''
		},
		evidence: [e.id]
	};
}
