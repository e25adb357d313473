import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import { localDay } from '../time';

/** Below this an analytics detection is kept as an event but raises nothing. */
export const AI_MIN_CONFIDENCE = 0.6;
/** At or above this a detection is high; between the two, medium. */
export const AI_HIGH_CONFIDENCE = 0.9;

/**
 * One alert per merchant, camera, label and local day: a camera that sees no mask a hundred
 * times in a morning is one alert (the later detections are in the event log).
 */
export function aiDetection(
	e: FsEventOf<'ai.detection.reported'>,
	timeZone?: string
): AlertDraft | null {
	const p = e.payload;
	if (p.confidence < AI_MIN_CONFIDENCE) return null;
	return {
		rule: 'ai_detection',
		severity: p.confidence >= AI_HIGH_CONFIDENCE ? 'high' : 'medium',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: `${localDay(e.occurredAt, timeZone)}:${p.sourceId}:${p.label}`,
		source: `ai:${p.sourceId}`,
		facts: {
			label: p.label,
			sourceId: p.sourceId,
			confidence: Math.round(p.confidence * 100) / 100,
			...(p.evidenceUrl ? { evidenceUrl: p.evidenceUrl } : {}),
			...(p.attachmentId ? { attachmentId: p.attachmentId } : {})
		},
		evidence: [e.id]
	};
}
