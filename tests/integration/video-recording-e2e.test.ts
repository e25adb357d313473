import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/lib/domain/time';
import { recordingDay } from '../../src/lib/domain/video/protocol';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { pidsWith } from '../../video-wall/sources/marker';
import { registerCamera } from '../helpers/cameras';
import { registered } from '../helpers/events';
import { startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { ticketFor } from '../helpers/tickets';
import { frameTimes } from '../helpers/ts-frames';
import { startVideo, type TestVideo } from '../helpers/video';
import { openViewer } from '../helpers/video-viewer';

describe('video recording through the service', () => {
	let nats: TestNats;
	let nc: NatsConnection;
	let js: JetStreamClient;
	let video: TestVideo;

	beforeAll(async () => {
		nats = await startNats();
		nc = await connectNats(nats.url, 'test');
		await ensureStreams(await jetstreamManager(nc));
		js = jetstream(nc);
		await publishEvent(js, registered('m-rec', '370102', '老王饭店'));
		await registerCamera(js, 'cam-rec', 'm-rec', { recording: true, publicView: true });
		video = await startVideo({ natsUrl: nats.url, env: { RECORD_SEGMENT_SECONDS: '2' } });
	});

	afterAll(async () => {
		await video?.stop();
		await nc?.close();
		await nats?.stop();
	});

	it('video recording - a camera registered with recording on is recorded and plays back from a time', async () => {
		const ticket = await ticketFor(undefined, 'video');
		const day = localDay(Date.now(), 'Asia/Shanghai');
		const timeline = await eventually(async () => {
			const res = await fetch(`${video.url}/recordings/cam-rec?day=${day}&ticket=${ticket}`);
			const body = recordingDay.parse(await res.json());
			const span = body.spans[0];
			if (!span || span.endMs - span.startMs < 5_000) throw new Error('not yet 5 s recorded');
			return body;
		}, 30_000);
		expect(pidsWith(`fsvw.${video.instance}.cam-rec.record`)).toHaveLength(1);
		const from = timeline.spans[0]!.startMs + 2_500;
		const player = openViewer(
			video.wsUrl,
			`cam-rec?from=${from}&speed=1&ticket=${encodeURIComponent(ticket)}`,
			undefined,
			'playback'
		);
		const bytes = await player.received(200_000);
		player.close();
		const times = (await frameTimes(bytes)).filter((t): t is number => t !== null);
		expect(Math.abs(times[0]! - from)).toBeLessThan(500);
	});

	it('video recording - the public cannot play back even a public camera', async () => {
		const player = openViewer(
			video.wsUrl,
			`cam-rec?from=${Date.now() - 3_000}`,
			undefined,
			'playback'
		);
		expect((await player.closed).code).toBe(4401);
	});

	it('video recording - no recording ffmpeg is left after the service stops', async () => {
		await video.stop();
		expect(video.ffmpegPids()).toEqual([]);
	});
});
