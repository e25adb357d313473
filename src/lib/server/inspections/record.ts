import { error } from '@sveltejs/kit';
import type { TicketClaims } from '../../domain/auth/claims';
import { checklistFor } from '../../domain/inspections/checklist';
import { storedInspection } from '../../domain/inspections/read-model';
import { merchantDetail } from '../../domain/read-model';
import { accountServices } from '../accounts/web';
import { readApi, ReadApiError } from '../read-api';

/**
 * One inspection record with what its printed form needs: the merchant, the inspectors' names
 * and the checklist's sections and key marks. Outside the viewer's scope it is a 404.
 */
export async function inspectionRecord(claims: TicketClaims, inspectionId: string) {
	try {
		const inspection = await readApi(
			claims,
			`/api/inspections/${encodeURIComponent(inspectionId)}`,
			storedInspection
		);
		const merchant = await readApi(
			claims,
			`/api/merchants/${encodeURIComponent(inspection.merchantId)}`,
			merchantDetail
		);
		const { directory } = await accountServices();
		const nameOf = (id: string) => ({ id, name: directory.get(id)?.displayName ?? id });
		const template = checklistFor(merchant.businessType);
		return {
			inspection,
			merchant: {
				id: merchant.id,
				name: merchant.name,
				address: merchant.address,
				creditCode: merchant.creditCode,
				businessType: merchant.businessType
			},
			inspectors: [inspection.inspectorId, ...inspection.coInspectorIds].map(nameOf),
			items: template.map((i) => ({
				...i,
				checked: inspection.checklist.find((c) => c.itemId === i.id) ?? null
			}))
		};
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) {
			error(404, 'no such inspection in your districts');
		}
		throw e;
	}
}
