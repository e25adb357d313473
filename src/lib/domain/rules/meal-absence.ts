import type { AlertDraft } from '../alert';
import { localDay } from '../time';
import {
	formatMinuteOfDay,
	MEAL_DUE_AFTER_MINUTES,
	mealServices,
	samplesRequired,
	serviceInstants,
	type MealService
} from './meal-services';

/** What the after-service absence rules read of a merchant (kept by the processor). */
export interface MealLedgerState {
	merchantId: string;
	districtId: string;
	operating: boolean;
	businessType: string;
	scale: string;
	/** People on the roster: a merchant with nobody to work is not judged. */
	staffCount: number;
	/**
	 * Since when the processor has known the merchant (its registration's recordedAt), or null
	 * when not known: a service that began before cannot be judged (a kitchen registered at 16:00
	 * did not skip that day's lunch).
	 */
	knownSince: string | null;
	/** End instants (epoch ms) of recent tableware disinfections. */
	disinfections: readonly number[];
	/** Recent food samples: their meal and when they were stored (epoch ms). */
	samples: readonly { meal: string; at: number }[];
}

type Clock = { day: string; minuteOfDay: number };
type DueService = { service: MealService; from: number; due: number };

/** Today's services whose ledgers are due by now and which began while the merchant was known. */
function dueServices(m: MealLedgerState, now: Clock, timeZone?: string): DueService[] {
	const services = mealServices[m.businessType];
	if (!services || !m.operating || m.staffCount === 0) return [];
	const since = m.knownSince ? Date.parse(m.knownSince) : -Infinity;
	const due: DueService[] = [];
	for (const service of services) {
		if (now.minuteOfDay < service.to + MEAL_DUE_AFTER_MINUTES) continue;
		const instants = serviceInstants(now.day, service, timeZone);
		if (instants.from < since) continue;
		due.push({ service, ...instants });
	}
	return due;
}

function draft(
	rule: 'disinfection_missing' | 'sample_missing',
	m: MealLedgerState,
	day: string,
	service: MealService
): AlertDraft {
	return {
		rule,
		severity: 'medium',
		merchantId: m.merchantId,
		districtId: m.districtId,
		period: `${day}:${service.meal}`,
		facts: {
			day,
			meal: service.meal,
			from: formatMinuteOfDay(service.from),
			to: formatMinuteOfDay(service.to),
			due: formatMinuteOfDay(service.to + MEAL_DUE_AFTER_MINUTES)
		},
		evidence: []
	};
}

/**
 * An absence rule on the clock: a meal service with no tableware disinfection finished between
 * the service's start and its due time (餐用具每餐使用后清洗消毒). One alert per merchant, day
 * and meal.
 */
export function disinfectionMissing(
	m: MealLedgerState,
	now: Clock,
	timeZone?: string
): AlertDraft[] {
	return dueServices(m, now, timeZone)
		.filter(({ from, due }) => !m.disinfections.some((t) => t >= from && t <= due))
		.map(({ service }) => draft('disinfection_missing', m, now.day, service));
}

/**
 * An absence rule on the clock: a meal service with no sample kept for it, that local day, by
 * its due time (每餐次留样). Only for those who must keep samples. One alert per merchant, day
 * and meal.
 */
export function sampleMissing(m: MealLedgerState, now: Clock, timeZone?: string): AlertDraft[] {
	if (!samplesRequired(m.businessType, m.scale)) return [];
	return dueServices(m, now, timeZone)
		.filter(
			({ service, due }) =>
				!m.samples.some(
					(s) => s.meal === service.meal && s.at <= due && localDay(s.at, timeZone) === now.day
				)
		)
		.map(({ service }) => draft('sample_missing', m, now.day, service));
}
