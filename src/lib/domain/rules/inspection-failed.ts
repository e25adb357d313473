import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';

/**
 * An inspection judged 不合格 is an alert for the bureau (a case to open, a notice to serve).
 * 基本合格 is not: its rectification items are checked by the follow-up task instead.
 */
export function inspectionFailed(e: FsEventOf<'inspection.completed'>): AlertDraft | null {
	const p = e.payload;
	if (p.result !== 'fail') return null;
	const failedItems = p.checklist?.filter((i) => i.outcome === 'fail').length ?? p.findings.length;
	return {
		rule: 'inspection_failed',
		severity: 'high',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: p.inspectionId,
		source: `inspection:${p.inspectorId}`,
		facts: { inspectionId: p.inspectionId, failedItems },
		evidence: [e.id]
	};
}
