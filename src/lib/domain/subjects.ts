import type { EventFamily } from './events';

/** Stream and subject names of the backbone (DESIGN.md → Events). */
export const streams = {
	events: 'FS_EVENTS',
	alerts: 'FS_ALERTS',
	deadLetters: 'FS_DLQ',
	/** Account changes: the user directory's source of truth, kept forever. */
	accounts: 'FS_ACCOUNTS',
	/** Sign-ins, sign-outs and refusals: the access audit trail. */
	signIns: 'FS_SIGNINS'
} as const;

export const subjects = {
	events: 'fs.ev.>',
	alerts: 'fs.alert.>',
	deadLetters: 'fs.dlq.>',
	live: 'fs.live.>',
	snapshot: 'fs.snapshot',
	accounts: 'fs.account.>',
	signIns: 'fs.signin.>'
} as const;

/** One subject per user: a writer's expected last sequence on it orders that user's changes. */
export function accountSubject(username: string): string {
	return `fs.account.${username}`;
}

export function signInSubject(username: string): string {
	return `fs.signin.${username}`;
}

export function eventSubject(family: EventFamily, districtId: string, merchantId: string): string {
	return `fs.ev.${family}.${districtId}.${merchantId}`;
}

export function alertSubject(districtId: string, merchantId: string): string {
	return `fs.alert.${districtId}.${merchantId}`;
}

/** Dead letters keep the subject they came in on, so an admin sees where they came from. */
export function deadLetterSubject(originalSubject: string): string {
	return `fs.dlq.${originalSubject.replace(/^fs\./, '')}`;
}

/** Rooms are socket.io rooms and `fs.live.<room>` subjects; `:` is safe in both. */
export function liveSubject(room: string): string {
	return `fs.live.${room}`;
}
