/**
 * Whether a peer address (as uWS writes it: dotted IPv4, or IPv6 in full hex groups, IPv4-mapped
 * when an IPv6 socket takes an IPv4 peer) is this machine: the launcher, tests, an operator's
 * curl. Only they get the service's details (camera ids, pids).
 */
export function isLoopback(address: string): boolean {
	const a = address.toLowerCase();
	if (/^127\.\d+\.\d+\.\d+$/.test(a) || a === '::1' || /^::ffff:127\./.test(a)) return true;
	return /^(0000:){7}0001$/.test(a) || /^(0000:){5}ffff:7f[0-9a-f]{2}:[0-9a-f]{4}$/.test(a);
}
