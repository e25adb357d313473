import { describe, expect, it } from 'vitest';
import type { SourceStatus } from '../sources/live-source';
import { judgeProbe, judgeRunning } from './judge';

const limits = { offlineAfterMs: 10_000, failuresBeforeOffline: 3 };
const rtsp = { kind: 'rtsp' as const, url: 'rtsp://u:p@cam/1' };
const pattern = { kind: 'test_pattern' as const };
const status = (s: Partial<SourceStatus>): SourceStatus => ({
	startedAt: 0,
	failures: 0,
	producing: false,
	restarts: 0,
	...s
});

describe('health judge', () => {
	it('health judge - bytes flowing: online; too early to tell: no verdict', () => {
		expect(
			judgeRunning(rtsp, status({ lastByteAt: 9_000, producing: true }), 10_000, limits)
		).toEqual({
			state: 'online'
		});
		expect(judgeRunning(rtsp, status({}), 5_000, limits)).toBeUndefined();
		expect(
			judgeRunning(rtsp, status({ failures: 1, lastError: 'Connection refused' }), 2_000, limits)
		).toBeUndefined();
	});

	it('health judge - no bytes for the limit: no_data since the last byte', () => {
		expect(
			judgeRunning(pattern, status({ lastByteAt: 5_000, producing: true }), 15_000, limits)
		).toMatchObject({
			state: 'offline',
			reason: 'no_data',
			since: 5_000
		});
	});

	it('health judge - runs that keep failing: unreachable for a camera that refuses, encoder_failing otherwise', () => {
		const refused = status({ failures: 3, lastError: 'rtsp://u:p@cam/1: Connection refused' });
		const v = judgeRunning(rtsp, refused, 3_000, limits);
		expect(v).toMatchObject({ state: 'offline', reason: 'unreachable', since: 0 });
		expect(v?.state === 'offline' && v.detail).toBe('<source> Connection refused');
		expect(
			judgeRunning(rtsp, status({ failures: 3, lastError: 'Unsupported codec' }), 3_000, limits)
		).toMatchObject({
			reason: 'encoder_failing'
		});
		expect(
			judgeRunning(pattern, status({ failures: 3, lastError: 'Connection refused' }), 3_000, limits)
		).toMatchObject({
			reason: 'encoder_failing'
		});
	});

	it('health judge - a probe that gets a picture is online; one that does not is unreachable', () => {
		expect(judgeProbe(rtsp, { ok: true, lastLine: '', at: 1 })).toEqual({ state: 'online' });
		expect(judgeProbe(rtsp, { ok: false, lastLine: 'timed out', at: 7 })).toMatchObject({
			state: 'offline',
			reason: 'unreachable',
			since: 7
		});
	});
});
