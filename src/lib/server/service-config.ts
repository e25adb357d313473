import type { z } from 'zod';
import { ticketSecretProblem } from './auth/ticket';

export class ConfigError extends Error {
	override name = 'ConfigError';
}

/**
 * The environment of a backend service (processor, video service) through its schema: the first
 * wrong variable by name, then the ticket secret (strict unless NODE_ENV is development or test)
 * and the time zone, which every such service has. Throws a ConfigError.
 */
export function parseServiceEnv<
	S extends z.ZodType<{ TICKET_SECRET?: string; NODE_ENV?: string; TIME_ZONE: string }>
>(schema: S, env: Record<string, string | undefined>): z.infer<S> & { TICKET_SECRET: string } {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ConfigError(`config: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	const data = parsed.data;
	const secretProblem = ticketSecretProblem(
		data.TICKET_SECRET,
		data.NODE_ENV === 'development' || data.NODE_ENV === 'test'
	);
	if (secretProblem) throw new ConfigError(`config: ${secretProblem}`);
	try {
		new Intl.DateTimeFormat('en', { timeZone: data.TIME_ZONE });
	} catch {
		throw new ConfigError(`config: TIME_ZONE: unknown time zone "${data.TIME_ZONE}"`);
	}
	return data as z.infer<S> & { TICKET_SECRET: string };
}
