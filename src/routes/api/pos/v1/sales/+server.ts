import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { TicketClaims } from '$lib/domain/auth/claims';
import { isoInstant, shortText } from '$lib/domain/events/common';
import { paymentMethod } from '$lib/domain/events/till';
import { entityId } from '$lib/domain/ids';
import { merchantDetail } from '$lib/domain/read-model';
import { requestedLine } from '$lib/domain/stock/sale';
import { posKeyStore } from '$lib/server/pos/web';
import { countPosCall, countPosKeyFailure, posKeyAllowed } from '$lib/server/pos/rate';
import { posReceipts, type PosReceipt } from '$lib/server/pos/receipts';
import { ReadApiError, readApi } from '$lib/server/read-api';
import { recordSale } from '$lib/server/stock/sell';
import { localeOfAcceptLanguage } from '$lib/i18n/accept-language';
import { lineProblemsOf, posError } from './problems';
import type { RequestHandler } from './$types';

/** A POS's sale: its own sale id makes a retry the same sale. */
const posSale = z.strictObject({
	saleId: entityId,
	occurredAt: isoInstant.optional(),
	lines: z.array(requestedLine.strict()).min(1).max(200),
	payment: paymentMethod,
	paymentRef: shortText(100).optional(),
	memberId: entityId.optional()
});

const answer = (r: PosReceipt, status: number, duplicate = false) =>
	json({ ...r, duplicate }, { status });

/**
 * POST /api/pos/v1/sales — a real POS system records a sale (Authorization: Bearer <key>).
 * Lines resolve to the shop's lots by FIFO unless the POS names a lot; a recalled lot is
 * refused (409, 召回批次禁止销售). An expired lot the POS names is recorded: the sale happened
 * at its counter, and hiding it would keep it from the regulator's expired-lot alert.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const address = getClientAddress();
	const locale = localeOfAcceptLanguage(request.headers.get('accept-language'));
	const unauthorized = (code: 'key_missing' | 'key_unknown') =>
		posError(locale, 401, code, { headers: { 'www-authenticate': 'Bearer realm="pos"' } });
	const tooMany = (retryAfterMs: number) => {
		const seconds = Math.ceil(retryAfterMs / 1000);
		return posError(locale, 429, 'rate_limited', {
			params: { seconds },
			headers: { 'retry-after': String(seconds) }
		});
	};
	// Too many failed key checks from this address: no key is checked until the window ends.
	const open = posKeyAllowed(address);
	if (!open.allowed) return tooMany(open.retryAfterMs);
	const auth = request.headers.get('authorization') ?? '';
	if (!auth.startsWith('Bearer ')) {
		countPosKeyFailure(address);
		return unauthorized('key_missing');
	}
	const verified = await (await posKeyStore()).verify(auth.slice('Bearer '.length).trim());
	if (!verified.ok) {
		countPosKeyFailure(address);
		if (verified.reason === 'revoked') return posError(locale, 403, 'key_revoked');
		return unauthorized('key_unknown');
	}
	const key = verified.key;
	const counted = countPosCall(key.keyId);
	if (!counted.allowed) return tooMany(counted.retryAfterMs);

	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return posError(locale, 400, 'body_not_json', { fields: { issues: [] } });
	}
	const parsed = posSale.safeParse(body);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => ({
			path: i.path.join('.') || '(body)',
			message: i.message
		}));
		return posError(locale, 400, 'invalid_body', {
			params: { path: issues[0]?.path ?? '(body)', detail: issues[0]?.message ?? '' },
			fields: { issues }
		});
	}
	const sale = parsed.data;

	const receipts = await posReceipts();
	const earlier = await receipts.get(key.merchantId, sale.saleId);
	if (earlier) return answer(earlier, 200, true);

	// The POS reads and writes as the shop's staff would, for this shop only.
	const claims: TicketClaims = {
		sub: `pos:${key.keyId}`,
		role: 'merchant_staff',
		districts: [],
		merchants: [key.merchantId]
	};
	let shop;
	try {
		shop = await readApi(
			claims,
			`/api/merchants/${encodeURIComponent(key.merchantId)}`,
			merchantDetail
		);
	} catch (e) {
		if (e instanceof ReadApiError && e.status === 404) {
			return posError(locale, 403, 'shop_not_registered');
		}
		throw e;
	}
	const outcome = await recordSale({
		claims,
		shop,
		actor: { kind: 'device', id: `pos:${key.keyId}` },
		orderId: sale.saleId,
		requested: sale.lines,
		channel: 'pos_api',
		payment: sale.payment,
		...(sale.paymentRef ? { paymentRef: sale.paymentRef } : {}),
		...(sale.memberId ? { memberId: sale.memberId } : {}),
		...(sale.occurredAt ? { occurredAt: sale.occurredAt } : {}),
		allowExpired: true,
		idempotencyKey: `pos.sale|${key.merchantId}|${sale.saleId}`
	});
	if (!outcome.ok) {
		// A POS never charges through us: only line problems can come back.
		const problems = outcome.kind === 'lines' ? lineProblemsOf(outcome.problems, locale) : [];
		// The operator reads the first line's reason; the POS's program reads each line's code.
		return posError(locale, 409, 'sale_refused', {
			message: problems[0]?.message,
			fields: { problems }
		});
	}
	const receipt: PosReceipt = {
		saleId: sale.saleId,
		orderId: outcome.sale.orderId,
		eventId: outcome.event.id,
		totalFen: outcome.sale.totalFen,
		lines: outcome.sale.lines.map(({ sku, lotId, quantity, unitPriceFen }) => ({
			sku,
			lotId,
			quantity,
			unitPriceFen
		}))
	};
	await receipts.put(key.merchantId, receipt);
	return answer(receipt, 201);
};
