import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { CameraEvent } from '../../src/lib/domain/video/camera';
import { applyCamera, currentSpellSince, deviceHealthOf, hasDarkCamera } from './cameras';
import { emptyMerchant } from './merchant-state';

const H = 3_600_000;
const T0 = Date.parse('2026-11-28T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const ev = (type: CameraEvent['type'], payload: object, at: number, merchantId = 'm1') =>
	makeEvent(
		{
			type,
			merchantId,
			districtId: '370102',
			actor: { kind: 'device', id: 'video-wall' },
			payload,
			occurredAt: iso(at)
		} as Parameters<typeof makeEvent>[0],
		at
	) as CameraEvent;

const registered = (cameraId: string, at = T0, merchantId = 'm1') =>
	ev(
		'camera.registered',
		{
			cameraId,
			name: `灶台${cameraId}`,
			area: 'cooking',
			source: { kind: 'test_pattern' },
			publicView: false,
			recording: false,
			retentionDays: 7
		},
		at,
		merchantId
	);
const offline = (cameraId: string, at: number, since = at) =>
	ev('camera.offline', { cameraId, reason: 'no_data', since: iso(since) }, at);
const online = (cameraId: string, at: number) => ev('camera.online', { cameraId }, at);

describe('cameras state', () => {
	it('cameras - a spell starts at the first offline event and repeats do not move it', () => {
		const owners = new Map<string, string>();
		const m = emptyMerchant('m1', '370102');
		applyCamera(owners, m, registered('c1'));
		applyCamera(owners, m, offline('c1', T0 + H, T0 + H - 60_000));
		applyCamera(owners, m, offline('c1', T0 + 2 * H));
		expect(currentSpellSince(m, 'c1')).toBe(iso(T0 + H - 60_000));
		expect(hasDarkCamera(m)).toBe(true);
		applyCamera(owners, m, online('c1', T0 + 3 * H));
		expect(currentSpellSince(m, 'c1')).toBeUndefined();
		expect(hasDarkCamera(m)).toBe(false);
		applyCamera(owners, m, offline('c1', T0 + 5 * H));
		expect(currentSpellSince(m, 'c1')).toBe(iso(T0 + 5 * H));
	});

	it('cameras - device health sums dark hours inside the window, an open spell up to now', () => {
		const owners = new Map<string, string>();
		const m = emptyMerchant('m1', '370102');
		applyCamera(owners, m, registered('c1'));
		applyCamera(owners, m, registered('c2'));
		applyCamera(owners, m, offline('c1', T0 + H));
		applyCamera(owners, m, online('c1', T0 + 3 * H));
		applyCamera(owners, m, offline('c2', T0 + 4 * H));
		expect(deviceHealthOf(m, T0 + 5 * H)).toEqual({ count: 2, offlineHours: 3 });
		// 31 days on: the closed spell has left the window, the open one counts 30 days.
		const later = T0 + 31 * 24 * H;
		expect(deviceHealthOf(m, later).offlineHours).toBeCloseTo(30 * 24, 5);
	});

	it('cameras - another merchant cannot change or remove a camera it did not register', () => {
		const owners = new Map<string, string>();
		const a = emptyMerchant('m1', '370102');
		const b = emptyMerchant('m2', '370102');
		applyCamera(owners, a, registered('c1'));
		expect(applyCamera(owners, b, registered('c1', T0 + H, 'm2')).applied).toBe(false);
		expect(b.cameras.size).toBe(0);
		expect(owners.get('c1')).toBe('m1');
		applyCamera(owners, a, ev('camera.removed', { cameraId: 'c1' }, T0 + 2 * H));
		expect(a.cameras.size).toBe(0);
		expect(owners.has('c1')).toBe(false);
		expect(deviceHealthOf(a, T0 + 3 * H)).toEqual({ count: 0, offlineHours: 0 });
	});
});
