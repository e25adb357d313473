import { z } from 'zod';
import { MAX_MERCHANTS } from '../generator/district';

const validTimeZone = (tz: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
};

const schema = z.object({
	NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
	SIM_SEED: z.coerce.number().int().min(0).max(0xffffffff).default(20261128),
	SIM_MERCHANTS: z.coerce.number().int().min(1).max(MAX_MERCHANTS).default(2000),
	/** Simulated seconds per real second. */
	SIM_SPEED: z.coerce.number().positive().max(86_400).default(30),
	SIM_BAD_SHARE: z.coerce.number().min(0).max(1).default(0.08),
	/** 1: create the demo accounts (known password). The launcher sets it for local runs only. */
	SIM_DEMO_ACCOUNTS: z.enum(['0', '1']).default('0'),
	SIM_TIME_ZONE: z
		.string()
		.refine(validTimeZone, 'must be an IANA time zone')
		.default('Asia/Shanghai')
});

export interface SimulatorConfig {
	natsUrl: string;
	seed: number;
	merchants: number;
	speed: number;
	badShare: number;
	timeZone: string;
	demoAccounts: boolean;
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

let cached: SimulatorConfig | undefined;

/** The simulator's settings, read from the environment once. Fails naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SimulatorConfig {
	if (cached && env === process.env) return cached;
	// Empty strings mean "unset" (a blank line in an .env file must not become 0).
	const present = Object.fromEntries(
		Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]])
	);
	const result = schema.safeParse(present);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ConfigError(`${issue?.path.join('.') ?? 'env'}: ${issue?.message ?? 'invalid'}`);
	}
	const c = result.data;
	const config = {
		natsUrl: c.NATS_URL,
		seed: c.SIM_SEED,
		merchants: c.SIM_MERCHANTS,
		speed: c.SIM_SPEED,
		badShare: c.SIM_BAD_SHARE,
		timeZone: c.SIM_TIME_ZONE,
		demoAccounts: c.SIM_DEMO_ACCOUNTS === '1'
	};
	if (env === process.env) cached = config;
	return config;
}
