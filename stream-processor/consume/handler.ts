import type { JsMsg } from '@nats-io/jetstream';
import type { Alert } from '../../src/lib/domain/alert';
import type { FsEvent } from '../../src/lib/domain/events';
import type { LiveHub } from '../live/live-hub';
import { rulesForEvent } from '../rules/evaluate';
import { raiseAlerts } from '../rules/raise';
import { applyEvent } from '../state/apply';
import { applyCamera } from '../state/cameras';
import { isCameraEvent } from '../../src/lib/domain/video/camera';
import { applyAlertEvent, moveAlerts } from '../state/apply-alert';
import { alertFollowUps, applyInspection } from '../state/apply-inspection';
import { isActive } from '../../src/lib/domain/alerts/lifecycle';
import { defaultSlaPolicy, type SlaPolicy } from '../../src/lib/domain/alerts/sla';
import type { MerchantStates } from '../state/merchant-state';
import type { RiskEngine } from '../risk/engine';
import { ledgerEntryRow } from '../state/ledger-rows';
import { eventLine } from '../state/rows';
import { traceRows } from '../state/trace-rows';
import type { Batch } from './batch';
import { applyTaskEvent, type TaskEventOutcome } from '../../src/lib/domain/tasks/apply-task';
import type { TaskBook } from '../tasks/task-book';
import { taskRow } from '../tasks/task-rows';
import { followUpOf } from '../tasks/follow-up';
import { decodeEvent } from './decode';
import type { RecentIds } from './dedup';

export interface HandlerDeps {
	merchants: MerchantStates;
	live: LiveHub;
	recent: RecentIds;
	timeZone: string;
	onMerchantRegistered: () => void;
	/** The alerts' SLA (the default policy when unset). */
	slaPolicy?: SlaPolicy;
	/** Continuous risk grading: events mark their merchant for a rescore. */
	risk?: RiskEngine;
	/** The task centre's tasks (none kept when unset). */
	tasks?: TaskBook;
}

/** Counters for health and the benchmark. */
export interface HandlerStats {
	handled: number;
	duplicates: number;
	deadLetters: number;
	alerts: number;
	lastEventAt: string | null;
	/** When this processor last handled a valid event, epoch ms. */
	lastHandledAt: number | null;
}

/**
 * One message, in stream order: validate, drop a duplicate, update state, run the rules,
 * show it live, and add what must be stored to the batch. No I/O here.
 */
