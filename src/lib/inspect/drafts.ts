/**
 * The inspector's drafts and queued inspections, kept on the phone (IndexedDB) as they are
 * entered: a dropped network, a reload or a flat battery loses nothing, and a queued visit
 * waits here, photos and signature included, until it is synced. Browser only.
 */

export type Outcome = 'pass' | 'fail' | 'not_applicable';

export interface Draft {
	/** Drawn once when the checklist opens; the server derives every id from it. */
	inspectionId: string;
	merchantId: string;
	merchantName: string;
	taskId: string | null;
	alertIds: string[];
	startedAt: string;
	completedAt: string | null;
	items: Record<string, { outcome: Outcome | null; note: string }>;
	/** Downscaled photos per item, in order: their slots are item-<id>-<n>. */
	photos: Record<string, Blob[]>;
	coInspectorId: string;
	confirmed: boolean;
	/** The result the inspector confirmed (set when the visit is queued). */
	result: 'pass' | 'rectify' | 'fail' | null;
	deadline: string;
	signer: string;
	signature: Blob | null;
	status: 'draft' | 'queued' | 'synced' | 'failed';
	/** Slots already on the server (a retry sends only the rest). */
	uploaded: string[];
	error: string | null;
	updatedAt: string;
}

const DB = 'fs-inspect';
const STORE = 'drafts';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => {
			const store = req.result.createObjectStore(STORE, { keyPath: 'inspectionId' });
			store.createIndex('status', 'status');
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
	});
}

let db: Promise<IDBDatabase> | null = null;
const database = () => (db ??= open());

async function run<T>(
	mode: IDBTransactionMode,
	work: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const store = (await database()).transaction(STORE, mode).objectStore(STORE);
	return new Promise((resolve, reject) => {
		const req = work(store);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('indexedDB request failed'));
	});
}

export async function putDraft(d: Draft): Promise<void> {
	await run('readwrite', (s) => s.put({ ...d, updatedAt: new Date().toISOString() }));
}

export async function getDraft(inspectionId: string): Promise<Draft | undefined> {
	return run<Draft | undefined>('readonly', (s) => s.get(inspectionId));
}

export async function allDrafts(): Promise<Draft[]> {
	return run<Draft[]>('readonly', (s) => s.getAll());
}

/**
 * The visit of this merchant and task still on the phone, to resume with the same inspection
 * id: the draft being filled in, else the newest one waiting to sync (shown, not editable).
 */
export async function openDraftFor(merchantId: string, taskId: string | null) {
	const mine = (await allDrafts())
		.filter((d) => d.merchantId === merchantId && d.taskId === taskId)
		.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
	return (
		mine.find((d) => d.status === 'draft') ??
		mine.find((d) => d.status === 'queued' || d.status === 'failed')
	);
}

/** Synced visits are kept a week on the phone (the inspector may look back), then dropped. */
export async function pruneSynced(now = Date.now()): Promise<void> {
	for (const d of await allDrafts()) {
		if (d.status === 'synced' && now - Date.parse(d.updatedAt) > 7 * 86_400_000) {
			await run('readwrite', (s) => s.delete(d.inspectionId));
		}
	}
}
