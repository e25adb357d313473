import { makeEvent } from '../../src/lib/server/backbone/publisher';

// Events for a merchant with something to show on the drill-down: stock lots and a failed visit.

/** 进货查验: a lot received, expiring on `expiresOn`. */
export function purchase(
	merchantId: string,
	lotId: string,
	productName: string,
	expiresOn: string,
	districtId = '370102'
) {
	return makeEvent({
		type: 'ledger.purchase.recorded',
		merchantId,
		districtId,
		actor: { kind: 'merchant', id: 'own-ab' },
		payload: {
			lotId,
			supplierId: 'sup-1',
			supplierName: '济南鲜达食品有限公司',
			sku: `sku-${lotId}`,
			productName,
			quantity: 12,
			unit: '箱',
			productionDate: '2025-01-01',
			expiresOn
		}
	});
}

/** An inspection that failed with two findings and a rectification deadline. */
export function failedInspection(merchantId: string, inspectionId: string, districtId = '370102') {
	return makeEvent({
		type: 'inspection.completed',
		merchantId,
		districtId,
		actor: { kind: 'inspector', id: 'insp-a' },
		payload: {
			inspectionId,
			inspectorId: 'insp-a',
			result: 'fail',
			findings: [{ code: 'raw_cooked_separated', text: '生熟混放' }],
			checklist: [
				{ itemId: 'raw_cooked_separated', outcome: 'fail', note: '生熟混放' },
				{ itemId: 'tableware_disinfected', outcome: 'fail' },
				{ itemId: 'kitchen_clean', outcome: 'pass' }
			],
			rectification: {
				itemIds: ['raw_cooked_separated', 'tableware_disinfected'],
				deadline: new Date(Date.now() + 7 * 86_400_000).toISOString()
			}
		}
	});
}
