import { error } from '@sveltejs/kit';
import { attachmentId, attachmentVariant, type AttachmentMeta } from '$lib/domain/attachments';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { readScope } from '$lib/domain/auth/policy';
import { merchantDetail } from '$lib/domain/read-model';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { attachmentStore, findAttachment } from '$lib/server/attachments/attachments';
import { viewerOf } from '$lib/server/auth/guard';
import { nats } from '$lib/server/nats';
import type { RequestHandler } from './$types';

/**
 * Whether the viewer may read the merchant's records now: its own people, or regulators whose
 * districts hold the merchant today (asked of the read API, not the district the photo was
 * taken in: a merchant that moved takes its records with it).
 */
async function mayView(claims: TicketClaims, meta: Pick<AttachmentMeta, 'merchantId'>) {
	const scope = readScope(claims);
	if (scope.all || scope.merchants.includes(meta.merchantId)) return true;
	if (scope.districts.length === 0) return false;
	try {
		await readApi(claims, `/api/merchants/${encodeURIComponent(meta.merchantId)}`, merchantDetail);
		return true;
	} catch (e) {
		if (e instanceof ReadApiError && e.status === 404) return false;
		throw e;
	}
}

/**
 * One version of a record's photo, after the record's own access check. Anyone else gets the
 * same 404 as for an id that does not exist: whether it exists is not disclosed.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const viewer = viewerOf(locals);
	const id = attachmentId.safeParse(params.id);
	const variant = attachmentVariant.safeParse(params.variant);
	if (!id.success || !variant.success) error(404, 'not found');
	const store = await attachmentStore((await nats()).nc);
	const found = await findAttachment(store, id.data, variant.data);
	if (!found || !(await mayView(viewer.claims, found.meta))) error(404, 'not found');
	const { meta } = found;
	const headers = {
		etag: `"${meta.sha256}"`,
		// Only this person's browser may keep it (never a shared cache); the id never changes
		// content, so a day without asking again is safe.
		'cache-control': 'private, max-age=86400',
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox"
	};
	if (request.headers.get('if-none-match') === headers.etag) {
		return new Response(null, { status: 304, headers });
	}
	const bytes = await found.bytes();
	return new Response(bytes, {
		headers: {
			...headers,
			'content-type': meta.contentType,
			'content-length': String(bytes.length)
		}
	});
};
