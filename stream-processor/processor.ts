import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import uWS from 'uWebSockets.js';
import { migrate } from '../clickhouse/migrate';
import type { Store } from '../clickhouse/store';
import { openStore } from '../clickhouse/open-store';
import { districts } from '../src/lib/domain/districts';
import { localDay, localMinuteOfDay } from '../src/lib/domain/time';
import { streams } from '../src/lib/domain/subjects';
import { connectNats, watchConnected } from '../src/lib/server/backbone/connect';
import { ensureStreams } from '../src/lib/server/backbone/streams';
import { HealthMonitor, STALLED_MS } from './api/health';
import { alertQueries } from './api/alert.queries';
import { ledgerQueries } from './api/ledger.queries';
import { backfillLedgerEntries } from './state/backfill';
import { RiskEngine } from './risk/engine';
import { loadRisk } from './risk/load-risk';
import { startRiskClock } from './risk/risk-clock';
import { readQueries } from './api/read.queries';
import { registryQueries } from './api/registry.queries';
import { riskQueries } from './api/risk.queries';
import { publicQueries } from './api/public.queries';
import { inspectionQueries } from './api/inspections.queries';
import { stockQueries } from './api/stock.queries';
import { orderQueries } from './api/order.queries';
import { traceQueries } from './api/trace.queries';
import { recallQueries } from './api/recall.queries';
import { catalogueQueries } from './api/catalogue.queries';
import { mountReadApi } from './api/routes';
import { commandOverviewOf, OVERVIEW_REUSE_MS, sharedFor } from './api/command-overview';
import { commandQueries } from './api/command.queries';
import type { ProcessorConfig } from './config';
import { EventConsumer, ensureConsumer } from './consume/consumer';
import { RecentIds } from './consume/dedup';
import { startGateway } from './gateway/gateway';
import { LiveHub } from './live/live-hub';
import { startLivePublisher } from './live/live-publisher';
import { rulesForClock } from './rules/evaluate';
import { forgetAlerts, raiseAlerts } from './rules/raise';
import { dueEscalations } from './rules/sla-escalations';
import { scaledSlaPolicy } from '../src/lib/domain/alerts/sla';
import { publishEvent } from '../src/lib/server/backbone/publisher';
import { loadState } from './state/load';
import { hasDarkCamera } from './state/cameras';
import { MerchantStates, type MerchantRecord } from './state/merchant-state';
import type { Alert } from '../src/lib/domain/alert';
import type { FsEvent } from '../src/lib/domain/events';
import { writeBatch } from './sinks/batch-writer';
import { Batch } from './consume/batch';
import { TaskBook } from './tasks/task-book';
import { loadTasks } from './tasks/load-tasks';
import { overdueEscalations } from './tasks/overdue';
import { listenExclusive } from '../src/lib/server/uws-listen';

export interface RunningProcessor {
	port: number;
	consumer: EventConsumer;
	/** The store it opened (chDB allows one opener per folder: tests read it through this). */
	store: Store;
	stop(): Promise<void>;
}

