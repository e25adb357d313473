import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertList } from '../../src/lib/domain/read-model';
import { makeEvent, type NewEvent } from '../../src/lib/domain/events/make';
import type { EventType } from '../../src/lib/domain/events';
import { alertSubject, deadLetterSubject, streams } from '../../src/lib/domain/subjects';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

let p: Pipeline;
const D = '370102';
const supervisor = { kind: 'supervisor' as const, id: 'sup-1' };

beforeAll(async () => {
	// SLAs at 1/500: a medium alert must be acknowledged within ~29 s, a high one within ~7 s.
	p = await startPipeline({ CLOCK_RULES_MS: '200', ALERT_SLA_SCALE: '0.002' });
	for (const m of ['m-a1', 'm-a2', 'm-a3', 'm-a4', 'm-a5']) {
		await publishEvent(p.js, registered(m, D));
	}
});
afterAll(async () => {
	await p?.stop();
});

const step = <T extends EventType>(type: T, merchantId: string, payload: NewEvent<T>['payload']) =>
	makeEvent({ type, merchantId, districtId: D, actor: supervisor, payload });

const detection = (merchantId: string, label: string, confidence: number) =>
	makeEvent({
		type: 'ai.detection.reported',
		merchantId,
		districtId: D,
		actor: { kind: 'device', id: 'analytics-1' },
		payload: { sourceId: 'cam-1', label, confidence }
	});

type Row = { id: string; status: string; version: number; reason: string; escalatedAuto: number };

/** The alert's current row, once `ready` holds for it. */
const alertOf = (merchantId: string, ready: (r: Row) => boolean = () => true) =>
	eventually(
		async () => {
			const [r] = await p.processor.store.query<Row>(
				`SELECT id, status, version, reason, escalatedAuto FROM alerts FINAL
			 WHERE merchantId = {m:String} AND rule = 'ai_detection'`,
				{ m: merchantId }
			);
			return r && ready(r) ? r : undefined;
		},
		20_000,
		`alert of ${merchantId}`
	);

const history = (id: string) =>
	p.processor.store.query<{ status: string; lastEventId: string }>(
		'SELECT status, lastEventId FROM alert_history FINAL WHERE id = {id:String} ORDER BY version',
		{ id }
	);

const eventCount = async (type: string, merchantId: string) => {
	const [r] = await p.processor.store.query<{ n: number }>(
		'SELECT count() AS n FROM events WHERE type = {t:String} AND merchantId = {m:String}',
		{ t: type, m: merchantId }
	);
	return Number(r?.n ?? 0);
};

