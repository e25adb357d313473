import { describe, expect, it } from 'vitest';
import type { Camera } from '../../src/lib/domain/video/camera';
import type { SourceStatus } from '../sources/live-source';
import type { Verdict } from './judge';
import { HealthLedger, type Step } from './ledger';

const limits = { offlineAfterMs: 10_000, failuresBeforeOffline: 3 };
const camera = (c: Partial<Camera> = {}): Camera =>
	({
		cameraId: 'cam-1',
		merchantId: 'm-1',
		districtId: '370102',
		name: '灶台',
		area: 'cooking',
		source: { kind: 'rtsp', url: 'rtsp://10.0.0.2/s' },
		publicView: false,
		recording: false,
		retentionDays: 7,
		status: 'online',
		...c
	}) as Camera;
const dead = (startedAt: number): SourceStatus => ({
	startedAt,
	failures: 3,
	producing: false,
	restarts: 3,
	lastError: 'Connection refused'
});
const dark = { ok: false, lastLine: 'Connection timed out', at: 0 };

const verdictOf = (s: Step | undefined): Verdict => {
	if (s?.kind !== 'report') throw new Error(`not a report: ${JSON.stringify(s)}`);
	return s.verdict;
};
const tokenOf = (s: Step | undefined): number => {
	if (s?.kind !== 'probe') throw new Error(`not a probe: ${JSON.stringify(s)}`);
	return s.token;
};

/** A ledger whose first probe is due at once (random 0) and then every 60 s. */
function ledger() {
	const l = new HealthLedger({ limits, probeEveryMs: 60_000, random: () => 0 });
	expect(l.step(camera(), undefined, 0)).toBeUndefined();
	return l;
}

describe('health ledger', () => {
	it('health ledger - an idle camera is probed when due, once at a time, never twice in flight', () => {
		const l = ledger();
		const probe = l.step(camera(), undefined, 1);
		expect(probe).toEqual({ kind: 'probe', token: 0 });
		// The probe hangs for minutes: later ticks neither probe again nor report.
		for (const t of [61_000, 121_000, 400_000]) {
			expect(l.step(camera(), undefined, t)).toBeUndefined();
		}
		const step = l.probed(camera(), 0, { ...dark, at: 1 }, false);
		expect(step).toMatchObject({ kind: 'report', verdict: { reason: 'unreachable', since: 1 } });
		l.reported('cam-1', verdictOf(step), true);
		expect(l.known(camera())).toEqual({ state: 'offline', since: 1 });
	});

	it('health ledger - a probe that began before the source ran is dropped: one offline per outage', () => {
		const l = ledger();
		const probe = l.step(camera(), undefined, 1_000);
		expect(probe?.kind).toBe('probe');
		// A viewer arrives; the source fails and is judged offline (since its start, 2 000).
		const running = l.step(camera(), dead(2_000), 5_000);
		expect(running).toMatchObject({ kind: 'report', verdict: { state: 'offline', since: 2_000 } });
		// While that report is out, the probe comes back dark (since 1 000: another event id).
		expect(l.probed(camera(), 0, { ...dark, at: 1_000 }, true)).toBeUndefined();
		l.reported('cam-1', verdictOf(running), true);
		// Even with the source gone again by then, a stale probe stays dropped.
		const again = ledger();
		again.step(camera(), undefined, 1_000);
		again.step(camera(), dead(2_000), 3_000);
		expect(again.probed(camera(), 0, { ...dark, at: 1_000 }, false)).toBeUndefined();
	});

	it('health ledger - one report in flight per camera: a second verdict waits for the first', () => {
		const l = ledger();
		const first = l.step(camera(), dead(0), 12_000);
		expect(first?.kind).toBe('report');
		// The publish is slow: the next ticks' same verdict is not sent again meanwhile.
		expect(l.step(camera(), dead(0), 13_000)).toBeUndefined();
		// It failed: the next tick tries again (same since, same event id).
		l.reported('cam-1', verdictOf(first), false);
		expect(l.step(camera(), dead(0), 14_000)).toMatchObject({ verdict: { since: 0 } });
	});

	it('health ledger - the source speaks for a running camera; a probe seen after that is dropped', () => {
		const l = ledger();
		l.step(camera(), undefined, 1);
		const flowing: SourceStatus = {
			startedAt: 0,
			lastByteAt: 2_000,
			failures: 0,
			producing: true,
			restarts: 0
		};
		expect(l.step(camera(), flowing, 2_500)).toBeUndefined();
		expect(l.probed(camera(), 0, { ok: true, lastLine: '', at: 1 }, false)).toBeUndefined();
		// Idle again: probed a full interval after it was last seen running.
		expect(l.step(camera(), undefined, 3_000)).toBeUndefined();
		expect(l.step(camera(), undefined, 62_500)).toEqual({ kind: 'probe', token: 1 });
	});

	it('health ledger - an outage reported by another instance is known: no second report', () => {
		const l = ledger();
		l.observed(
			camera({
				status: 'offline',
				offline: { reason: 'unreachable', since: new Date(500).toISOString() }
			})
		);
		const probe = l.step(camera(), undefined, 1_000);
		expect(probe?.kind).toBe('probe');
		expect(l.probed(camera(), tokenOf(probe), dark, false)).toBeUndefined();
		const back = l.step(camera(), undefined, 61_000);
		expect(l.probed(camera(), tokenOf(back), { ok: true, lastLine: '', at: 0 }, false)).toEqual({
			kind: 'report',
			verdict: { state: 'online' }
		});
	});

	it('health ledger - a test pattern is probed only to clear an outage; a refused address is its own reason', () => {
		const l = new HealthLedger({ limits, probeEveryMs: 1_000, random: () => 0 });
		const pattern = camera({ source: { kind: 'test_pattern' } });
		l.step(pattern, undefined, 0);
		expect(l.step(pattern, undefined, 5_000)).toBeUndefined();
		const refused: SourceStatus = { ...dead(0), failures: 1, refused: true, lastError: 'loopback' };
		expect(l.step(camera(), refused, 100)).toMatchObject({
			verdict: { state: 'offline', reason: 'refused_address' }
		});
		const other = ledger();
		const probe = other.step(camera(), undefined, 1);
		expect(
			other.probed(camera(), 0, { ok: false, lastLine: 'loopback', at: 1, refused: true }, false)
		).toMatchObject({ verdict: { reason: 'refused_address' } });
		expect(probe?.kind).toBe('probe');
	});
});
