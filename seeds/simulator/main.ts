import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { localDay } from '../../src/lib/domain/index';
import { openAccountServices } from '../../src/lib/server/accounts/open';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { demoAccounts } from '../accounts/demo-accounts';
import { seedDemoAccounts } from '../accounts/seed-accounts';
import { eventsForTick } from './activity';
import { SimClock } from './clock';
import { loadConfig } from './config';
import { Outbox } from './outbox';
import { catchUpToday, formatMinute, openMeta, seedOnce } from './startup';
import { seedCamerasOnce } from './cameras';
import { createSimState, toEvent } from './state';
import { PublishStats } from './stats';

const TICK_MS = 250;
const SUMMARY_MS = 10_000;
/** Above this many unpublished events the simulated clock stops: NATS is down or slow. */
const MAX_BACKLOG = 50_000;

const log = (line: string) => console.log(`[simulator] ${line}`);

async function main(): Promise<void> {
	const config = loadConfig();
	const nc = await connectNats(config.natsUrl, 'fs-simulator');
	await ensureStreams(await jetstreamManager(nc));
	const js = jetstream(nc);

	const stats = new PublishStats();
	let errors = 0;
	let lastError = '';
	const outbox = new Outbox(js, {
		onPublished: (e) => stats.count(e),
		onError: (error) => {
			errors++;
			lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		}
	});

	void (async () => {
		for await (const s of nc.status()) {
			if (s.type !== 'disconnect' && s.type !== 'reconnect') continue;
			log(`nats ${s.type}`);
			if (s.type === 'reconnect') outbox.resume();
		}
	})();

	const kv = await openMeta(js);
	const settings = {
		seed: config.seed,
		merchants: config.merchants,
		badShare: config.badShare,
		timeZone: config.timeZone
	};
	const district = await seedOnce(kv, outbox, settings, Date.now(), log);
	await seedCamerasOnce(kv, outbox, district, settings.merchants, Date.now(), log);
	// One account per role with one known password: only for a local demo (the launcher decides).
	if (config.demoAccounts) {
		const accounts = await openAccountServices(nc, { log });
		await seedDemoAccounts(accounts, demoAccounts(district), log);
		accounts.close();
	}
	const state = createSimState(district, { runTag: Date.now().toString(36) });
	const clock = new SimClock(config.speed, Date.now(), config.timeZone);
	await catchUpToday(kv, outbox, state, settings, clock.minute, Date.now(), log);
	log(
		`running: ${district.merchants.length} merchants, speed ×${config.speed}, simulated clock at ${formatMinute(clock.minute)}`
	);

	let expiredBefore = state.counters.expiredSaleLines;
	const tick = setInterval(() => {
		const now = Date.now();
		if (outbox.backlog > MAX_BACKLOG || outbox.paused) {
			clock.hold(now);
			return;
		}
		const span = clock.advance(now);
		const drafts = eventsForTick(state, { ...span, now, today: localDay(now, config.timeZone) });
		outbox.push(drafts.map((d) => toEvent(d, now)));
	}, TICK_MS);
	const summary = setInterval(() => {
		const expired = state.counters.expiredSaleLines - expiredBefore;
		expiredBefore = state.counters.expiredSaleLines;
		const trouble = errors > 0 ? ` | ${errors} publish errors, last: ${lastError}` : '';
		errors = 0;
		log(
			`sim ${formatMinute(clock.minute)} day ${Math.floor(clock.minute / 1440)} | ${stats.summary()} | expired sale lines +${expired} | backlog ${outbox.backlog}${trouble}`
		);
	}, SUMMARY_MS);

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: draining`);
		clearInterval(tick);
		clearInterval(summary);
		// Give in-flight publishes a moment; the events are regenerated differently next run anyway.
		await Promise.race([outbox.drain(), new Promise((r) => setTimeout(r, 5_000))]);
		outbox.close();
		await nc.drain().catch(() => undefined);
		log(`stopped after ${stats.total} events`);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error('[simulator] failed to start:', error);
	process.exit(1);
});
