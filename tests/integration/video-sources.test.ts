import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../src/lib/domain/video/camera';
import { FALLBACK_FONT, findCjkFont } from '../../video-wall/sources/font';
import { pidsWith, processMarker } from '../../video-wall/sources/marker';
import { eventually } from '../helpers/processor';
import { sourceGate } from '../../video-wall/sources/source-gate';
import { SourceManager } from '../../video-wall/sources/source-manager';

const instance = `src${process.pid}x${Math.floor(Math.random() * 1e6)}`;
const camera: Camera = {
	cameraId: 'cam-restart',
	merchantId: 'm-a',
	districtId: '370102',
	name: '后厨',
	area: 'cooking',
	source: { kind: 'test_pattern' },
	publicView: true,
	recording: false,
	retentionDays: 7,
	status: 'online',
	updatedAt: new Date().toISOString()
};

describe('video sources', () => {
	let dir: string | undefined;
	let sources: SourceManager | undefined;

	afterAll(async () => {
		await sources?.close();
		expect(pidsWith(`fsvw.${instance}.`)).toEqual([]);
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('video sources - viewers arriving and leaving during a restart count on the one new encoder', async () => {
		dir = await mkdtemp(join(tmpdir(), 'fs-src-'));
		sources = new SourceManager(
			{
				ffmpeg: 'ffmpeg',
				instance,
				stillDir: dir,
				lingerMs: 60_000,
				env: {},
				options: (c) => ({
					tile: { width: 320, height: 180, bitrateKbps: 200 },
					text: { merchant: c.merchantId, area: c.area, fontFile: findCjkFont() ?? FALLBACK_FONT },
					rtspTimeoutSeconds: 5
				}),
				gate: sourceGate([])
			},
			() => {}
		);
		const live = processMarker(instance, camera.cameraId, 'live');
		sources.want(camera);
		sources.want(camera);
		// Spawned once the source's address is checked (source-gate.ts): a moment after want().
		const [first] = await eventually(
			async () => (pidsWith(live).length ? pidsWith(live) : undefined),
			5_000,
			'the encoder'
		);
		const restarting = sources.restart({ ...camera, area: 'washing' });
		// During the old encoder's stop: one viewer comes, two leave.
		sources.want(camera);
		sources.unwant(camera.cameraId);
		sources.unwant(camera.cameraId);
		await restarting;
		expect(sources.running().map((r) => r.wanted)).toEqual([1]);
		const now = await eventually(
			async () => (pidsWith(live).some((p) => p !== first) ? pidsWith(live) : undefined),
			5_000,
			'the new encoder'
		);
		expect(now).toHaveLength(1);
		expect(now[0]).not.toBe(first);
		sources.unwant(camera.cameraId);
		await sources.stop(camera.cameraId);
		expect(pidsWith(live)).toEqual([]);
	});
});
