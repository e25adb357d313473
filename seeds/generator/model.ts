import type { BusinessType } from '../../src/lib/domain/index';
import type { Product } from './catalogue';

/** The demo district's data model: what the registry would hold about each business. */

export type Scale = 'small' | 'medium' | 'large';

export interface Licence {
	licenceId: string;
	kind: 'food_business' | 'other';
	number: string;
	scope: string;
	validFrom: string;
	validTo: string;
	authority: string;
}

export interface HealthCertificate {
	number: string;
	validFrom: string;
	validTo: string;
}

export interface StaffMember {
	id: string;
	name: string;
	role: 'manager' | 'cook' | 'helper' | 'server' | 'cashier' | 'seller';
	healthCertificate: HealthCertificate;
}

export interface Supplier {
	id: string;
	name: string;
	creditCode: string;
}

/** A product the merchant buys in lots, and from whom. */
export interface StockItem {
	product: Product;
	supplierId: string;
}

export interface Device {
	deviceId: string;
	kind: 'fridge_temp' | 'freezer_temp';
}

export interface Merchant {
	/** m000123: stable for a seed, position in the register. */
	id: string;
	districtId: string;
	name: string;
	creditCode: string;
	businessType: BusinessType;
	scale: Scale;
	address: string;
	location: { lon: number; lat: number };
	contact: { name: string; phone: string };
	licence: Licence;
	staff: StaffMember[];
	stock: StockItem[];
	/** Dishes cooked on site; empty for shops and stalls. */
	menu: Product[];
	devices: Device[];
	/** Behaves badly in the simulation: skips checks, sells expired lots, warm fridges. */
	misconduct: boolean;
}

export interface DemoDistrict {
	seed: number;
	/** The day licences and certificates are measured against, YYYY-MM-DD. */
	today: string;
	badShare: number;
	merchants: Merchant[];
	suppliers: Supplier[];
}

export interface GenerateOptions {
	seed: number;
	/** Number of merchants; default 2,000. */
	merchants?: number;
	/** YYYY-MM-DD; licence and certificate dates are relative to it. */
	today: string;
	/** Share of merchants with misconduct; default 0.08. */
	badShare?: number;
	/** Share of licences already expired; default 0.03. */
	expiredLicenceShare?: number;
	/** Share of licences ending within 30 days; default 0.05. */
	expiringLicenceShare?: number;
}