describe('alert lifecycle', () => {
	it('alerts - raise, acknowledge, notify, fix reported, verified, closed: each a stored version', async () => {
		await publishEvent(p.js, detection('m-a1', 'no_mask', 0.7));
		const raised = await alertOf('m-a1');
		expect(raised.status).toBe('open');
		const alertId = raised.id;
		const steps = [
			step('alert.acknowledged', 'm-a1', { alertId }),
			step('alert.notified', 'm-a1', {
				alertId,
				deadline: new Date(Date.now() + 86_400_000).toISOString(),
				notice: '请于明日前整改，佩戴口罩'
			}),
			step('alert.fix_reported', 'm-a1', { alertId, note: '已培训并配发口罩' }),
			step('alert.verified', 'm-a1', { alertId, how: 'visit' }),
			step('alert.closed', 'm-a1', { alertId })
		];
		for (const s of steps) await publishEvent(p.js, s);
		await alertOf('m-a1', (r) => r.status === 'closed');
		expect(await history(alertId)).toEqual([
			{ status: 'open', lastEventId: '' },
			...['acknowledged', 'notified', 'fix_reported', 'verified', 'closed'].map((status, i) => ({
				status,
				lastEventId: steps[i]!.id
			}))
		]);
		const [notified] = await p.processor.store.query<{ notice: string; verifiedHow: string }>(
			'SELECT notice, verifiedHow FROM alerts FINAL WHERE id = {id:String}',
			{ id: alertId }
		);
		expect(notified).toEqual({ notice: '请于明日前整改，佩戴口罩', verifiedHow: 'visit' });
		// Each version went out on FS_ALERTS too; the last one says closed.
		const last = await p.jsm.streams.getMessage(streams.alerts, {
			last_by_subj: alertSubject(D, 'm-a1')
		});
		expect((last?.json() as { status: string }).status).toBe('closed');
		expect(await eventCount('alert.closed', 'm-a1')).toBe(1);
		// The read API gives the lifecycle's fields, in the shape the web parses.
		const [read] = alertList.parse((await p.api('/api/alerts?merchantId=m-a1')).body).items;
		expect(read).toMatchObject({
			status: 'closed',
			category: 'ai',
			source: 'ai:cam-1',
			verifiedHow: 'visit',
			fixNote: '已培训并配发口罩',
			slaDueAt: null,
			lastEventId: steps[4]!.id
		});
	});

	it('alerts - a step not allowed now is dead-lettered with its reason and changes nothing', async () => {
		await publishEvent(p.js, detection('m-a2', 'rat', 0.7));
		const { id: alertId } = await alertOf('m-a2');
		const early = step('alert.verified', 'm-a2', { alertId, how: 'remote' });
		await publishEvent(p.js, early);
		const dead = await eventually(
			() =>
				p.jsm.streams
					.getMessage(streams.deadLetters, {
						last_by_subj: deadLetterSubject(`fs.ev.alert.${D}.m-a2`)
					})
					.then(
						(m) => m ?? undefined,
						() => undefined
					),
			15_000,
			'dead letter'
		);
		expect(dead.header.get('Fs-Reason')).toBe(
			`alert ${alertId} is open: verify is not allowed (allowed: acknowledge, escalate, dismiss)`
		);
		expect((dead.json() as { id: string }).id).toBe(early.id);
		expect((await alertOf('m-a2')).status).toBe('open');
		expect(await eventCount('alert.verified', 'm-a2')).toBe(0);
	});

	it('alerts - after a restart an acknowledged alert is still acknowledged, and a dismissed one is not raised again', async () => {
		await publishEvent(p.js, detection('m-a3', 'smoking', 0.7));
		const { id: alertId } = await alertOf('m-a3');
		await publishEvent(p.js, step('alert.acknowledged', 'm-a3', { alertId }));
		await alertOf('m-a3', (r) => r.status === 'acknowledged');
		await publishEvent(p.js, detection('m-a5', 'rat', 0.7));
		const { id: dismissedId } = await alertOf('m-a5');
		await publishEvent(
			p.js,
			step('alert.dismissed', 'm-a5', { alertId: dismissedId, reason: '猫' })
		);
		const dismissed = await alertOf('m-a5', (r) => r.status === 'dismissed');

		await p.restart();
		// The same detection again: the same alert id, which stays dismissed.
		await publishEvent(p.js, detection('m-a5', 'rat', 0.8));
		// Only an acknowledged alert may be notified: this succeeds only if the state survived.
		await publishEvent(
			p.js,
			step('alert.notified', 'm-a3', {
				alertId,
				deadline: new Date(Date.now() + 86_400_000).toISOString(),
				notice: '限期整改'
			})
		);
		await alertOf('m-a3', (r) => r.status === 'notified');
		await eventually(async () =>
			(await eventCount('ai.detection.reported', 'm-a5')) === 2 ? true : undefined
		);
		expect(await alertOf('m-a5')).toEqual(dismissed);
		expect((await history(dismissedId)).map((h) => h.status)).toEqual(['open', 'dismissed']);
	});

	it('alerts - an alert not acknowledged within its SLA is escalated on the clock, once', async () => {
		await publishEvent(p.js, detection('m-a4', 'no_hat', 0.95));
		const { id: alertId } = await alertOf('m-a4');
		const escalated = await alertOf('m-a4', (r) => r.status === 'escalated');
		expect(escalated).toMatchObject({ escalatedAuto: 1 });
		expect(escalated.reason).toMatch(/^SLA acknowledge due .* breached$/);
		// More ticks of the clock add nothing.
		await new Promise((r) => setTimeout(r, 1_000));
		expect(await eventCount('alert.escalated', 'm-a4')).toBe(1);
		expect((await history(alertId)).map((h) => h.status)).toEqual(['open', 'escalated']);
		// Escalated, it still goes on: a case may notify the merchant.
		await publishEvent(
			p.js,
			step('alert.notified', 'm-a4', {
				alertId,
				deadline: new Date(Date.now() + 86_400_000).toISOString(),
				notice: '立案调查，限期整改'
			})
		);
		await alertOf('m-a4', (r) => r.status === 'notified');
	});
});
