import type { FsEvent } from '../../events';
import type { ImportError } from './sheets';

/** A merchant already in the register with a credit code the file names. */
export interface ExistingMerchant {
	merchantId: string;
	districtId: string;
	name: string;
	/** Its licences by number and its staff by name: a re-import updates them, not doubles them. */
	licenceIds?: Record<string, string>;
	staffIds?: Record<string, string>;
}

export interface ImportContext {
	batchId: string;
	/** When the batch was made (ms): the events' time, and the time part of their ids. */
	createdAt: number;
	actor: FsEvent['actor'];
	/** Districts the importer may write to; `all` for admins. */
	scope: { all: true } | { all: false; districts: readonly string[] };
	/** Registered merchants in the importer's scope, by credit code. */
	existing: ReadonlyMap<string, readonly ExistingMerchant[]>;
	/** Credit codes registered outside the importer's scope. */
	elsewhere: ReadonlySet<string>;
}

export type PreviewAction = 'new' | 'update' | 'licence' | 'staff';

/** One planned change, for the preview table. */
export interface PreviewItem {
	sheet: string;
	row: number;
	action: PreviewAction;
	merchant: string;
	detail: string;
}

export interface ImportCounts {
	newMerchants: number;
	updatedMerchants: number;
	licences: number;
	staff: number;
}

export interface ImportPlan {
	errors: ImportError[];
	/** The events to publish, in order (merchants first); empty when there is any error. */
	events: FsEvent[];
	items: PreviewItem[];
	counts: ImportCounts;
}
