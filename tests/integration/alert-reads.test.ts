import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertCounts, alertPage, alertSummary } from '../../src/lib/domain/alerts/read-model';
import { makeEvent } from '../../src/lib/domain/events/make';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

// The read API's SLA view: an alert past its acknowledge SLA is overdue in the list and the
// counts. SLAs at 1/2,000 (a medium alert has ~7 s); the clock that would escalate it ticks
// only every 10 minutes, so it stays open and overdue while the test reads.
let p: Pipeline;

beforeAll(async () => {
	p = await startPipeline({ CLOCK_RULES_MS: '600000', ALERT_SLA_SCALE: '0.0005' });
	await publishEvent(p.js, registered('m-o1', '370102'));
}, 60_000);
afterAll(async () => {
	await p?.stop();
});

describe('alert reads', () => {
	it('alert reads - an alert past its SLA is overdue in the list, the filter and the counts', async () => {
		await publishEvent(
			p.js,
			makeEvent({
				type: 'ai.detection.reported',
				merchantId: 'm-o1',
				districtId: '370102',
				actor: { kind: 'device', id: 'analytics-1' },
				payload: { sourceId: 'cam-9', label: 'rat', confidence: 0.8 }
			})
		);
		const [raised] = await eventually(async () => {
			const page = alertPage.parse((await p.api('/api/alerts?merchantId=m-o1')).body);
			return page.items.length ? page.items : undefined;
		});
		expect(raised?.slaDueAt).toBeTruthy();
		// What the filter says depends on when it was asked, not on how fast the raise showed: before
		// the due time nothing, after it this alert (on a busy machine the raise may show late).
		const due = Date.parse(raised?.slaDueAt ?? '');
		const askedAt = Date.now();
		const early = alertPage.parse((await p.api('/api/alerts?overdue=1')).body).total;
		const answeredAt = Date.now();
		if (answeredAt < due) expect(early).toBe(0);
		if (askedAt >= due) expect(early).toBe(1);
		const overdue = await eventually(async () => {
			const page = alertPage.parse((await p.api('/api/alerts?overdue=1')).body);
			return page.total === 1 ? page : undefined;
		}, 20_000);
		expect(overdue.items[0]?.id).toBe(raised?.id);
		expect(alertCounts.parse((await p.api('/api/alerts/counts')).body)).toMatchObject({
			overdue: 1,
			openBySeverity: { medium: 1 }
		});
		// Another district's counts hold nothing of it.
		expect(
			alertCounts.parse((await p.api('/api/alerts/counts?district=370103')).body).overdue
		).toBe(0);
	});

	it('alert reads - active alerts summed up per rule, within the scope and the filters', async () => {
		await publishEvent(p.js, registered('m-o2', '370102'));
		for (const [m, id] of [
			['m-o1', 'c-1'],
			['m-o2', 'c-2'],
			['m-o2', 'c-3']
		] as const) {
			await publishEvent(
				p.js,
				makeEvent({
					type: 'complaint.filed',
					merchantId: m,
					districtId: '370102',
					actor: { kind: 'public', id: 'qr' },
					payload: { complaintId: id, category: 'illness', text: '腹泻', channel: 'qr_page' }
				})
			);
		}
		const summary = await eventually(async () => {
			const s = alertSummary.parse((await p.api('/api/alerts/summary')).body);
			return s.items.find((r) => r.rule === 'complaint_filed')?.alerts === 3 ? s : undefined;
		});
		expect(summary.items.find((r) => r.rule === 'complaint_filed')).toMatchObject({
			category: 'complaint',
			alerts: 3,
			merchants: 2,
			high: 3,
			critical: 0
		});
		expect(summary.items.find((r) => r.rule === 'ai_detection')).toMatchObject({ alerts: 1 });
		const one = alertSummary.parse((await p.api('/api/alerts/summary?merchantId=m-o2')).body);
		expect(one.items.map((r) => [r.rule, r.alerts])).toEqual([['complaint_filed', 2]]);
		const elsewhere = {
			sub: 'sup-b',
			role: 'supervisor' as const,
			districts: ['370103'],
			merchants: []
		};
		expect(alertSummary.parse((await p.api('/api/alerts/summary', elsewhere)).body).items).toEqual(
			[]
		);
	});
});
