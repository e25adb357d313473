import { config } from './config';
import { startProcessor } from './processor';

const log = (m: string) => console.log(`[processor] ${m}`);

try {
	const processor = await startProcessor(config(), log, (e) => {
		// Without a consume loop nothing is processed: exit, and the launcher restarts us.
		console.error(`[processor] consuming stopped: ${e.message}`);
		process.exit(1);
	});
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) {
			log(`${signal} again: exiting now; what was not acked will be redelivered`);
			process.exit(1);
		}
		stopping = true;
		log(`${signal}: writing what is in hand, then stopping`);
		await processor.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (e) {
	console.error(`[processor] cannot start: ${(e as Error).message}`);
	process.exit(1);
}
