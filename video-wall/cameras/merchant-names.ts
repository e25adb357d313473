/** Merchant id → name, for the text burned into test patterns. */
export type MerchantNames = Map<string, string>;

/** Folds merchant.registered / merchant.updated into the names; other events are ignored. */
export function applyMerchantEvent(names: MerchantNames, e: unknown): void {
	const event = e as { type?: string; merchantId?: string; payload?: { name?: unknown } };
	if (event.type !== 'merchant.registered' && event.type !== 'merchant.updated') return;
	const name = event.payload?.name;
	if (typeof name === 'string' && event.merchantId) names.set(event.merchantId, name);
}
