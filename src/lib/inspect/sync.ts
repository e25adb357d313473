import { itemSlot, type InspectionSubmission } from '$lib/domain/inspections/submission';
import type { Draft } from './drafts';

/** What a queued draft sends as the inspection, once its photos are up. */
export function submissionOf(d: Draft): InspectionSubmission {
	return {
		inspectionId: d.inspectionId,
		...(d.taskId ? { taskId: d.taskId } : {}),
		alertIds: d.alertIds,
		coInspectorIds: d.coInspectorId ? [d.coInspectorId] : [],
		startedAt: d.startedAt,
		completedAt: d.completedAt ?? new Date().toISOString(),
		items: Object.entries(d.items).map(([itemId, v]) => ({
			itemId,
			outcome: v.outcome ?? 'not_applicable',
			note: v.note.trim(),
			photos: d.photos[itemId]?.length ?? 0
		})),
		confirmedResult: d.result ?? 'pass',
		...(d.deadline ? { deadline: d.deadline } : {}),
		signer: d.signer.trim()
	};
}

/** Every photo of a draft with its slot, the signature last. */
export function photosOf(d: Draft): { slot: string; blob: Blob }[] {
	const out: { slot: string; blob: Blob }[] = [];
	for (const [itemId, blobs] of Object.entries(d.photos)) {
		blobs.forEach((blob, i) => out.push({ slot: itemSlot(itemId, i + 1), blob }));
	}
	if (d.signature) out.push({ slot: 'signature', blob: d.signature });
	return out;
}

export type SyncOutcome =
	{ kind: 'stored' } | { kind: 'retry'; reason: string } | { kind: 'failed'; reason: string };

const jsonOf = async (r: Response): Promise<Record<string, unknown> | null> =>
	(r.headers.get('content-type') ?? '').includes('application/json')
		? ((await r.json()) as Record<string, unknown>)
		: null;

/**
 * Sends one queued inspection: its photos first (each once: `saved` records the slots the
 * server has), then the inspection. A network error or a server error is retried later; a
 * refusal (the server judged the visit differently) is kept with its reason for the inspector.
 */
export async function syncDraft(
	d: Draft,
	persist: (d: Draft) => Promise<void>,
	fetchFn: typeof fetch = fetch
): Promise<SyncOutcome> {
	const base = `/inspect/check/${encodeURIComponent(d.merchantId)}`;
	try {
		for (const { slot, blob } of photosOf(d)) {
			if (d.uploaded.includes(slot)) continue;
			const form = new FormData();
			form.set('inspectionId', d.inspectionId);
			form.set('slot', slot);
			form.set('photo', blob, slot === 'signature' ? 'signature.png' : `${slot}.jpg`);
			const r = await fetchFn(`${base}/photo`, { method: 'POST', body: form });
			const body = await jsonOf(r);
			if (r.status >= 500 || !body) return { kind: 'retry', reason: `photo ${r.status}` };
			if (!r.ok) return { kind: 'failed', reason: String(body.message ?? r.status) };
			d.uploaded = [...d.uploaded, slot];
			await persist(d);
		}
		const r = await fetchFn(`${base}/submit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(submissionOf(d))
		});
		const body = await jsonOf(r);
		if (r.ok && body?.status === 'stored') return { kind: 'stored' };
		if (r.status >= 500 || !body) return { kind: 'retry', reason: `submit ${r.status}` };
		if (r.status === 409 && Array.isArray(body.missing)) {
			// The server lost some (or never got them): sent again on the next round.
			const missing = new Set(body.missing as string[]);
			d.uploaded = d.uploaded.filter((slot) => !missing.has(slot));
			await persist(d);
			return { kind: 'retry', reason: 'photos_missing' };
		}
		return { kind: 'failed', reason: JSON.stringify(body.problem ?? body.message ?? r.status) };
	} catch (e) {
		// fetch rejects only when there is no answer at all: offline, or the server unreachable.
		return { kind: 'retry', reason: (e as Error).message };
	}
}
