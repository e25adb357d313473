import { applyCameraEvent, type Camera, type CameraEvent } from '../../src/lib/domain/video/camera';
import type { MerchantRecord } from './merchant-state';

/** Days of offline history kept per camera: the device-health factor's window. */
export const DEVICE_WINDOW_DAYS = 30;
const HOUR_MS = 3_600_000;
const WINDOW_MS = DEVICE_WINDOW_DAYS * 24 * HOUR_MS;

/** A stretch of time a camera was dark: from its first offline event to the online one. */
export interface OfflineSpell {
	/** The first offline event's `since` (ISO): the alert's period, stable across repeats. */
	since: string;
	from: number;
	/** Epoch ms it came back; null while still dark. */
	to: number | null;
}

/** What a camera event did, for the rules: whether anything changed. */
export type CameraOutcome = { applied: false } | { applied: true; camera: Camera | undefined };

/**
 * Applies a camera event to its merchant's cameras with the shared reducer (the video service
 * folds the same events the same way), and keeps the offline spells the alert rule and the
 * risk model need. `owners` (cameraId → merchantId, city-wide) keeps a camera id to the
 * merchant that registered it: another merchant's event for it changes nothing, as in the
 * video service's directory.
 */
export function applyCamera(
	owners: Map<string, string>,
	m: MerchantRecord,
	e: CameraEvent
): CameraOutcome {
	const id = e.payload.cameraId;
	const owner = owners.get(id);
	if (owner !== undefined && owner !== m.id) return { applied: false };
	const before = m.cameras.get(id)?.status;
	if (!applyCameraEvent(m.cameras, e)) return { applied: false };
	const at = Date.parse(e.occurredAt);
	switch (e.type) {
		case 'camera.registered':
			owners.set(id, m.id);
			break;
		case 'camera.removed':
			owners.delete(id);
			m.cameraSpells.delete(id);
			break;
		case 'camera.offline': {
			const spells = m.cameraSpells.get(id) ?? [];
			const open = spells.at(-1)?.to === null;
			// Still dark (a repeat, or the reason changed): the same spell goes on.
			if (before !== 'offline' || !open) {
				const since = e.payload.since;
				spells.push({ since, from: Math.min(Date.parse(since), at), to: null });
			}
			m.cameraSpells.set(id, prune(spells, at));
			break;
		}
		case 'camera.online': {
			const spells = m.cameraSpells.get(id);
			const last = spells?.at(-1);
			if (spells && last && last.to === null) {
				last.to = Math.max(at, last.from);
				m.cameraSpells.set(id, prune(spells, at));
			}
			break;
		}
	}
	return { applied: true, camera: m.cameras.get(id) };
}

function prune(spells: OfflineSpell[], now: number): OfflineSpell[] {
	return spells.filter((s) => s.to === null || s.to >= now - WINDOW_MS);
}

/** When the camera's current offline spell began (ISO), or undefined when it is online. */
export function currentSpellSince(m: MerchantRecord, cameraId: string): string | undefined {
	const camera = m.cameras.get(cameraId);
	if (camera?.status !== 'offline') return undefined;
	const last = m.cameraSpells.get(cameraId)?.at(-1);
	return last && last.to === null ? last.since : camera.offline?.since;
}

/**
 * The risk model's device input: how many cameras the merchant has and the hours they were dark
 * over the last `DEVICE_WINDOW_DAYS` days up to `now`, summed over cameras.
 */
export function deviceHealthOf(
	m: Pick<MerchantRecord, 'cameras' | 'cameraSpells'>,
	now: number
): { count: number; offlineHours: number } {
	const start = now - WINDOW_MS;
	let ms = 0;
	for (const [id, spells] of m.cameraSpells) {
		if (!m.cameras.has(id)) continue;
		for (const s of spells) {
			const from = Math.max(s.from, start);
			const to = Math.min(s.to ?? now, now);
			if (to > from) ms += to - from;
		}
	}
	return { count: m.cameras.size, offlineHours: ms / HOUR_MS };
}

export function hasDarkCamera(m: Pick<MerchantRecord, 'cameras'>): boolean {
	for (const c of m.cameras.values()) if (c.status === 'offline') return true;
	return false;
}
