import { describe, expect, it } from 'vitest';
import { cameraFromForm, cameraSwitch, MAX_CAMERAS_PER_MERCHANT } from './camera-form';

describe('camera form', () => {
	it('cameras - a test-pattern camera from the form, switches from checkboxes, 7 days kept', () => {
		const r = cameraFromForm(
			{ name: ' 后厨灶台 ', area: 'cooking', sourceKind: 'test_pattern', publicView: 'on' },
			'cam-1',
			0
		);
		expect(r).toEqual({
			ok: true,
			payload: {
				cameraId: 'cam-1',
				name: '后厨灶台',
				area: 'cooking',
				source: { kind: 'test_pattern' },
				publicView: true,
				recording: false,
				retentionDays: 7
			}
		});
	});

	it('cameras - each wrong field is named: no name, no area, an address that is not rtsp', () => {
		const r = cameraFromForm(
			{ name: '', area: 'bathroom', sourceKind: 'rtsp', rtspUrl: 'http://x/y' },
			'cam-1',
			0
		);
		expect(r.ok).toBe(false);
		expect(!r.ok && [...r.problems].sort()).toEqual(['area', 'name', 'rtspUrl']);
		const ok = cameraFromForm(
			{ name: '凉菜间', area: 'cold_dishes', sourceKind: 'rtsp', rtspUrl: 'rtsp://u:p@10.0.0.2/s' },
			'cam-2',
			0
		);
		expect(ok.ok && ok.payload.source).toEqual({ kind: 'rtsp', url: 'rtsp://u:p@10.0.0.2/s' });
	});

	it('cameras - an address aimed at the server itself or its internals is refused', () => {
		const form = (rtspUrl: string) => ({
			name: '灶台',
			area: 'cooking',
			sourceKind: 'rtsp',
			rtspUrl
		});
		for (const url of [
			'rtsp://127.0.0.1:554/s',
			'rtsp://u:p@localhost/s',
			'rtsp://169.254.169.254/',
			'rtsp://[::1]/s',
			'rtsp://2130706433/s'
		]) {
			expect(cameraFromForm(form(url), 'c', 0), url).toEqual({
				ok: false,
				problems: ['rtspAddress']
			});
		}
		expect(cameraFromForm(form('rtsp://u:p@192.168.1.20:554/s'), 'c', 0).ok).toBe(true);
		expect(cameraFromForm(form('rtsp://127.0.0.1:8554/live'), 'c', 0, ['127.0.0.1']).ok).toBe(true);
	});

	it('cameras - a shop with the most cameras already cannot register another', () => {
		const r = cameraFromForm({ name: 'x', area: 'cooking' }, 'c', MAX_CAMERAS_PER_MERCHANT);
		expect(r).toEqual({ ok: false, problems: ['tooMany'] });
	});

	it('cameras - a switch is a field and a boolean', () => {
		expect(cameraSwitch.parse({ cameraId: 'c1', field: 'publicView', value: 'false' })).toEqual({
			cameraId: 'c1',
			field: 'publicView',
			value: false
		});
		expect(cameraSwitch.safeParse({ cameraId: 'c1', field: 'source', value: 'true' }).success).toBe(
			false
		);
	});
});
