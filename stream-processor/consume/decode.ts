import { fsEvent, type FsEvent } from '../../src/lib/domain/events';

export type Decoded = { ok: true; event: FsEvent } | { ok: false; reason: string };

const decoder = new TextDecoder();

/**
 * Bytes from NATS → a validated event, or the reason it is not one. Producers such as tills
 * and sensors are not trusted: everything is checked again here.
 */
export function decodeEvent(data: Uint8Array, subject: string): Decoded {
	let json: unknown;
	try {
		json = JSON.parse(decoder.decode(data));
	} catch {
		return { ok: false, reason: 'not JSON' };
	}
	const parsed = fsEvent.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue?.path.join('.') || '(event)';
		return { ok: false, reason: `schema: ${path}: ${issue?.message}` };
	}
	const event = parsed.data as FsEvent;
	// The subject routes by district and merchant; an envelope that disagrees would be filed
	// under the wrong jurisdiction.
	const [, , family, districtId, merchantId] = subject.split('.');
	if (event.districtId !== districtId || event.merchantId !== merchantId) {
		return {
			ok: false,
			reason: `subject ${subject} does not match the envelope's district/merchant`
		};
	}
	if (!event.type.startsWith(`${family}.`)) {
		return { ok: false, reason: `subject family ${family} does not match type ${event.type}` };
	}
	return { ok: true, event };
}
