import type { JsMsg } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { FsEvent } from '../../src/lib/domain/events';
import { Batch } from '../consume/batch';
import { RecentIds } from '../consume/dedup';
import { handleMessage, type HandlerDeps, type HandlerStats } from '../consume/handler';
import { LiveHub } from '../live/live-hub';
import { MerchantStates } from '../state/merchant-state';
import { TaskBook } from './task-book';

const D = '370102';
const actor = { kind: 'supervisor' as const, id: 'sup-a' };
const registered = makeEvent({
	type: 'merchant.registered',
	merchantId: 'm-1',
	districtId: D,
	actor,
	payload: {
		name: '甲店',
		creditCode: '91370102MA3C4XYP1K',
		businessType: 'restaurant',
		scale: 'small',
		address: '泉城路1号',
		location: { lon: 117.02, lat: 36.66 }
	}
});
const created = makeEvent({
	type: 'task.created',
	merchantId: 'm-1',
	districtId: D,
	actor,
	payload: {
		taskId: 't-1',
		kind: 'manual',
		title: '检查',
		dueAt: '2030-01-01T00:00:00.000Z',
		assignees: ['insp-a']
	}
});
const cancelled = makeEvent({
	type: 'task.cancelled',
	merchantId: 'm-1',
	districtId: D,
	actor,
	payload: { taskId: 't-1', reason: '重复派发' }
});

// What the handler reads of a JetStream message: its subject, sequence and bytes.
const message = (e: FsEvent, seq: number) =>
	({
		subject: `fs.ev.${e.type.split('.')[0]}.${D}.m-1`,
		seq,
		data: new TextEncoder().encode(JSON.stringify(e))
	}) as unknown as JsMsg;
const stats = (): HandlerStats => ({
	handled: 0,
	duplicates: 0,
	deadLetters: 0,
	alerts: 0,
	lastEventAt: null,
	lastHandledAt: null
});

describe('task steps redelivered', () => {
	it('tasks - a step already in the task (its row written, its event row not) is stored, not refused', () => {
		const merchants = new MerchantStates();
		const tasks = new TaskBook();
		const deps = (recent: RecentIds): HandlerDeps => ({
			merchants,
			tasks,
			recent,
			live: new LiveHub('Asia/Shanghai', [D]),
			timeZone: 'Asia/Shanghai',
			onMerchantRegistered: () => {}
		});
		const first = new Batch();
		const s = stats();
		for (const [e, seq] of [
			[registered, 1],
			[created, 2],
			[cancelled, 3]
		] as const) {
			handleMessage(message(e, seq), first, deps(new RecentIds(10)), s);
		}
		expect(tasks.get('t-1')?.status).toBe('cancelled');
		expect(first.entities.get('tasks')).toHaveLength(2);

		// After a restart the recent ids are gone; the task came back from its row (seq 3).
		const again = new Batch();
		const s2 = stats();
		handleMessage(message(cancelled, 3), again, deps(new RecentIds(10)), s2);
		expect(s2.deadLetters).toBe(0);
		expect(again.eventCount).toBe(1);
		expect(again.entities.get('tasks')).toBeUndefined();

		// A new cancel (a later message) is refused as before.
		const later = new Batch();
		const s3 = stats();
		handleMessage(
			message({ ...cancelled, id: crypto.randomUUID() }, 4),
			later,
			deps(new RecentIds(10)),
			s3
		);
		expect(s3.deadLetters).toBe(1);
		expect(later.deadLetters[0]?.reason).toBe(
			'task t-1 is cancelled: task.cancelled is not allowed'
		);
	});
});
