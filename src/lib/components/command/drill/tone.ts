import type { AlertStatus } from '$lib/domain/alert';

/** How a state reads on the wall: good (green), warn (amber), bad (red) or plain. */
export type Tone = 'good' | 'warn' | 'bad' | 'plain';

const tones: Record<string, Tone> = {
	valid: 'good',
	pass: 'good',
	expiring: 'warn',
	near_expiry: 'warn',
	rectify: 'warn',
	expired: 'bad',
	revoked: 'bad',
	missing: 'bad',
	fail: 'bad'
};

/** The tone of a licence, certificate, inspection or lot state. */
export const toneOf = (state: string): Tone => tones[state] ?? 'plain';

/** An alert's state: untouched or escalated is red, in hand amber, settled green. */
export function alertTone(status: AlertStatus): Tone {
	if (status === 'open' || status === 'escalated') return 'bad';
	if (status === 'closed' || status === 'verified') return 'good';
	if (status === 'dismissed') return 'plain';
	return 'warn';
}
