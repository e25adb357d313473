import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import {
	DEFAULT_RISK_SETTINGS,
	riskHistory,
	riskResult,
	riskSettingsView
} from '../../src/lib/domain/risk';
import { deadLetterSubject, streams } from '../../src/lib/domain/subjects';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { licence, registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

let p: Pipeline;
const D = '370102';
const admin = { kind: 'admin' as const, id: 'root' };

beforeAll(async () => {
	p = await startPipeline({ RISK_TICK_MS: '100' });
});
afterAll(async () => {
	await p?.stop();
});

type Row = { grade: string; score: number; settingsVersion: number; cause: string };
const scores = (merchantId: string) =>
	p.processor.store.query<Row>(
		`SELECT grade, round(score, 1) AS score, settingsVersion, cause FROM risk_scores FINAL
		 WHERE merchantId = {m:String} ORDER BY scoredAt`,
		{ m: merchantId }
	);
/** The merchant's history once it has `n` rows. */
const scoresWhen = (merchantId: string, n: number) =>
	eventually(
		async () => {
			const rows = await scores(merchantId);
			return rows.length >= n ? rows : undefined;
		},
		20_000,
		`${n} scores of ${merchantId}`
	);

const settingsChange = (version: number, bands = DEFAULT_RISK_SETTINGS.bands) =>
	makeEvent({
		type: 'risk.settings.changed',
		// City-wide: about no merchant; the city's own code files it.
		merchantId: 'city',
		districtId: '370100',
		actor: admin,
		payload: {
			settings: { ...DEFAULT_RISK_SETTINGS, version, bands },
			reason: '调整分级分数线'
		}
	});

describe('continuous risk grading', () => {
	it('risk - an event rescoring a merchant writes a row only when its score changes', async () => {
		await publishEvent(p.js, registered('m-r1', D));
		// No licence on file: trading without one is grade C.
		const [first] = await scoresWhen('m-r1', 1);
		expect(first).toMatchObject({ grade: 'C', settingsVersion: 1, cause: 'event' });

		await publishEvent(p.js, licence('m-r1', '2030-12-31'));
		const rows = await scoresWhen('m-r1', 2);
		expect(rows[1]).toMatchObject({ grade: 'A', cause: 'event' });
		expect(rows[1]!.score).toBeLessThan(first!.score);

		// A register update that changes nothing the model sees: no new row. A merchant registered
		// after it is scored in the same tick or a later one: once its row is stored, so would be one
		// of m-r1.
		await publishEvent(p.js, registered('m-r1', D, '改名后的店'));
		await publishEvent(p.js, registered('m-r1-after', D));
		await scoresWhen('m-r1-after', 1);
		expect(await scores('m-r1')).toHaveLength(2);

		const { body } = await p.api('/api/merchants/m-r1/risk/history');
		const history = riskHistory.parse(body);
		expect(history.items.map((i) => i.grade)).toEqual(['A', 'C']);
	});

	it('risk - new settings rescore every merchant under their version; a skipped version is refused', async () => {
		await publishEvent(p.js, registered('m-r2', D));
		await publishEvent(p.js, licence('m-r2', '2030-12-31'));
		await eventually(
			async () => ((await scores('m-r2')).at(-1)?.grade === 'A' ? true : undefined),
			20_000,
			'm-r2 licensed'
		);
		// Bands so low that a licensed restaurant (10 points) is B.
		await publishEvent(p.js, settingsChange(2, { aMax: 5, bMax: 45, cMax: 60 }));
		for (const m of ['m-r1', 'm-r2']) {
			const rows = await eventually(
				async () => {
					const r = await scores(m);
					return r.at(-1)?.settingsVersion === 2 ? r : undefined;
				},
				20_000,
				`${m} under settings v2`
			);
			expect(rows.at(-1)).toMatchObject({ grade: 'B', cause: 'settings' });
		}
		const view = await eventually(async () => {
			const v = riskSettingsView.parse((await p.api('/api/risk/settings')).body);
			return v.changes.length ? v : undefined;
		});
		expect(view.current.version).toBe(2);
		expect(view.changes).toMatchObject([{ version: 2, reason: '调整分级分数线', actorId: 'root' }]);

		// Version 4 does not follow 2: dead-lettered with its reason, the settings stay.
		await publishEvent(p.js, settingsChange(4));
		const dead = await eventually(
			() =>
				p.jsm.streams
					.getMessage(streams.deadLetters, {
						last_by_subj: deadLetterSubject('fs.ev.risk.370100.city')
					})
					.then(
						(m) => m?.header?.get('Fs-Reason') || undefined,
						() => undefined
					),
			15_000,
			'dead letter'
		);
		expect(dead).toContain('version 4 does not follow the current version 2');
		expect(riskSettingsView.parse((await p.api('/api/risk/settings')).body).current.version).toBe(
			2
		);
	});

	it('risk - after a restart the settings, the last grades and the complaints are known: nothing rewritten', async () => {
		const complaint = makeEvent({
			type: 'complaint.filed',
			merchantId: 'm-r2',
			districtId: D,
			actor: { kind: 'public', id: 'qr' },
			payload: { complaintId: 'c-1', category: 'illness', text: '吃后腹泻', channel: 'qr_page' }
		});
		const rowsBefore = (await scores('m-r2')).length;
		await publishEvent(p.js, complaint);
		await scoresWhen('m-r2', rowsBefore + 1);
		const before = (await scores('m-r2')).length;
		await p.restart();
		// The restarted processor rescores everyone in its first tick; a merchant new after the
		// restart is scored in that tick or a later one: once its row is stored, m-r2's would be.
		await publishEvent(p.js, registered('m-r2-after', D));
		await scoresWhen('m-r2-after', 1);
		expect(await scores('m-r2')).toHaveLength(before);
		const view = riskSettingsView.parse((await p.api('/api/risk/settings')).body);
		expect(view.current.version).toBe(2);
		const risk = riskResult.parse((await p.api('/api/merchants/m-r2/risk')).body);
		expect(risk).toMatchObject({ grade: 'B', settingsVersion: 2 });
		expect(risk.factors.find((f) => f.id === 'complaints')?.facts).toMatchObject({ count: 1 });
	});

	it('risk - merchants outside the scope have no history to read', async () => {
		const other = {
			sub: 'sup-b',
			role: 'supervisor' as const,
			districts: ['370103'],
			merchants: []
		};
		expect((await p.api('/api/merchants/m-r1/risk/history', other)).status).toBe(404);
		const shop = {
			sub: 'own',
			role: 'merchant_owner' as const,
			districts: [],
			merchants: ['m-r1']
		};
		expect((await p.api('/api/merchants/m-r1/risk/history', shop)).status).toBe(200);
		expect((await p.api('/api/risk/settings', shop)).status).toBe(403);
	});
});
