import type { Store } from '../../clickhouse/store';
import type { StoredProduct, StoredSupplier } from '../../src/lib/domain/stock/catalogue';
import { iso } from '../../clickhouse/sql';
import { lotAccounts } from './lot-accounts.queries';

/** A shop's catalogue is hundreds of products at most. */
const MAX_ITEMS = 2_000;

export function catalogueQueries(store: Store) {
	return {
		/** The shop's lots and what each holds now (its stock by lot). */
		async stock(merchantId: string) {
			return {
				items: await lotAccounts(store, {
					where: 'lots.merchantId = {merchantId:String}',
					params: { merchantId },
					limit: MAX_ITEMS
				})
			};
		},

		async products(merchantId: string): Promise<{ items: StoredProduct[] }> {
			const rows = await store.query<Omit<StoredProduct, 'retired'> & { retired: number }>(
				`SELECT sku, name, category, shelfLifeDays, storage, unit, priceFen, retired,
				        ${iso('updatedAt')} AS updatedAt
				 FROM products FINAL WHERE merchantId = {merchantId:String} ORDER BY sku LIMIT ${MAX_ITEMS}`,
				{ merchantId }
			);
			return {
				items: rows.map((r) => ({
					...r,
					shelfLifeDays: Number(r.shelfLifeDays),
					priceFen: r.priceFen === null ? null : Number(r.priceFen),
					retired: Number(r.retired) === 1
				}))
			};
		},

		/**
		 * The shop's suppliers: those it recorded, and those known only from its purchase intake
		 * (no licence number nor contact yet), with the lots each delivered.
		 */
		async suppliers(merchantId: string): Promise<{ items: StoredSupplier[] }> {
			const rows = await store.query<{
				supplierId: string;
				name: string;
				licenceNo: string;
				contactName: string;
				contactPhone: string;
				lots: number;
				lastDeliveryAt: string | null;
				updatedAt: string;
			}>(
				`SELECT supplierId,
				        if(s.supplierId = '', l.supplierName, s.name) AS name,
				        s.licenceNo AS licenceNo, s.contactName AS contactName, s.contactPhone AS contactPhone,
				        l.lots AS lots,
				        if(l.lots > 0, ${iso('l.lastDeliveryAt')}, NULL) AS lastDeliveryAt,
				        ${iso("if(s.supplierId = '', l.lastDeliveryAt, s.updatedAt)")} AS updatedAt
				 FROM (SELECT supplierId, name, licenceNo, contactName, contactPhone, updatedAt
				       FROM suppliers FINAL WHERE merchantId = {merchantId:String}) AS s
				 FULL OUTER JOIN
				      (SELECT supplierId, any(supplierName) AS supplierName, count() AS lots,
				              max(receivedAt) AS lastDeliveryAt
				       FROM lots FINAL WHERE merchantId = {merchantId:String} GROUP BY supplierId) AS l
				 USING (supplierId)
				 ORDER BY name, supplierId LIMIT ${MAX_ITEMS}`,
				{ merchantId }
			);
			return {
				items: rows.map((r) => ({
					supplierId: r.supplierId,
					name: r.name,
					licenceNo: r.licenceNo,
					contact: r.contactName ? { name: r.contactName, phone: r.contactPhone } : null,
					lots: Number(r.lots),
					lastDeliveryAt: r.lastDeliveryAt,
					updatedAt: r.updatedAt
				}))
			};
		}
	};
}
export type CatalogueQueries = ReturnType<typeof catalogueQueries>;
