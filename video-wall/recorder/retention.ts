import { DEFAULT_RETENTION_DAYS } from '../../src/lib/domain/events/camera';

export interface StoredSegment {
	cameraId: string;
	/** Relative to the recordings folder. */
	path: string;
	startMs: number;
	endMs: number;
	bytes: number;
}

export interface RetentionPolicy {
	nowMs: number;
	/** A camera's retention; cameras no longer known keep the default (their recordings are evidence too). */
	retentionDays: (cameraId: string) => number | undefined;
	/** The recordings folder's cap in bytes; 0 = none. */
	quotaBytes: number;
	/** Bytes of segments still being written: they count against the quota but are never deleted. */
	writingBytes: number;
}

export interface Deletion {
	path: string;
	cameraId: string;
	reason: 'age' | 'quota';
	bytes: number;
}

/**
 * Which finished segments to delete: every one wholly older than its camera's retention, then,
 * while the folder is still over the quota, the oldest across all cameras. Pure: the sweeper
 * lists, calls this, deletes.
 */
export function planRetention(segments: readonly StoredSegment[], p: RetentionPolicy): Deletion[] {
	const deletions: Deletion[] = [];
	const kept: StoredSegment[] = [];
	for (const s of segments) {
		const days = p.retentionDays(s.cameraId) ?? DEFAULT_RETENTION_DAYS;
		if (s.endMs <= p.nowMs - days * 86_400_000) {
			deletions.push({ path: s.path, cameraId: s.cameraId, reason: 'age', bytes: s.bytes });
		} else kept.push(s);
	}
	if (p.quotaBytes > 0) {
		let total = p.writingBytes + kept.reduce((sum, s) => sum + s.bytes, 0);
		kept.sort((a, b) => a.startMs - b.startMs || a.path.localeCompare(b.path));
		for (const s of kept) {
			if (total <= p.quotaBytes) break;
			deletions.push({ path: s.path, cameraId: s.cameraId, reason: 'quota', bytes: s.bytes });
			total -= s.bytes;
		}
	}
	return deletions;
}
