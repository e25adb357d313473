import type { FsEvent, FsEventOf } from '../../src/lib/domain/events';
import { applyDispute } from './disputes';
import { DEFAULT_TIME_ZONE } from '../../src/lib/domain/time';
import { applyToTrail } from './apply-ledger';
import { outOfRange } from '../../src/lib/domain/rules/sensor-excursion';
import {
	rememberComplaint,
	rememberLot,
	type LicenceRecord,
	type MerchantRecord,
	type StaffRecord
} from './merchant-state';

export type EntityRow = {
	table: 'merchants' | 'licences' | 'lots' | 'staff' | 'ledger_disputes' | 'complaint_log';
	row: Record<string, unknown>;
};

export function merchantRow(m: MerchantRecord, updatedAt: string, version: number) {
	return {
		id: m.id,
		name: m.name,
		districtId: m.districtId,
		businessType: m.businessType,
		scale: m.scale,
		status: m.status,
		creditCode: m.creditCode,
		address: m.address,
		lon: m.lon,
		lat: m.lat,
		contactName: m.contactName,
		contactPhone: m.contactPhone,
		enterpriseRelation: m.enterpriseRelation,
		enterpriseName: m.enterpriseName,
		enterpriseCreditCode: m.enterpriseCreditCode,
		registeredAt: m.knownSince,
		updatedAt,
		version
	};
}

/**
 * Applies an event to its merchant's state and returns the entity rows it changes.
 * `version` is the stream sequence, so replaying the same event writes the same rows; the time
 * zone is the district clock's, which decides the local day of a morning check.
 */
export function applyEvent(
	m: MerchantRecord,
	e: FsEvent,
	version: number,
	timeZone = DEFAULT_TIME_ZONE
): EntityRow[] {
	applyToTrail(m, e, timeZone);
	switch (e.type) {
		case 'merchant.registered':
		case 'merchant.updated': {
			const p = e.payload;
			// The register decides the jurisdiction: a registration or update may move a merchant.
			m.districtId = e.districtId;
			if (e.type === 'merchant.registered') m.registered = true;
			if (p.name !== undefined) m.name = p.name;
			if (p.businessType !== undefined) m.businessType = p.businessType;
			if (p.scale !== undefined) m.scale = p.scale;
			if (p.creditCode !== undefined) m.creditCode = p.creditCode;
			if (p.address !== undefined) m.address = p.address;
			if (p.location !== undefined) {
				m.lon = p.location.lon;
				m.lat = p.location.lat;
			}
			if (p.contact !== undefined) {
				m.contactName = p.contact.name;
				m.contactPhone = p.contact.phone;
			}
			if (p.enterprise !== undefined) {
				m.enterpriseRelation = p.enterprise.relation;
				m.enterpriseName = p.enterprise.name;
				m.enterpriseCreditCode = p.enterprise.creditCode;
			}
			if (e.type === 'merchant.updated' && e.payload.status !== undefined) {
				m.status = e.payload.status;
			}
			return [{ table: 'merchants', row: merchantRow(m, e.occurredAt, version) }];
		}
		case 'licence.issued': {
			const p = e.payload;
			const l: LicenceRecord = {
				licenceId: p.licenceId,
				kind: p.kind,
				number: p.number,
				scope: p.scope,
				authority: p.authority,
				validFrom: p.validFrom,
				validTo: p.validTo,
				revoked: false,
				sourceEventId: e.id,
				attachmentIds: p.attachmentIds ?? []
			};
			m.licences.set(p.licenceId, l);
			return [licenceRow(e, l, version)];
		}
		case 'licence.renewed':
		case 'licence.revoked': {
			const l = m.licences.get(e.payload.licenceId);
			// A renewal of a licence never issued is kept as an event but changes no state.
			if (!l) return [];
			if (e.type === 'licence.renewed') {
				l.validTo = e.payload.validTo;
				if (e.payload.validFrom) l.validFrom = e.payload.validFrom;
			} else l.revoked = true;
			l.sourceEventId = e.id;
			return [licenceRow(e, l, version)];
		}
		case 'merchant.staff.registered': {
			const p = e.payload;
			const s: StaffRecord = {
				staffId: p.staffId,
				name: p.name,
				position: p.position,
				certNumber: p.healthCertificate?.number ?? '',
				certValidFrom: p.healthCertificate?.validFrom ?? null,
				certValidTo: p.healthCertificate?.validTo ?? null,
				removed: false
			};
			m.staff.set(p.staffId, s);
			return [staffRow(e, s, version)];
		}
		case 'merchant.staff.removed': {
			const s = m.staff.get(e.payload.staffId);
			// Someone never on the roster: the event is kept, the roster is unchanged.
			if (!s) return [];
			s.removed = true;
			return [staffRow(e, s, version)];
		}
		case 'ledger.morning_check.recorded': {
			// Late-arriving older checks do not move it back.
			if (!m.lastMorningCheckAt || e.occurredAt > m.lastMorningCheckAt) {
				m.lastMorningCheckAt = e.occurredAt;
			}
			return [];
		}
		case 'ledger.purchase.recorded': {
			const p = e.payload;
			rememberLot(m, p.lotId, p.expiresOn);
			return [
				{
					table: 'lots',
					row: {
						merchantId: e.merchantId,
						districtId: e.districtId,
						...p,
						receivedAt: e.occurredAt,
						version
					}
				}
			];
		}
		case 'ledger.entry.disputed':
		case 'ledger.dispute.answered':
		case 'ledger.dispute.closed':
			return applyDispute(m, e, version);
		case 'complaint.filed':
			rememberComplaint(m, Date.parse(e.occurredAt), e.payload.category);
			return [complaintRow(e, { kind: 'filed', category: e.payload.category })];
		case 'complaint.replied':
			return [
				complaintRow(e, {
					kind: 'replied',
					status: e.payload.status,
					publicReply: e.payload.publicReply
				})
			];
		case 'sensor.reading.recorded': {
			const { deviceId, kind, value } = e.payload;
			if (outOfRange(kind, value)) {
				m.sensorExcursions.set(deviceId, (m.sensorExcursions.get(deviceId) ?? 0) + 1);
			} else m.sensorExcursions.delete(deviceId);
			return [];
		}
		default:
			return [];
	}
}

/** The tracking page's row of a complaint event: never its text, photos or contact. */
function complaintRow(
	e: FsEventOf<'complaint.filed' | 'complaint.replied'>,
	fields: { kind: 'filed' | 'replied'; category?: string; status?: string; publicReply?: string }
): EntityRow {
	return {
		table: 'complaint_log',
		row: {
			complaintId: e.payload.complaintId,
			merchantId: e.merchantId,
			districtId: e.districtId,
			...fields,
			at: e.occurredAt,
			eventId: e.id
		}
	};
}

function licenceRow(e: FsEvent, l: LicenceRecord, version: number): EntityRow {
	const { revoked, ...fields } = l;
	return {
		table: 'licences',
		row: {
			merchantId: e.merchantId,
			districtId: e.districtId,
			...fields,
			revoked: revoked ? 1 : 0,
			updatedAt: e.occurredAt,
			version
		}
	};
}

function staffRow(e: FsEvent, s: StaffRecord, version: number): EntityRow {
	return {
		table: 'staff',
		row: {
			merchantId: e.merchantId,
			districtId: e.districtId,
			...s,
			removed: s.removed ? 1 : 0,
			updatedAt: e.occurredAt,
			version
		}
	};
}
