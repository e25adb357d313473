/**
 * A time zone (Etc/GMT±n) whose clock now shows 22:xx: every meal service of a district day is
 * past its due time, and the local day still has more than an hour to run, so a test of the
 * absence rules needs neither a fake clock nor a wait for the evening.
 */
export function lateEveningZone(now = Date.now()): string {
	let offset = (22 - new Date(now).getUTCHours() + 24) % 24;
	if (offset > 14) offset -= 24;
	// Etc/GMT signs are inverted (POSIX): Etc/GMT-8 is UTC+8.
	return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
