import { stableEventId } from '../../src/lib/server/backbone/stable-id';
import type { FsEvent, FsEventOf } from '../../src/lib/domain/events';
import type { BusinessType } from '../../src/lib/domain/events/merchant';
import { makeEvent } from '../../src/lib/domain/events/make';
import { checklistFor } from '../../src/lib/domain/inspections/checklist';
import { isActive, verifiableOnSite } from '../../src/lib/domain/alerts/lifecycle';
import { rememberInspection, type MerchantRecord } from './merchant-state';

/** The same inspection and alert always give the same event. */
export function followUpEventId(inspectionId: string, alertId: string, step: string): string {
	return stableEventId(`inspection|${inspectionId}|${alertId}|${step}`);
}

/**
 * Failed key items (★) of the merchant's checklist; a visit sent without a checklist counts its
 * findings instead (older phones, or a visit written up elsewhere).
 */
export function criticalFindingsOf(
	businessType: string,
	p: FsEventOf<'inspection.completed'>['payload']
): number {
	if (!p.checklist) return p.findings.length;
	const key = new Set(
		checklistFor(businessType as BusinessType)
			.filter((i) => i.key)
			.map((i) => i.id)
	);
	return p.checklist.filter((c) => c.outcome === 'fail' && key.has(c.itemId)).length;
}

/**
 * The steps a passing visit takes on the alerts it came for: verified on site (how: visit) and
 * closed, whatever step they were at; an alert already verified is closed. Closed or dismissed
 * ones are left as they are.
 */
export function alertFollowUps(m: MerchantRecord, e: FsEventOf<'inspection.completed'>): FsEvent[] {
	const p = e.payload;
	if (p.result !== 'pass' || !p.alertIds?.length) return [];
	const actor = { kind: 'system' as const, id: 'inspection' };
	const base = { merchantId: m.id, districtId: m.districtId, actor, occurredAt: e.occurredAt };
	const out: FsEvent[] = [];
	for (const alertId of p.alertIds) {
		const a = m.alerts.get(alertId);
		if (!a) continue;
		if (a.status === 'fix_reported' || verifiableOnSite.includes(a.status)) {
			out.push(
				makeEvent({
					...base,
					type: 'alert.verified',
					id: followUpEventId(p.inspectionId, alertId, 'verified'),
					payload: { alertId, how: 'visit' }
				}) as FsEvent
			);
		}
		if (isActive(a.status)) {
			out.push(
				makeEvent({
					...base,
					type: 'alert.closed',
					id: followUpEventId(p.inspectionId, alertId, 'closed'),
					payload: { alertId }
				}) as FsEvent
			);
		}
	}
	return out;
}

/** The inspection's store row and its place in the merchant's memory. */
export function applyInspection(
	m: MerchantRecord,
	e: FsEventOf<'inspection.completed'>,
	version: number
): Record<string, unknown> {
	const p = e.payload;
	const criticalFindings = criticalFindingsOf(m.businessType, p);
	rememberInspection(m, {
		id: p.inspectionId,
		at: e.occurredAt,
		result: p.result,
		criticalFindings
	});
	return {
		id: p.inspectionId,
		eventId: e.id,
		merchantId: e.merchantId,
		districtId: e.districtId,
		inspectorId: p.inspectorId,
		coInspectorIds: p.coInspectorIds ?? [],
		result: p.result,
		checklist: JSON.stringify(p.checklist ?? []),
		findings: JSON.stringify(p.findings),
		criticalFindings,
		rectificationItemIds: p.rectification?.itemIds ?? [],
		rectificationDeadline: p.rectification?.deadline ?? null,
		signatureAttachmentId: p.signature?.attachmentId ?? '',
		signer: p.signature?.signer ?? '',
		taskId: p.taskId ?? '',
		alertIds: p.alertIds ?? [],
		startedAt: p.startedAt ?? null,
		occurredAt: e.occurredAt,
		version
	};
}
