import { z } from 'zod';
import { ConfigError, parseServiceEnv } from '../src/lib/server/service-config';

const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
	NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
	CLICKHOUSE_URL: z.url().optional(),
	CLICKHOUSE_USER: z.string().optional(),
	CLICKHOUSE_PASSWORD: z.string().optional(),
	CLICKHOUSE_DATABASE: z.string().regex(/^\w+$/).optional(),
	/** The embedded engine's folder when CLICKHOUSE_URL is unset. */
	CHDB_PATH: z.string().min(1).default('./data/clickhouse'),
	/** 0 picks a free port (tests). */
	API_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
	API_HOST: z.string().min(1).default('0.0.0.0'),
	/** Durable consumer name: instances that share it share the work. */
	PROCESSOR_DURABLE: z
		.string()
		.regex(/^[\w-]+$/)
		.default('processor'),
	/** Rows per store write; a batch is also written when BATCH_WAIT_MS passes. */
	BATCH_MAX: positiveInt.max(50_000).default(5_000),
	BATCH_WAIT_MS: positiveInt.max(10_000).default(250),
	/** How long a delivered, unacked event waits before redelivery (e.g. after a crash). */
	ACK_WAIT_MS: positiveInt.min(1_000).max(600_000).default(30_000),
	TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
	/** Rules on the clock (lapses, absences) run this often. */
	CLOCK_RULES_MS: positiveInt.min(100).max(600_000).default(60_000),
	/** Merchants marked by events are rescored this often (the debounce of risk grading). */
	RISK_TICK_MS: positiveInt.min(50).max(600_000).default(2_000),
	/** After a start, absence rules wait this long: the stream's backlog may hold what seems missing. */
	ABSENCE_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
	/** Multiplies every alert SLA duration (1 = the policy; tests shrink it to milliseconds). */
	ALERT_SLA_SCALE: z.coerce.number().positive().max(100).default(1),
	LIVE_TICK_MS: positiveInt.max(1_000).default(100),
	/** Origins allowed to open a live socket (comma-separated); empty means any. */
	GATEWAY_ORIGINS: z.string().default(''),
	/** Verifies the tickets the web server signs (the same secret on both). */
	TICKET_SECRET: z.string().optional(),
	/** development or test relax the ticket secret check; anything else (or unset) is strict. */
	NODE_ENV: z.string().optional()
});

export type ProcessorConfig = z.infer<typeof schema> & { TICKET_SECRET: string };

export { ConfigError };

/** Parses the environment; throws a ConfigError naming the variable that is wrong. */
export function parseConfig(env: Record<string, string | undefined>): ProcessorConfig {
	const config = parseServiceEnv(schema, env);
	return config;
}

let cached: ProcessorConfig | undefined;

/** The processor's configuration, read from the environment once. */
export function config(): ProcessorConfig {
	cached ??= parseConfig(process.env);
	return cached;
}
