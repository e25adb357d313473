import type { Alert } from '../../src/lib/domain/alert';
import type { Camera } from '../../src/lib/domain/video/camera';
import type { OfflineSpell } from './cameras';
import type { LicenceState } from '../../src/lib/domain/rules/licence-expired';
import { emptyTrail, type LedgerTrail } from '../../src/lib/domain/rules/ledger-trail';

/** A licence as the processor keeps it: full, so every row it writes is whole. */
export interface LicenceRecord extends LicenceState {
	kind: string;
	scope: string;
	authority: string;
	validFrom: string;
	attachmentIds: string[];
}

/** A staff member on the roster, as the rules need them (morning checks, certificates). */
export interface StaffRecord {
	staffId: string;
	name: string;
	position: string;
	certNumber: string;
	certValidFrom: string | null;
	certValidTo: string | null;
	removed: boolean;
}

/** What the processor keeps in memory per merchant; rebuilt from the store at start. */
export interface MerchantRecord {
	id: string;
	districtId: string;
	name: string;
	businessType: string;
	scale: string;
	status: string;
	creditCode: string;
	address: string;
	lon: number;
	lat: number;
	/** The register's contact and related enterprise ('' when not given). */
	contactName: string;
	contactPhone: string;
	enterpriseRelation: string;
	enterpriseName: string;
	enterpriseCreditCode: string;
	/** False for a merchant seen only through other events (not yet registered). */
	registered: boolean;
	licences: Map<string, LicenceRecord>;
	staff: Map<string, StaffRecord>;
	/** When the latest morning check happened (instant), for the absence rule. */
	lastMorningCheckAt: string | null;
	/**
	 * When the processor first knew the merchant (its registration's recordedAt): the absence
	 * rules do not judge a meal service that began before.
	 */
	knownSince: string | null;
	/** Recent ledgers for the after-service absence rules and the suspicion rules. */
	ledgerTrail: LedgerTrail;
	/** lotId → expiresOn (YYYY-MM-DD), from purchase intake; newest kept. */
	lots: Map<string, string>;
	/**
	 * Ids of the merchant's alerts of any status (the dedup of raises: one alert per rule and
	 * period, and a closed or dismissed one is not raised again).
	 */
	openAlerts: Set<string>;
	/** Alerts still being handled (not closed or dismissed), by id: the lifecycle's state. */
	alerts: Map<string, Alert>;
	/** 异议 not yet closed, by dispute id; a closed one is only in the store. */
	disputes: Map<string, DisputeRecord>;
	/** The newest complaints (instant, category), for the risk model; oldest first. */
	complaints: { at: number; category: string }[];
	/**
	 * Readings out of range in a row, per device (sensor_out_of_range). Not reloaded at start:
	 * a restart mid-excursion only delays its alert by a reading.
	 */
	sensorExcursions: Map<string, number>;
	/** The latest inspections (现场检查), oldest first, for the risk model; bounded. */
	inspections: InspectionRecord[];
	/** 明厨亮灶 cameras by id, folded from camera.* events (state/cameras.ts); reloaded at start. */
	cameras: Map<string, Camera>;
	/** Each camera's offline spells over the device window, oldest first (alerts, risk). */
	cameraSpells: Map<string, OfflineSpell[]>;
}

/** An inspection as the risk model needs it; the whole record is in the store. */
export interface InspectionRecord {
	id: string;
	/** When the visit ended (the event's occurredAt), ISO. */
	at: string;
	result: 'pass' | 'rectify' | 'fail';
	/** Failed key items (★); the findings' count when the visit sent no checklist. */
	criticalFindings: number;
}

/** Inspections kept per merchant: the risk model looks back a few years at most. */
export const MAX_INSPECTIONS_PER_MERCHANT = 20;

/** A dispute (异议/复核) as its store row: every step rewrites the whole row. */
export interface DisputeRecord {
	disputeId: string;
	entryId: string;
	entryType: string;
	entryAt: string;
	status: 'open' | 'answered' | 'closed';
	reason: string;
	raisedBy: string;
	raisedAt: string;
	answer: string;
	answeredBy: string;
	answeredAt: string | null;
	outcome: string;
	closingNote: string;
	closedBy: string;
	closedAt: string | null;
}

/** Complaints kept per merchant: more than any cap of the risk model counts. */
export const MAX_COMPLAINTS_KEPT = 50;

/** Keeps a complaint in time order (a late one goes in its place), the newest 50. */
export function rememberComplaint(m: MerchantRecord, at: number, category: string): void {
	const list = m.complaints;
	let i = list.length;
	while (i > 0 && list[i - 1]!.at > at) i--;
	list.splice(i, 0, { at, category });
	if (list.length > MAX_COMPLAINTS_KEPT) list.splice(0, list.length - MAX_COMPLAINTS_KEPT);
}

/** Lots kept per merchant: enough for every lot still on a shelf, bounded for memory. */
export const MAX_LOTS_PER_MERCHANT = 1_000;

export function emptyMerchant(id: string, districtId: string): MerchantRecord {
	return {
		id,
		districtId,
		name: '',
		businessType: 'restaurant',
		scale: 'small',
		status: 'operating',
		creditCode: '',
		address: '',
		lon: 0,
		lat: 0,
		contactName: '',
		contactPhone: '',
		enterpriseRelation: '',
		enterpriseName: '',
		enterpriseCreditCode: '',
		registered: false,
		licences: new Map(),
		staff: new Map(),
		lastMorningCheckAt: null,
		knownSince: null,
		ledgerTrail: emptyTrail(),
		lots: new Map(),
		openAlerts: new Set(),
		alerts: new Map(),
		disputes: new Map(),
		complaints: [],
		sensorExcursions: new Map(),
		inspections: [],
		cameras: new Map(),
		cameraSpells: new Map()
	};
}

export class MerchantStates {
	readonly #byId = new Map<string, MerchantRecord>();
	/** Which merchant registered each camera id (city-wide): ids are not reused across merchants. */
	readonly cameraOwners = new Map<string, string>();

	get(id: string): MerchantRecord | undefined {
		return this.#byId.get(id);
	}

	/** The merchant's record, created empty the first time any event names it. */
	ensure(id: string, districtId: string): MerchantRecord {
		let m = this.#byId.get(id);
		if (!m) {
			m = emptyMerchant(id, districtId);
			this.#byId.set(id, m);
		}
		return m;
	}

	values(): IterableIterator<MerchantRecord> {
		return this.#byId.values();
	}

	/** Registered merchants per district (and in all), for the rooms' totals. */
	registeredCounts(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const m of this.#byId.values()) {
			if (!m.registered) continue;
			counts.set(m.districtId, (counts.get(m.districtId) ?? 0) + 1);
		}
		return counts;
	}

	get size(): number {
		return this.#byId.size;
	}
}

export function rememberLot(m: MerchantRecord, lotId: string, expiresOn: string): void {
	m.lots.delete(lotId);
	m.lots.set(lotId, expiresOn);
	if (m.lots.size > MAX_LOTS_PER_MERCHANT) {
		const oldest = m.lots.keys().next().value;
		if (oldest !== undefined) m.lots.delete(oldest);
	}
}

/** Keeps an inspection once (a resent visit replaces itself), in time order, the newest few. */
export function rememberInspection(m: MerchantRecord, i: InspectionRecord): void {
	const kept = m.inspections.filter((x) => x.id !== i.id);
	kept.push(i);
	kept.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
	m.inspections = kept.slice(-MAX_INSPECTIONS_PER_MERCHANT);
}
