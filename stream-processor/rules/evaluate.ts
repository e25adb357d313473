import type { AlertDraft } from '../../src/lib/domain/alert';
import type { FsEvent } from '../../src/lib/domain/events';
import { aiDetection } from '../../src/lib/domain/rules/ai-detection';
import { complaintFiled } from '../../src/lib/domain/rules/complaint-filed';
import { inspectionFailed } from '../../src/lib/domain/rules/inspection-failed';
import { sensorExcursion } from '../../src/lib/domain/rules/sensor-excursion';
import { cameraOffline, isAboutCamera } from '../../src/lib/domain/rules/camera-offline';
import { isActive } from '../../src/lib/domain/alerts/lifecycle';
import { currentSpellSince } from '../state/cameras';
import { expiredLotSold } from '../../src/lib/domain/rules/expired-lot-sold';
import {
	healthCertificateExpiring,
	licenceExpiring
} from '../../src/lib/domain/rules/expiry-warnings';
import {
	healthCertificateExpired,
	staffWorkingWithoutCertificate
} from '../../src/lib/domain/rules/health-certificate';
import {
	identicalTemperatures,
	isLedgerEvent,
	ledgerBackfilled,
	ledgerBatchEntered
} from '../../src/lib/domain/rules/ledger-suspicion';
import { licenceExpired } from '../../src/lib/domain/rules/licence-expired';
import { disinfectionTooShort } from '../../src/lib/domain/rules/disinfection';
import { disinfectionMissing, sampleMissing } from '../../src/lib/domain/rules/meal-absence';
import { morningCheckMissing } from '../../src/lib/domain/rules/morning-check-missing';
import { sampleRetentionInadequate } from '../../src/lib/domain/rules/sample-retention';
import { localDay } from '../../src/lib/domain/time';
import type { MerchantRecord } from '../state/merchant-state';

const found = (...drafts: (AlertDraft | null | undefined)[]): AlertDraft[] =>
	drafts.filter((d): d is AlertDraft => !!d);

/** The rules an event can trigger, given its merchant's state after the event. */
export function rulesForEvent(
	m: MerchantRecord,
	e: FsEvent,
	timeZone: string,
	now: number
): AlertDraft[] {
	const at = { merchantId: m.id, districtId: m.districtId };
	// Any ledger entry may be a back-filled one, or one of many days entered at one sitting.
	const suspicion = isLedgerEvent(e)
		? found(ledgerBackfilled(e, timeZone), ledgerBatchEntered(e, m.ledgerTrail, timeZone))
		: [];
	switch (e.type) {
		case 'till.sale.recorded':
			return expiredLotSold(e, (lotId) => m.lots.get(lotId), timeZone);
		case 'ai.detection.reported':
			return found(aiDetection(e, timeZone));
		case 'complaint.filed':
			return [complaintFiled(e)];
		case 'inspection.completed':
			return found(inspectionFailed(e));
		case 'sensor.reading.recorded':
			return found(sensorExcursion(e, m.sensorExcursions.get(e.payload.deviceId) ?? 0, timeZone));
		case 'camera.offline': {
			const id = e.payload.cameraId;
			const since = currentSpellSince(m, id);
			if (!since) return [];
			const unresolved = [...m.alerts.values()].some(
				(a) => isActive(a.status) && isAboutCamera(a, id)
			);
			return found(cameraOffline(e, m.cameras.get(id), { since, unresolved }));
		}
		case 'licence.issued':
		case 'licence.renewed': {
			const l = m.licences.get(e.payload.licenceId);
			const today = localDay(now, timeZone);
			return l ? found(licenceExpired(at, l, today), licenceExpiring(at, l, today)) : [];
		}
		case 'merchant.staff.registered': {
			const staff = m.staff.get(e.payload.staffId);
			const today = localDay(now, timeZone);
			return staff
				? found(
						healthCertificateExpired(at, staff, today),
						healthCertificateExpiring(at, staff, today)
					)
				: [];
		}
		case 'ledger.morning_check.recorded':
			return [
				...staffWorkingWithoutCertificate(e, (id) => m.staff.get(id), timeZone),
				...found(identicalTemperatures(e, m.ledgerTrail, timeZone)),
				...suspicion
			];
		case 'ledger.disinfection.recorded':
			return [...found(disinfectionTooShort(e, timeZone)), ...suspicion];
		case 'ledger.sample_retention.recorded':
			return [...found(sampleRetentionInadequate(e, timeZone)), ...suspicion];
		default:
			return suspicion;
	}
}

/**
 * Rules of the clock: a licence or a health certificate nears its end or lapses at midnight,
 * and a morning check, a disinfection after a meal or a meal's sample is missing once its due
 * time passes, without any event saying so. `absence` is false while the processor may not
 * have caught up yet (just started): nothing is called missing then. After that, the state the
 * absence rules read covers the whole district day: load.ts rebuilds it from the store, and
 * a meal that began before the merchant was known is not judged.
 */
export function rulesForClock(
	m: MerchantRecord,
	now: { day: string; minuteOfDay: number },
	timeZone: string,
	absence = true
): AlertDraft[] {
	const at = { merchantId: m.id, districtId: m.districtId };
	const drafts: AlertDraft[] = [];
	for (const l of m.licences.values()) {
		drafts.push(...found(licenceExpired(at, l, now.day), licenceExpiring(at, l, now.day)));
	}
	let staffCount = 0;
	for (const s of m.staff.values()) {
		if (!s.removed) staffCount++;
		drafts.push(
			...found(healthCertificateExpired(at, s, now.day), healthCertificateExpiring(at, s, now.day))
		);
	}
	if (absence && m.registered) {
		const operating = m.status === 'operating';
		drafts.push(
			...found(
				morningCheckMissing(
					{
						...at,
						operating,
						businessType: m.businessType,
						staffCount,
						lastMorningCheckAt: m.lastMorningCheckAt
					},
					now,
					timeZone
				)
			)
		);
		const meals = {
			...at,
			operating,
			businessType: m.businessType,
			scale: m.scale,
			staffCount,
			knownSince: m.knownSince,
			disinfections: m.ledgerTrail.disinfections,
			samples: m.ledgerTrail.samples
		};
		drafts.push(
			...disinfectionMissing(meals, now, timeZone),
			...sampleMissing(meals, now, timeZone)
		);
	}
	return drafts;
}