/** Wires the processor: store, NATS, state, consumer, live hub, gateway and read API. */
export async function startProcessor(
	config: ProcessorConfig,
	log: (m: string) => void = console.log,
	/** What to do when consuming can no longer go on (main: exit, the launcher restarts it). */
	onEnd: (error: Error) => void = (e) => log(`consumer ended: ${e.message}`)
): Promise<RunningProcessor> {
	const store = openStore({
		chdbPath: config.CHDB_PATH,
		server: config.CLICKHOUSE_URL
			? {
					url: config.CLICKHOUSE_URL,
					username: config.CLICKHOUSE_USER,
					password: config.CLICKHOUSE_PASSWORD,
					database: config.CLICKHOUSE_DATABASE
				}
			: undefined
	});
	const applied = await migrate(store);
	if (applied.length) log(`store: applied migrations ${applied.join(', ')}`);
	const backfilled = await backfillLedgerEntries(store, config.TIME_ZONE);
	if (backfilled) log(`store: ${backfilled} ledger entries filled from the events`);

	const nc = await connectNats(config.NATS_URL, 'stream-processor');
	const jsm = await jetstreamManager(nc);
	const js = jetstream(nc);
	await ensureStreams(jsm);
	const ackFloor = await ensureConsumer(jsm, {
		durable: config.PROCESSOR_DURABLE,
		batchMax: config.BATCH_MAX,
		ackWaitMs: config.ACK_WAIT_MS,
		log
	});

	const merchants = new MerchantStates();
	const slaPolicy = scaledSlaPolicy(config.ALERT_SLA_SCALE);
	const live = new LiveHub(
		config.TIME_ZONE,
		districts.map((d) => d.id)
	);
	const recent = new RecentIds(500_000);
	const loaded = await loadState(
		store,
		{ merchants, live, recent, timeZone: config.TIME_ZONE, log },
		ackFloor
	);
	log(
		`state: ${loaded.merchants} merchants, ${loaded.openAlerts} open alerts, ${loaded.unackedStored} stored past the ack floor ${ackFloor}`
	);
	const risk = new RiskEngine(merchants, config.TIME_ZONE, undefined, (m) => log(`risk: ${m}`));
	const graded = await loadRisk(store, risk);
	log(`risk: settings v${risk.settings.version}, ${graded} merchants graded before`);
	// The rooms' grade mix from the stored grades: a restart that changes no grade shows it too.
	live.onRiskChanges([], risk.gradeCounts());

	const tasks = new TaskBook();
	log(`state: ${await loadTasks(store, tasks, log)} tasks`);

	let countsDirty = false;
	const consumer = new EventConsumer(
		nc,
		js,
		store,
		{
			merchants,
			live,
			recent,
			timeZone: config.TIME_ZONE,
			slaPolicy,
			risk,
			tasks,
			onMerchantRegistered: () => {
				countsDirty = true;
			}
		},
		{
			durable: config.PROCESSOR_DURABLE,
			batchMax: config.BATCH_MAX,
			batchWaitMs: config.BATCH_WAIT_MS,
			log,
			onEnd
		}
	);
	await consumer.start();

	// A write stuck this long (the store down, retrying) makes the screens say "stale".
	live.flow = () => ({
		stalled: consumer.unwrittenFor() > STALLED_MS,
		lastEventAt: consumer.stats.lastHandledAt
	});
	const publisher = startLivePublisher(nc, live, config.LIVE_TICK_MS);
	// Merchant counts change rarely; recount on the clock rather than per event.
	const clock = setInterval(() => {
		if (countsDirty) {
			countsDirty = false;
			live.setMerchantCounts(merchants.registeredCounts());
		}
	}, 1_000);
	// Before the clock starts: its first run is at once, and a `const` not yet reached would
	// throw there (and the alerts that run raised would never be written).
	/**
	 * Events the clock calls for, each published once while it is still due (kept: the ones due
	 * now, so the set stays small); their ids make a copy after a restart the same event.
	 */
	const publishOnce = (due: (now: number) => FsEvent[]) => {
		let published = new Set<string>();
		return async (now: number) => {
			const events = due(now);
			await Promise.all(events.filter((e) => !published.has(e.id)).map((e) => publishEvent(js, e)));
			published = new Set(events.map((e) => e.id));
		};
	};
	/** Breached SLAs become `alert.escalated` events; the handler applies them like any step. */
	const escalate = publishOnce((now) => dueEscalations(merchants.values(), now, slaPolicy));
	/** Overdue tasks become `task.escalated {auto}` events. */
	const escalateOverdue = publishOnce((now) => overdueEscalations(tasks.values(), now));

	const ruleClock = startClockRules();
	const riskClock = startRiskClock({
		engine: risk,
		store,
		live,
		timeZone: config.TIME_ZONE,
		tickMs: config.RISK_TICK_MS,
		log
	});

	const health = new HealthMonitor({
		natsConnected: watchConnected(nc),
		storePing: () => store.ping(),
		consumerLag: async () => {
			const info = await jsm.consumers.info(streams.events, config.PROCESSOR_DURABLE);
			return info.num_pending + info.num_ack_pending;
		},
		deadLetters: async () => (await jsm.streams.info(streams.deadLetters)).state.messages,
		storedEvents: async () => queries.eventCount(),
		lastEventAt: () => consumer.stats.lastEventAt,
		stalledMs: () => consumer.unwrittenFor()
	});
	health.start();

	const queries = {
		...readQueries(store, config.TIME_ZONE),
		...registryQueries(store, config.TIME_ZONE),
		...ledgerQueries(store, config.TIME_ZONE),
		...riskQueries(store),
		...alertQueries(store, config.TIME_ZONE),
		...inspectionQueries(store),
		...stockQueries(store),
		...traceQueries(store, config.TIME_ZONE),
		...recallQueries(store),
		...catalogueQueries(store),
		...commandQueries(store, config.TIME_ZONE)
	};
	const app = uWS.App();
	const gateway = startGateway(app, nc, {
		origins: config.GATEWAY_ORIGINS.split(',').filter(Boolean),
		ticketSecret: config.TICKET_SECRET,
		districtIds: districts.map((d) => d.id)
	});
	mountReadApi(app, {
		/** A merchant's risk now, with its factors, as the engine scores it (settings in force). */
		risk: async (id: string) => {
			const m = merchants.get(id);
			return m?.registered ? risk.score(m, Date.now()) : null;
		},
		riskStatus: () => ({
			settings: risk.settings,
			graded: risk.gradedByVersion(),
			pending: risk.pending
		}),
		queries,
		health,
		live,
		log,
		ticketSecret: config.TICKET_SECRET,
		districtIds: districts.map((d) => d.id),
		tasks: {
			tasks,
			js,
			merchant: (id) => merchants.get(id),
			merchants: () => merchants.values(),
			// The stored grade; a merchant not graded yet (just registered) is scored now.
			grade: (m) => risk.current(m.id)?.grade ?? risk.score(m, Date.now()).grade
		},
		cameras: { merchants: () => merchants.values(), merchant: (id) => merchants.get(id) },
		orders: {
			queries: orderQueries(store),
			merchant: (id) => merchants.get(id),
			grade: (m) => risk.current(m.id)?.grade ?? risk.score(m, Date.now()).grade,
			timeZone: config.TIME_ZONE
		},
		publicShops: {
			queries: publicQueries(store, config.TIME_ZONE),
			merchant: (id) => merchants.get(id),
			grade: (m) => risk.current(m.id)?.grade ?? risk.score(m, Date.now()).grade,
			timeZone: config.TIME_ZONE
		},
		overview: sharedFor(OVERVIEW_REUSE_MS, (scope, district) =>
			commandOverviewOf(
				{
					queries,
					merchants: () => merchants.values(),
					merchant: (id) => merchants.get(id),
					current: (id) => risk.current(id),
					score: (m, now) => risk.score(m, now),
					tasks: () => tasks.values(),
					timeZone: config.TIME_ZONE
				},
				scope,
				district
			)
		)
	});
	const listenSocket = await listenExclusive(app, config.API_HOST, config.API_PORT);
	const port = uWS.us_socket_local_port(listenSocket);
	log(`processor: read API and live gateway on :${port}`);

	/** Rules on the clock: licences and certificates near or past their end, missing ledgers. */
	function startClockRules() {
		const startedAt = Date.now();
		let running = false;
		const run = async () => {
			if (running) return;
			running = true;
			try {
				const now = Date.now();
				const clock = {
					day: localDay(now, config.TIME_ZONE),
					minuteOfDay: localMinuteOfDay(now, config.TIME_ZONE)
				};
				// Just started, the stream may still hold this morning's checks: call nothing missing
				// until the backlog had time to come through.
				const absence = now - startedAt >= config.ABSENCE_GRACE_MS;
				const batch = new Batch();
				const raised: { m: MerchantRecord; alert: Alert }[] = [];
				for (const m of merchants.values()) {
					// A dark camera's hours grow with the clock: its merchant's device health with them.
					if (hasDarkCamera(m)) risk.touch(m.id);
					for (const alert of raiseAlerts(
						m,
						rulesForClock(m, clock, config.TIME_ZONE, absence),
						now,
						slaPolicy
					)) {
						batch.alerts.push(alert);
						raised.push({ m, alert });
						risk.touch(m.id);
					}
				}
				// Apart from the raises below: a failed publish must not leave raised alerts unwritten.
				await escalate(now).catch((e: unknown) =>
					log(`SLA escalation failed, will retry: ${(e as Error).message}`)
				);
				await escalateOverdue(now).catch((e: unknown) =>
					log(`task escalation failed, will retry: ${(e as Error).message}`)
				);
				if (batch.alerts.length === 0) return;
				try {
					await writeBatch(batch, store, js);
				} catch (e) {
					// Not stored: forget them, so the next run raises them again.
					for (const { m, alert } of raised) forgetAlerts(m, [alert]);
					throw e;
				}
				for (const { alert } of raised) live.onAlert(alert, now);
			} catch (e) {
				log(`clock rules failed, will retry: ${(e as Error).message}`);
			} finally {
				running = false;
			}
		};
		void run();
		const t = setInterval(() => void run(), config.CLOCK_RULES_MS);
		return { stop: () => clearInterval(t) };
	}

	return {
		port,
		consumer,
		store,
		stop: async () => {
			ruleClock.stop();
			await riskClock.stop();
			clearInterval(clock);
			health.stop();
			await consumer.stop();
			publisher.stop();
			await gateway.close().catch(() => {});
			uWS.us_listen_socket_close(listenSocket);
			// With NATS down, drain would wait for a reconnect that may never come.
			await Promise.race([nc.drain(), new Promise((r) => setTimeout(r, 5_000))]).catch(() => {});
			if (!nc.isClosed()) await nc.close();
			await store.close();
		}
	};
}
