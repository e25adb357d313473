import { uuidv7, type FsEvent } from '../../src/lib/domain/index';
import { makeEvent, type NewEvent } from '../../src/lib/server/backbone/publisher';
import { initialLots, type Lot } from './lots';
import type { DemoDistrict, Merchant } from './model';
import { createRng } from './rng';
import { shopProducts } from './shop-products';

export const simulatorActor = (seed: number) => ({ kind: 'simulator' as const, id: `sim-${seed}` });

/**
 * The register of the demo district as events: every merchant's registration and licence,
 * and its opening stock lots. Ids come from the seed (UUIDv7 with the district's day as
 * time and seeded random bits), so publishing the seed twice gives the same ids and the
 * second copy is dropped by NATS dedup or by the idempotent store.
 */
export function seedEvents(district: DemoDistrict, now: number): FsEvent[] {
	const idRng = createRng(district.seed).fork(`seed-ids:${district.today}`);
	const idTime = Date.parse(`${district.today}T00:00:00Z`);
	const actor = simulatorActor(district.seed);
	const events: FsEvent[] = [];
	const add = (input: Omit<NewEvent<FsEvent['type']>, 'actor' | 'id'>) => {
		const id = uuidv7(idTime, idRng.bytes(16));
		events.push(makeEvent({ ...input, actor, id } as NewEvent<FsEvent['type']>, now) as FsEvent);
	};

	const lotsByMerchant = new Map<string, Lot[]>();
	for (const lot of initialLots(district)) {
		const list = lotsByMerchant.get(lot.merchantId);
		if (list) list.push(lot);
		else lotsByMerchant.set(lot.merchantId, [lot]);
	}

	for (const m of district.merchants) {
		const base = { merchantId: m.id, districtId: m.districtId };
		add({ ...base, type: 'merchant.registered', payload: registration(m) });
		add({ ...base, type: 'licence.issued', payload: { ...m.licence } });
		for (const person of m.staff) {
			add({
				...base,
				type: 'merchant.staff.registered',
				payload: {
					staffId: person.id,
					name: person.name,
					position: person.role,
					healthCertificate: { ...person.healthCertificate }
				}
			});
		}
		const lots = lotsByMerchant.get(m.id) ?? [];
		for (const payload of shopProducts(lots)) {
			add({ ...base, type: 'stock.product.upserted', payload });
		}
		for (const lot of lots) {
			add({ ...base, type: 'ledger.purchase.recorded', payload: purchasePayload(lot) });
		}
	}
	return events;
}

function registration(m: Merchant) {
	return {
		name: m.name,
		creditCode: m.creditCode,
		businessType: m.businessType,
		scale: m.scale,
		address: m.address,
		location: m.location,
		contact: m.contact
	};
}

/** The purchase ledger payload of a lot; shared with the simulator's restocking. */
export function purchasePayload(lot: Lot) {
	return {
		lotId: lot.lotId,
		supplierId: lot.supplierId,
		supplierName: lot.supplierName,
		sku: lot.sku,
		productName: lot.productName,
		quantity: lot.quantity,
		unit: lot.unit,
		productionDate: lot.productionDate,
		expiresOn: lot.expiresOn,
		batchNo: lot.batchNo,
		certificateRef: lot.certificateRef
	};
}
