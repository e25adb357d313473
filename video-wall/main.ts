import { config } from './config';
import { startVideoWall } from './service';

const log = (m: string) => console.log(`[video] ${m}`);

try {
	const c = config();
	const video = await startVideoWall(c, log);
	log(`listening on http://${c.VIDEO_HOST}:${video.port} (live: /live/:cameraId)`);
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) {
			log(`${signal} again: exiting now`);
			process.exit(1);
		}
		stopping = true;
		log(`${signal}: closing viewers and stopping encoders`);
		await video.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (e) {
	console.error(`[video] cannot start: ${(e as Error).message}`);
	process.exit(1);
}
