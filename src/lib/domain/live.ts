import { z } from 'zod';
import { alert, alertSeverity } from './alert';
import { riskGrades } from './risk/risk-settings';

/** Rooms a socket may join (who may join which is the gateway's check, not this schema's). */
export const roomName = z
	.string()
	.regex(/^(city|public|district:\d{6}|merchant:[A-Za-z0-9_-]{1,64})$/, 'unknown room');
export type RoomName = z.infer<typeof roomName>;

export const feedItem = z.object({
	id: z.string(),
	type: z.string(),
	merchantId: z.string(),
	districtId: z.string(),
	occurredAt: z.string(),
	recordedAt: z.string()
});
export type FeedItem = z.infer<typeof feedItem>;

const counts = z.record(z.string(), z.number().int().nonnegative());

/** Absolute values, so a lost delta never leaves a counter wrong: only lists need a gap check. */
export const roomTotals = z.object({
	day: z.string(),
	events: z.number().int().nonnegative(),
	byFamily: counts,
	openAlerts: z.record(alertSeverity, z.number().int().nonnegative()),
	merchants: z.number().int().nonnegative(),
	/** Registered merchants by their current risk grade (those not graded yet are not counted). */
	grades: z.record(z.enum(riskGrades), z.number().int().nonnegative())
});
export type RoomTotals = z.infer<typeof roomTotals>;

/**
 * Whether data is really flowing, so a screen never shows frozen numbers as live: heartbeats
 * keep coming while the processor cannot store (and so not ack) what it reads.
 */
export const liveFlow = z.object({
	/** The processor has events it could not store for a while; its numbers may lag. */
	stalled: z.boolean(),
	/** When the processor last handled an event (epoch ms), null if never since its start. */
	lastEventAt: z.number().nullable()
});
export type LiveFlow = z.infer<typeof liveFlow>;

/** [minute start in epoch ms, events in that minute] */
export const minuteBucket = z.tuple([z.number(), z.number().int().nonnegative()]);

export const roomSnapshot = z.object({
	room: roomName,
	seq: z.number().int().nonnegative(),
	at: z.number(),
	totals: roomTotals,
	flow: liveFlow,
	perMinute: z.array(minuteBucket).max(120),
	alerts: z.array(alert).max(100),
	feed: z.array(feedItem).max(100)
});
export type RoomSnapshot = z.infer<typeof roomSnapshot>;

/**
 * Grade changes a delta carries at most. At ten ticks a second that is 5,000 a second; the
 * processor works in batches, so a room holds what did not fit back for the next ticks (up to
 * MAX_GRADE_BACKLOG) rather than making every screen reload all its points.
 */
export const MAX_GRADE_CHANGES = 500;
/** Past this many waiting (a city-wide rescore), a room drops them and the screens reload. */
export const MAX_GRADE_BACKLOG = 20_000;
export const gradeChange = z.object({
	merchantId: z.string(),
	from: z.enum(riskGrades).nullable(),
	to: z.enum(riskGrades),
	score: z.number()
});
export type GradeChange = z.infer<typeof gradeChange>;

export const roomDelta = z.object({
	room: roomName,
	seq: z.number().int().positive(),
	at: z.number(),
	totals: roomTotals,
	flow: liveFlow,
	minute: minuteBucket.nullable(),
	/** New or changed alerts, newest first. */
	alerts: z.array(alert).max(100),
	/** A uniform sample of the events of this tick (all of them when few). */
	feed: z.array(feedItem).max(100),
	feedTotal: z.number().int().nonnegative(),
	/**
	 * Merchants whose grade changed (the map recolours them), oldest first; those that did not
	 * fit come with the next deltas. A city-wide rescore changes more than a room holds back:
	 * then `gradeChangesTotal` exceeds the changes carried and a screen reloads every grade.
	 */
	gradeChanges: z.array(gradeChange).max(MAX_GRADE_CHANGES),
	gradeChangesTotal: z.number().int().nonnegative()
});
export type RoomDelta = z.infer<typeof roomDelta>;

/** Socket frames from a client. */
export const joinRequest = z.object({ room: roomName });

export const LIVE_TICK_MS = 100;
export const FEED_SAMPLE = 20;