export function handleMessage(
	msg: JsMsg,
	batch: Batch,
	deps: HandlerDeps,
	stats: HandlerStats,
	now = Date.now()
): void {
	batch.messages.push(msg);
	const decoded = decodeEvent(msg.data, msg.subject);
	if (!decoded.ok) {
		batch.deadLetters.push({
			subject: msg.subject,
			seq: msg.seq,
			reason: decoded.reason,
			data: msg.data
		});
		stats.deadLetters++;
		return;
	}
	const e = decoded.event;
	if (deps.recent.has(e.id)) {
		stats.duplicates++;
		return;
	}
	const known = deps.merchants.get(e.merchantId);
	if (known?.registered && known.districtId !== e.districtId && e.type !== 'merchant.updated') {
		// Jurisdiction follows the register: an event filed under another district would show
		// this merchant's records to that district's supervisors. Only a register update moves a
		// merchant: a second registration from another district (the same credit code) is
		// refused, it would pull the merchant and its records over.
		batch.deadLetters.push({
			subject: msg.subject,
			seq: msg.seq,
			reason: `merchant ${e.merchantId} is registered in district ${known.districtId}, not ${e.districtId}`,
			data: msg.data
		});
		stats.deadLetters++;
		return;
	}
	if (e.type === 'risk.settings.changed') {
		// City-wide, about no merchant: the settings take effect, nobody's record is made.
		const expected = (deps.risk?.settings.version ?? 0) + 1;
		if (deps.risk && e.payload.settings.version !== expected) {
			batch.deadLetters.push({
				subject: msg.subject,
				seq: msg.seq,
				reason: `risk settings version ${e.payload.settings.version} does not follow the current version ${expected - 1}`,
				data: msg.data
			});
			stats.deadLetters++;
			return;
		}
		deps.risk?.setSettings(e.payload.settings);
		deps.recent.add(e.id);
		keep(e, msg.seq, batch, stats, now);
		return;
	}
	const lifecycle = applyAlertEvent(known, e, deps.slaPolicy ?? defaultSlaPolicy);
	if (lifecycle.kind === 'refused') {
		// Valid, but not allowed in the alert's state: bad input all the same, kept with its reason.
		batch.deadLetters.push({
			subject: msg.subject,
			seq: msg.seq,
			reason: lifecycle.reason,
			data: msg.data
		});
		stats.deadLetters++;
		return;
	}
	if (lifecycle.kind === 'stale') {
		stats.duplicates++;
		return;
	}
	if (lifecycle.kind === 'changed') {
		batch.alerts.push(lifecycle.alert);
		if (isActive(lifecycle.before.status) && !isActive(lifecycle.alert.status)) {
			deps.live.onAlertResolved(lifecycle.alert, now);
		}
	}
	const tasks = deps.tasks;
	const taskId = taskIdOf(e);
	const step: TaskEventOutcome = !tasks
		? { kind: 'none' }
		: taskId && tasks.applied(taskId, msg.seq)
			? { kind: 'none' }
			: e.type === 'task.created' && !known?.registered
				? { kind: 'refused', reason: `no merchant ${e.merchantId} to inspect` }
				: applyTaskEvent((id) => tasks.get(id), e);
	if (step.kind === 'refused') {
		batch.deadLetters.push({
			subject: msg.subject,
			seq: msg.seq,
			reason: step.reason,
			data: msg.data
		});
		stats.deadLetters++;
		return;
	}
	if (step.kind === 'stale') {
		stats.duplicates++;
		return;
	}
	if (tasks && step.kind === 'changed') {
		tasks.set(step.task, msg.seq);
		batch.addEntity('tasks', taskRow(step.task, msg.seq));
	}
	if (tasks) {
		const followUp = followUpOf(e, now);
		if (followUp) batch.publish.push(followUp);
	}
	deps.recent.add(e.id);
	const m = deps.merchants.ensure(e.merchantId, e.districtId);
	const wasRegistered = m.registered;
	const rows = applyEvent(m, e, msg.seq, deps.timeZone);
	if (isCameraEvent(e)) applyCamera(deps.merchants.cameraOwners, m, e);
	for (const { table, row } of rows) batch.addEntity(table, row);
	for (const { table, row } of traceRows(e, msg.seq)) batch.addEntity(table, row);
	const entry = ledgerEntryRow(e, m, msg.seq, deps.timeZone);
	if (entry) batch.addEntity('ledger_entries', entry);
	if (e.type === 'inspection.completed') {
		batch.addEntity('inspections', applyInspection(m, e, msg.seq));
		batch.publish.push(...alertFollowUps(m, e));
	}
	if (!wasRegistered && m.registered) deps.onMerchantRegistered();
	if (e.type === 'merchant.updated') batch.alerts.push(...moveAlerts(m, e.recordedAt));
	// Only the registered are graded (a till's sales may name a shop before its registration).
	if (m.registered) deps.risk?.touch(m.id);
	const raised: Alert[] = raiseAlerts(
		m,
		rulesForEvent(m, e, deps.timeZone, now),
		now,
		deps.slaPolicy
	);
	for (const alert of raised) {
		batch.alerts.push(alert);
		deps.live.onAlert(alert, now);
	}
	stats.alerts += raised.length;
	deps.live.onEvent(e, now);
	keep(e, msg.seq, batch, stats, now);
}

/** A handled event goes to the events table with the batch. */
function keep(e: FsEvent, seq: number, batch: Batch, stats: HandlerStats, now: number): void {
	batch.eventLines += eventLine(e, seq);
	batch.eventCount++;
	stats.handled++;
	stats.lastEventAt = e.recordedAt;
	stats.lastHandledAt = now;
}

/** The task an event is about: a task step's, or the task an inspection carries out. */
function taskIdOf(e: FsEvent): string | undefined {
	if (e.type === 'inspection.completed') return e.payload.taskId;
	return e.type.startsWith('task.') ? (e.payload as { taskId: string }).taskId : undefined;
}
