import { readdirSync, readFileSync } from 'node:fs';

/** What a child is for: the live tile encoder, a one-shot still or probe. */
export type ChildRole = 'live' | 'grab' | 'record' | 'playback' | 'clip';

/**
 * A tag put in every ffmpeg's arguments (as output metadata, harmless to the stream), so this
 * service's children can be counted and told apart from other ffmpeg processes on the machine:
 * `fsvw.<instance>.<cameraId>.<role>`.
 */
export function processMarker(instance: string, cameraId: string, role: ChildRole): string {
	return `fsvw.${instance}.${cameraId}.${role}`;
}

/** The ids of running processes whose command line holds `text` (Linux /proc). */
export function pidsWith(text: string): number[] {
	const pids: number[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const cmdline = readFileSync(`/proc/${name}/cmdline`, 'latin1');
			// A zombie has an empty command line: it is dead already, only not yet reaped.
			if (cmdline.includes(text)) pids.push(Number(name));
		} catch {
			// Gone between the listing and the read.
		}
	}
	return pids;
}
