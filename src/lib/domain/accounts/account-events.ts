import { z } from 'zod';
import { screenSettings } from '../command/screen-config';
import { isoInstant } from '../events/common';
import { access, displayName, username } from './account';

/**
 * Account changes and sign-ins are events on their own stream (FS_ACCOUNTS): they carry no
 * merchant or district, they hold password hashes (which never go to the store or the wall),
 * and the user directory is their fold.
 */
const passwordHash = z.string().startsWith('$argon2id$').max(200);

/**
 * A kiosk token's fingerprint in the audit (the first hex digits of its hash): enough to tell
 * one token from the next, useless for signing in.
 */
const tokenFingerprint = z.string().regex(/^[0-9a-f]{8}$/);

/**
 * Wall screens are no accounts, but their changes are admin actions audited on the same stream:
 * the event's `username` is `screen:<id>`, which no account can be called.
 */
export const screenAuditName = z.string().regex(/^screen:scr-[a-z0-9]{10}$/);

/**
 * A shop's POS API keys are no accounts either: their issue and revocation are audited on the
 * same stream under `pos:<merchantId>`. The key id names a key; its secret is never audited.
 */
export const posKeyAuditName = z.string().regex(/^pos:[A-Za-z0-9_-]{1,64}$/);
const posKeyId = z.string().regex(/^[a-z0-9]{16}$/);

export const accountPayloads = {
	'user.created': z.object({
		displayName,
		access,
		passwordHash,
		mustChangePassword: z.boolean()
	}),
	'user.access_changed': z.object({ access }),
	'user.renamed': z.object({ displayName }),
	'user.disabled': z.object({ reason: z.string().trim().min(1).max(200) }),
	'user.enabled': z.object({}),
	'user.password_changed': z.object({
		passwordHash,
		/** true when an admin reset it to a one-time password. */
		mustChangePassword: z.boolean()
	}),
	'user.signed_in': z.object({ session: z.string().max(16) }),
	'user.signed_out': z.object({ session: z.string().max(16) }),
	'user.sign_in_refused': z.object({
		reason: z.enum(['bad_credentials', 'throttled', 'disabled'])
	}),
	'screen.saved': z.object({ version: z.number().int().positive(), settings: screenSettings }),
	'screen.deleted': z.object({}),
	'screen.token_issued': z.object({ token: tokenFingerprint }),
	'screen.token_revoked': z.object({ token: tokenFingerprint }),
	'pos_key.issued': z.strictObject({ keyId: posKeyId, label: z.string().trim().min(1).max(50) }),
	'pos_key.revoked': z.strictObject({ keyId: posKeyId })
} as const;

export type AccountEventType = keyof typeof accountPayloads;
export const accountEventTypes = Object.keys(accountPayloads) as AccountEventType[];

/** Sign-in events are an audit trail only: the directory does not fold them. */
export const signInEventTypes: readonly AccountEventType[] = [
	'user.signed_in',
	'user.signed_out',
	'user.sign_in_refused'
];

export const accountActor = z.object({
	/** The acting user's name, or `system` (the admin command line, demo seeding). */
	id: z.string().min(1).max(64),
	/** Where the request came from (client address), or the host of a command line. */
	address: z.string().max(64).optional()
});

const accountEnvelope = z.object({
	id: z.uuid(),
	type: z.string(),
	v: z.literal(1),
	at: isoInstant,
	/** The account (or `screen:<id>`, `pos:<merchantId>`) the event is about (not the actor). */
	username: z.union([username, screenAuditName, posKeyAuditName]),
	actor: accountActor
});

const members = accountEventTypes.map((type) =>
	accountEnvelope.extend({ type: z.literal(type), payload: accountPayloads[type] })
);

export const accountEvent = z.discriminatedUnion(
	'type',
	members as unknown as [(typeof members)[number], ...(typeof members)[number][]]
);

type Envelope = Omit<z.infer<typeof accountEnvelope>, 'type'>;
export type AccountEventOf<T extends AccountEventType> = Envelope & {
	type: T;
	payload: z.infer<(typeof accountPayloads)[T]>;
};
export type AccountEvent = { [T in AccountEventType]: AccountEventOf<T> }[AccountEventType];

/** An account event as the audit view shows it: password hashes removed. */
export function redactAccountEvent(e: AccountEvent): AccountEvent {
	if (e.type === 'user.created' || e.type === 'user.password_changed') {
		return { ...e, payload: { ...e.payload, passwordHash: '[redacted]' } } as AccountEvent;
	}
	return e;
}
