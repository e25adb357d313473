import { jetstream } from '@nats-io/jetstream';
import type { TicketClaims } from '../../domain/auth/claims';
import type { UserView } from '../../domain/accounts/account';
import type { FsEvent } from '../../domain/events';
import {
	planImport,
	type ImportContext,
	type ImportCounts,
	type PreviewItem
} from '../../domain/registry/import/plan';
import { creditCodesOf, readSheets, type ImportError } from '../../domain/registry/import/sheets';
import { publishEvent, sendWindowed } from '../backbone/publisher';
import { nats } from '../nats';
import { actorKinds, untilStored } from '../record-event';
import { batchIdOf, BatchStore } from './batches';
import { findExisting } from './existing';
import { readImportFile } from './import-file';

export { ImportFileError } from './import-file';

type Importer = { user: UserView; claims: TicketClaims };

/** The preview page shows this many planned rows and errors; counts cover all of them. */
const SHOWN_ITEMS = 50;
const SHOWN_ERRORS = 2_000;

export interface ImportPreview {
	fileName: string;
	/** Set when the file has no errors: the batch waiting for its confirm. */
	batchId: string | null;
	counts: ImportCounts;
	items: PreviewItem[];
	itemCount: number;
	errors: ImportError[];
	errorCount: number;
}

let store: Promise<BatchStore> | undefined;
function batches(): Promise<BatchStore> {
	store ??= nats().then(
		({ nc }) => BatchStore.open(jetstream(nc)),
		(e: unknown) => {
			store = undefined;
			throw e;
		}
	);
	return store;
}

const scopeOf = (claims: TicketClaims): ImportContext['scope'] =>
	claims.role === 'admin' ? { all: true } : { all: false, districts: claims.districts };

/**
 * Reads and checks a whole file, and keeps the resulting events server-side when it is clean.
 * Nothing is published here.
 */
export async function previewImport(
	importer: Importer,
	file: { name: string; bytes: Uint8Array },
	now = Date.now()
): Promise<ImportPreview> {
	const sheets = await readImportFile(file.name, file.bytes);
	const read = readSheets(sheets);
	const { existing, elsewhere } = await findExisting(importer.claims, creditCodesOf(read));
	const batchId = batchIdOf(file.bytes, importer.user.username);
	const plan = planImport(read, {
		batchId,
		createdAt: now,
		actor: { kind: actorKinds[importer.user.role], id: importer.user.username },
		scope: scopeOf(importer.claims),
		existing,
		elsewhere
	});
	const clean = plan.errors.length === 0 && plan.events.length > 0;
	if (clean) {
		await (
			await batches()
		).put({
			batchId,
			username: importer.user.username,
			createdAt: now,
			fileName: file.name,
			counts: plan.counts,
			districts: [...new Set(plan.events.map((e) => e.districtId))],
			events: plan.events
		});
	}
	return {
		fileName: file.name,
		batchId: clean ? batchId : null,
		counts: plan.counts,
		items: plan.items.slice(0, SHOWN_ITEMS),
		itemCount: plan.items.length,
		errors: plan.errors.slice(0, SHOWN_ERRORS),
		errorCount: plan.errors.length
	};
}

export type ConfirmResult =
	| { status: 'published'; counts: ImportCounts; stored: boolean }
	| { status: 'already'; counts: ImportCounts; publishedAt: string }
	| { status: 'missing' }
	| { status: 'forbidden' }
	| { status: 'failed'; published: number; total: number };

/**
 * Publishes a previewed batch, exactly as previewed. Every event keeps the id it got at preview,
 * so a retry after a failure, or a second click, is dropped by JetStream's dedup (and the store's
 * idempotence) instead of doubling anything.
 */
export async function confirmImport(importer: Importer, batchId: string): Promise<ConfirmResult> {
	const store = await batches();
	const batch = await store.get(batchId);
	if (!batch || batch.username !== importer.user.username) return { status: 'missing' };
	// The scope may have changed since the preview.
	const scope = scopeOf(importer.claims);
	if (!scope.all && !batch.districts.every((d) => scope.districts.includes(d))) {
		return { status: 'forbidden' };
	}
	const publishedAt = await store.publishedAt(batchId);
	if (publishedAt) return { status: 'already', counts: batch.counts, publishedAt };
	const { nc } = await nats();
	const js = jetstream(nc);
	const sent = await publishAll(batch.events, (e) => publishEvent(js, e));
	if (!sent.ok) return { status: 'failed', published: sent.published, total: batch.events.length };
	await store.markPublished(batchId);
	const last = batch.events.at(-1) as FsEvent;
	const stored = await untilStored(importer.claims, last, { timeoutMs: 5_000 });
	return { status: 'published', counts: batch.counts, stored };
}

/**
 * Sends every event of a batch, in order, a bounded number in flight. On a failure it says how
 * many were acknowledged; sending the same batch again completes it (the ids make the repeats
 * duplicates, which JetStream drops).
 */
export async function publishAll(
	events: readonly unknown[],
	send: (event: unknown) => Promise<unknown>,
	window = 256
): Promise<{ ok: true } | { ok: false; published: number; error: unknown }> {
	let acked = 0;
	try {
		await sendWindowed(
			events,
			async (e) => {
				await send(e);
				acked++;
			},
			window
		);
		return { ok: true };
	} catch (error) {
		return { ok: false, published: acked, error };
	}
}
