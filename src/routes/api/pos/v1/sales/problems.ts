import { json } from '@sveltejs/kit';
import type { LotRefusalReason } from '$lib/domain/stock/fifo';
import type { LineProblem } from '$lib/domain/stock/sale';
import { translate, type Locale, type Params } from '$lib/i18n/translate';

/**
 * The POS API's answers to a refused call. Each carries a stable `code` for the POS's program
 * (README → POS API; never renamed) and `error`, a message for the operator's screen in the
 * language the POS asks for (Accept-Language; Chinese by default).
 */
export const posErrorCodes = [
	'key_missing',
	'key_unknown',
	'key_revoked',
	'shop_not_registered',
	'rate_limited',
	'body_not_json',
	'invalid_body',
	'sale_refused'
] as const;
export type PosErrorCode = (typeof posErrorCodes)[number];

/** The codes of one refused line of a sale (409's `problems`). */
export const lineProblemCodes = [
	'lot_recalled',
	'lot_expired',
	'lot_empty',
	'lot_other_sku',
	'lot_unknown',
	'no_price',
	'short',
	'short_recalled'
] as const;
export type LineProblemCode = (typeof lineProblemCodes)[number];

const lotCode = {
	recalled: 'lot_recalled',
	expired: 'lot_expired',
	empty: 'lot_empty',
	other_sku: 'lot_other_sku',
	unknown: 'lot_unknown'
} as const satisfies Record<LotRefusalReason, LineProblemCode>;

/** An error answer: `{ code, error, ...fields }`, its language named in Content-Language. */
export function posError(
	locale: Locale,
	status: number,
	code: PosErrorCode,
	{
		params,
		message,
		fields = {},
		headers = {}
	}: {
		params?: Params;
		/** A more precise message than the code's own (a refused sale's first line). */
		message?: string | undefined;
		fields?: Record<string, unknown>;
		headers?: Record<string, string>;
	} = {}
) {
	return json(
		{ code, error: message ?? translate(locale, `pos.error.${code}`, params), ...fields },
		{ status, headers: { 'content-language': locale, ...headers } }
	);
}

/** Each line's problem with its field path, as a 400 names its field. */
export function lineProblemsOf(problems: readonly LineProblem[], locale: Locale) {
	const say = (code: LineProblemCode, params?: Params) => ({
		code,
		message: translate(locale, `pos.problem.${code}`, params)
	});
	return problems.map((p) => {
		const path = `lines.${p.line}`;
		switch (p.reason) {
			case 'no_price':
				return { path: `${path}.unitPriceFen`, reason: p.reason, ...say('no_price') };
			case 'lot_refused':
				return {
					path: `${path}.lotId`,
					reason: p.refusal.reason,
					lotId: p.refusal.lotId,
					...say(lotCode[p.refusal.reason])
				};
			case 'short': {
				const recalled = p.refused.some((r) => r.reason === 'recalled');
				return {
					path: `${path}.quantity`,
					reason: recalled ? 'recalled' : 'short',
					wanted: p.wanted,
					available: p.available,
					refused: p.refused,
					...say(recalled ? 'short_recalled' : 'short', { available: p.available })
				};
			}
		}
	});
}
