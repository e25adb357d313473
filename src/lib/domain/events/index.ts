import { z } from 'zod';
import { districtId, entityId } from '../ids';
import { isoInstant } from './common';
import { licenceIssued, licenceRenewed, licenceRevoked } from './licence';
import {
	disinfectionRecorded,
	morningCheckRecorded,
	purchaseRecorded,
	sampleRetentionRecorded
} from './ledger';
import { merchantRegistered, merchantUpdated } from './merchant';
import { ledgerDisputeAnswered, ledgerDisputeClosed, ledgerEntryDisputed } from './review';
import { staffRegistered, staffRemoved } from './staff';
import {
	complaintFiled,
	complaintReplied,
	inspectionCompleted,
	sensorReadingRecorded
} from './public';
import { tillOrderPlaced, tillOrderRefunded, tillSaleRecorded } from './till';
import { productUpserted, stockMovementRecorded, supplierUpserted } from './stock';
import { recallAcknowledged, recallClosed, recallLotAccounted, recallOpened } from './recall';
import {
	cameraOffline,
	cameraOnline,
	cameraRegistered,
	cameraRemoved,
	cameraUpdated
} from './camera';
import { riskSettingsChanged } from './risk';
import { taskAssigned, taskCancelled, taskCreated, taskEscalated, taskStarted } from './task';
import {
	aiDetectionReported,
	alertAcknowledged,
	alertClosed,
	alertDismissed,
	alertEscalated,
	alertFixReported,
	alertNotified,
	alertVerified
} from './alert';

/** Every event type and the schema of its payload. The one list the whole system shares. */
export const payloadSchemas = {
	'merchant.registered': merchantRegistered,
	'merchant.updated': merchantUpdated,
	// Roster changes are registry changes: the merchant family (主体登记) on the wall.
	'merchant.staff.registered': staffRegistered,
	'merchant.staff.removed': staffRemoved,
	'licence.issued': licenceIssued,
	'licence.renewed': licenceRenewed,
	'licence.revoked': licenceRevoked,
	'till.sale.recorded': tillSaleRecorded,
	'till.order.placed': tillOrderPlaced,
	'till.order.refunded': tillOrderRefunded,
	// The shop's catalogue and stock movements besides purchases and sales.
	'stock.product.upserted': productUpserted,
	'stock.supplier.upserted': supplierUpserted,
	'stock.movement.recorded': stockMovementRecorded,
	// 召回: one opening per affected merchant, sharing the recallId.
	'recall.opened': recallOpened,
	'recall.acknowledged': recallAcknowledged,
	'recall.lot_accounted': recallLotAccounted,
	'recall.closed': recallClosed,
	'ledger.morning_check.recorded': morningCheckRecorded,
	'ledger.disinfection.recorded': disinfectionRecorded,
	'ledger.purchase.recorded': purchaseRecorded,
	'ledger.sample_retention.recorded': sampleRetentionRecorded,
	'ledger.entry.disputed': ledgerEntryDisputed,
	'ledger.dispute.answered': ledgerDisputeAnswered,
	'ledger.dispute.closed': ledgerDisputeClosed,
	'complaint.filed': complaintFiled,
	'complaint.replied': complaintReplied,
	'inspection.completed': inspectionCompleted,
	'sensor.reading.recorded': sensorReadingRecorded,
	'risk.settings.changed': riskSettingsChanged,
	// The alert lifecycle (告警处置): each step an event on the alert's merchant.
	'alert.acknowledged': alertAcknowledged,
	'alert.notified': alertNotified,
	'alert.fix_reported': alertFixReported,
	'alert.verified': alertVerified,
	'alert.closed': alertClosed,
	'alert.escalated': alertEscalated,
	'alert.dismissed': alertDismissed,
	'ai.detection.reported': aiDetectionReported,
	'task.created': taskCreated,
	'task.assigned': taskAssigned,
	'task.started': taskStarted,
	'task.cancelled': taskCancelled,
	'task.escalated': taskEscalated,
	// 明厨亮灶 cameras: registered by the merchant or the bureau; offline/online by the video service.
	'camera.registered': cameraRegistered,
	'camera.updated': cameraUpdated,
	'camera.removed': cameraRemoved,
	'camera.offline': cameraOffline,
	'camera.online': cameraOnline
} as const;

export type EventType = keyof typeof payloadSchemas;
export const eventTypes = Object.keys(payloadSchemas) as EventType[];

export const eventFamilies = [
	'merchant',
	'licence',
	'till',
	'stock',
	'recall',
	'ledger',
	'complaint',
	'inspection',
	'sensor',
	'risk',
	'alert',
	'ai',
	'task',
	'camera'
] as const;
export type EventFamily = (typeof eventFamilies)[number];

/** The family is the first segment of the type; it is also the subject's second token. */
export function familyOf(type: EventType): EventFamily {
	return type.slice(0, type.indexOf('.')) as EventFamily;
}

export const actorKind = z.enum([
	'merchant',
	'staff',
	'inspector',
	'supervisor',
	'admin',
	'public',
	'device',
	'system',
	'simulator'
]);

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

/** The envelope every event shares; the payload is checked against its type's schema. */
export const envelope = z.object({
	id: z.uuid(),
	type: z.string(),
	v: z.number().int().positive(),
	occurredAt: isoInstant,
	recordedAt: isoInstant,
	merchantId: entityId,
	districtId,
	actor: z.object({ kind: actorKind, id: z.string().min(1).max(64) }),
	payload: z.unknown()
});

/**
 * When it happened must be plausible against when it was recorded: a device clock a day ahead,
 * or a year 9999, would otherwise file the event in a partition of its own (and a batch
 * spanning 100 months is refused by ClickHouse).
 */
const plausibleTimes = (e: { occurredAt: string; recordedAt: string }) => {
	const occurred = Date.parse(e.occurredAt);
	return occurred >= EARLIEST && occurred <= Date.parse(e.recordedAt) + DAY_MS;
};

const members = eventTypes.map((type) =>
	envelope.extend({ type: z.literal(type), payload: payloadSchemas[type] }).refine(plausibleTimes, {
		message: 'occurredAt must be after 2000 and at most a day after recordedAt',
		path: ['occurredAt']
	})
);

/** One schema for every event: parse with this at every boundary. */
export const fsEvent = z.discriminatedUnion(
	'type',
	members as unknown as [(typeof members)[number], ...(typeof members)[number][]]
);

type Envelope = Omit<z.infer<typeof envelope>, 'type' | 'payload'>;
/** An event of one type, its payload typed. */
export type FsEventOf<T extends EventType> = Envelope & {
	type: T;
	payload: z.infer<(typeof payloadSchemas)[T]>;
};
export type FsEvent = { [T in EventType]: FsEventOf<T> }[EventType];

export * from './alert';
export * from './common';
export * from './ledger';
export * from './licence';
export * from './merchant';
export * from './public';
export * from './staff';
export * from './till';
export * from './risk';
