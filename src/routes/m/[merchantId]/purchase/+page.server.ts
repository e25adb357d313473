import { fail, redirect } from '@sveltejs/kit';
import {
	type AttachmentId,
	MAX_PHOTO_BYTES,
	MAX_PHOTOS_PER_RECORD,
	MAX_UPLOAD_BODY_BYTES
} from '$lib/domain/attachments';
import { uuidv7 } from '$lib/domain/ids';
import {
	parsePurchaseForm,
	purchaseFields,
	type FieldProblems
} from '$lib/domain/ledgers/purchase-form';
import {
	lotIdOf,
	recentProducts,
	recentSuppliers,
	skuOf,
	supplierOf
} from '$lib/domain/ledgers/purchase';
import { eventList } from '$lib/domain/read-model';
import { localDay } from '$lib/domain/time';
import { attachmentStore, deletePhotos, storePhotos } from '$lib/server/attachments/attachments';
import { ObjectStoreError } from '$lib/server/attachments/object-store';
import { preparePhoto, PhotoError, type PreparedPhoto } from '$lib/server/attachments/photos';
import { nats } from '$lib/server/nats';
import { readApi } from '$lib/server/read-api';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { shopOf } from '../shop.server';
import type { Actions, PageServerLoad } from './$types';

/** The shop's past purchases, for its quick-picks (and to keep a known supplier's id). */
async function pastPurchases(claims: Parameters<typeof readApi>[0], merchantId: string) {
	const id = encodeURIComponent(merchantId);
	const path = `/api/events?merchantId=${id}&type=ledger.purchase.recorded&limit=200`;
	return (await readApi(claims, path, eventList)).items.map((e) => e.payload);
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const past = await pastPurchases(viewer.claims, shop.id);
	return {
		shop: { id: shop.id, name: shop.name },
		today: localDay(Date.now()),
		suppliers: recentSuppliers(past).map((s) => s.supplierName),
		products: recentProducts(past),
		maxPhotos: MAX_PHOTOS_PER_RECORD,
		maxPhotoMb: MAX_PHOTO_BYTES / 1024 / 1024
	};
};

type Values = Partial<Record<(typeof purchaseFields)[number], string>>;

/** A refused form comes back with what was typed and every problem on its field. */
const refuse = (status: number, problems: FieldProblems, values: Values = {}) =>
	fail(status, { problems, values });

export const actions: Actions = {
	default: async ({ locals, params, request, setHeaders }) => {
		const { viewer, shop } = await shopOf(locals, params.merchantId);
		// Refused before a byte is read when it says it is too big; the adapter's BODY_SIZE_LIMIT
		// bounds what is read when it does not say (or lies).
		if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BODY_BYTES) {
			// The body is left unread, so this connection cannot carry another request.
			setHeaders({ connection: 'close' });
			return refuse(413, { photos: 'too_large' });
		}
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			const tooLarge = (e as { status?: number }).status === 413;
			return refuse(tooLarge ? 413 : 400, { photos: tooLarge ? 'too_large' : 'not_image' });
		}
		const values: Values = {};
		for (const name of purchaseFields) {
			const v = form.get(name);
			if (typeof v === 'string') values[name] = v;
		}
		const files = form.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
		const today = localDay(Date.now());
		const parsed = parsePurchaseForm(values, today);
		const problems: FieldProblems = parsed.ok ? {} : { ...parsed.problems };
		if (files.length > MAX_PHOTOS_PER_RECORD) problems.photos = 'too_many';
		else if (files.some((f) => f.size > MAX_PHOTO_BYTES)) {
			return refuse(413, { ...problems, photos: 'too_large' }, values);
		}
		if (!parsed.ok || problems.photos) return refuse(400, problems, values);

		// Every photo is checked before anything is stored: one bad photo refuses the form whole.
		const photos: PreparedPhoto[] = [];
		for (const file of files) {
			try {
				photos.push(await preparePhoto(new Uint8Array(await file.arrayBuffer())));
			} catch (e) {
				if (e instanceof PhotoError) return refuse(400, { photos: 'not_image' }, values);
				throw e;
			}
		}

		const f = parsed.value;
		const supplier = supplierOf(
			shop.id,
			f.supplierName,
			recentSuppliers(await pastPurchases(viewer.claims, shop.id), 200)
		);
		const sku = skuOf(f.productName);
		const lotId = lotIdOf({
			merchantId: shop.id,
			supplierId: supplier.supplierId,
			sku,
			batchNo: f.batchNo,
			productionDate: f.productionDate,
			receivedOn: today
		});
		const eventId = uuidv7();
		const store = await attachmentStore((await nats()).nc);
		let attachmentIds: AttachmentId[];
		try {
			attachmentIds = await storePhotos(store, photos, {
				merchantId: shop.id,
				districtId: shop.districtId,
				recordType: 'ledger.purchase.recorded',
				recordId: eventId,
				lotId,
				uploadedBy: viewer.user.username
			});
		} catch (e) {
			// Nothing is recorded without its photos; the shop keeps its form and tries again.
			if (!(e instanceof ObjectStoreError)) throw e;
			console.error(`[web] purchase photos not stored: ${e.message}`);
			return refuse(503, { photos: 'unavailable' }, values);
		}
		const published = recordEvent(viewer, {
			id: eventId,
			type: 'ledger.purchase.recorded',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: {
				lotId,
				supplierId: supplier.supplierId,
				supplierName: supplier.supplierName,
				sku,
				productName: f.productName,
				quantity: f.quantity,
				unit: f.unit,
				productionDate: f.productionDate,
				expiresOn: f.expiresOn,
				batchNo: f.batchNo,
				...(f.certificateRef ? { certificateRef: f.certificateRef } : {}),
				...(attachmentIds.length > 0 ? { attachmentIds } : {})
			}
		});
		// Photos of a record that was never published would be orphans: take them back.
		const { event } = await published.catch(async (e: unknown) => {
			await deletePhotos(store, attachmentIds).catch(() => {});
			throw e;
		});
		await untilStored(viewer.claims, event);
		redirect(303, `/m/${encodeURIComponent(shop.id)}?recorded=purchase`);
	}
};
