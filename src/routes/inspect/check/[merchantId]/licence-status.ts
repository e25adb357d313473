import { certificateStatus } from '$lib/domain/ledgers/morning-check';

/** The brief's licence line: the licence reaching furthest among those not revoked. */
export function licenceStatusOf(
	licences: readonly { number: string; validTo: string; status: string }[],
	today: string
): { status: 'valid' | 'expiring' | 'expired' | 'none'; number: string; validTo: string } {
	const best = licences
		.filter((l) => l.status !== 'revoked')
		.sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
	if (!best) return { status: 'none', number: '', validTo: '' };
	const s = certificateStatus(best.validTo, today);
	return {
		status: s === 'missing' ? 'expired' : s,
		number: best.number,
		validTo: best.validTo
	};
}
