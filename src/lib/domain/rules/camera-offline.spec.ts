import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import type { Camera } from '../video/camera';
import { cameraOffline, isAboutCamera } from './camera-offline';

const AT = Date.parse('2026-11-28T02:00:00Z');
const SINCE = '2026-11-28T01:58:30.000Z';

const offline = (reason: 'no_data' | 'unreachable' = 'no_data') =>
	makeEvent(
		{
			type: 'camera.offline',
			merchantId: 'm1',
			districtId: '370102',
			actor: { kind: 'device', id: 'video-wall' },
			payload: { cameraId: 'cam1', reason, since: SINCE, detail: 'Connection refused' }
		},
		AT
	);

const camera = (status: Camera['status']): Camera => ({
	cameraId: 'cam1',
	merchantId: 'm1',
	districtId: '370102',
	name: '后厨灶台',
	area: 'cooking',
	source: { kind: 'rtsp', url: 'rtsp://u:secret@10.0.0.2/s' },
	publicView: true,
	recording: true,
	retentionDays: 7,
	status,
	updatedAt: SINCE
});

describe('camera_offline', () => {
	it('camera_offline - a dark camera is one medium device alert for its spell, without its address', () => {
		const d = cameraOffline(offline(), camera('offline'), { since: SINCE, unresolved: false });
		expect(d).toMatchObject({
			rule: 'camera_offline',
			severity: 'medium',
			period: `cam1:${SINCE}`,
			source: 'camera:cam1',
			facts: {
				cameraId: 'cam1',
				cameraName: '后厨灶台',
				area: 'cooking',
				offlineReason: 'no_data',
				since: SINCE
			}
		});
		expect(JSON.stringify(d)).not.toContain('secret');
	});

	it('camera_offline - the same spell gives the same period whatever the reason says now', () => {
		const a = cameraOffline(offline('no_data'), camera('offline'), {
			since: SINCE,
			unresolved: false
		});
		const b = cameraOffline(offline('unreachable'), camera('offline'), {
			since: SINCE,
			unresolved: false
		});
		expect(a?.period).toBe(b?.period);
	});

	it('camera_offline - nothing for an unknown or online camera, or while its last alert is handled', () => {
		const spell = { since: SINCE, unresolved: false };
		expect(cameraOffline(offline(), undefined, spell)).toBeNull();
		expect(cameraOffline(offline(), camera('online'), spell)).toBeNull();
		expect(
			cameraOffline(offline(), camera('offline'), { since: SINCE, unresolved: true })
		).toBeNull();
	});

	it('camera_offline - an alert is about a camera when its rule and facts name it', () => {
		const facts = { cameraId: 'cam1' };
		expect(isAboutCamera({ rule: 'camera_offline', facts }, 'cam1')).toBe(true);
		expect(isAboutCamera({ rule: 'camera_offline', facts }, 'cam2')).toBe(false);
		expect(isAboutCamera({ rule: 'ai_detection', facts }, 'cam1')).toBe(false);
	});
});
