import { env } from '$env/dynamic/private';
import { z } from 'zod';
import { parseAllowList } from '$lib/domain/video/source-address';
import { ticketSecretProblem } from './auth/ticket';

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
	PORT: port.default(3000),
	API_PORT: port.default(3001),
	/** Where the web server reaches the processor's read API. */
	API_URL: z.url().optional(),
	/** Where browsers reach the live gateway; default: this page's host on API_PORT. */
	PUBLIC_GATEWAY_URL: z.url().optional(),
	/** The video service's port (video-wall/, 明厨亮灶 live and playback). */
	VIDEO_PORT: port.default(3002),
	/** Where browsers reach the video service; default: this page's host on VIDEO_PORT. */
	PUBLIC_VIDEO_URL: z.url({ protocol: /^https?$/ }).optional(),
	/** Origins allowed to frame /embed/* pages, comma-separated (e.g. https://www.jinan.gov.cn). */
	EMBED_ORIGINS: z
		.string()
		.default('')
		.transform((v) =>
			v
				.split(',')
				.map((o) => o.trim())
				.filter(Boolean)
		)
		.pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
	/**
	 * Camera hosts allowed although the address check refuses them (comma-separated, e.g.
	 * 127.0.0.1 for the tests' RTSP camera). The video service reads the same setting.
	 */
	VIDEO_ALLOW_SOURCE_HOSTS: z.string().optional().transform(parseAllowList),
	NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
	/** Signs the tickets the read API and the live gateway check (the same secret there). */
	TICKET_SECRET: z.string().optional(),
	/** A session unused this long ends; one ends this long after sign-in however much it is used. */
	SESSION_IDLE_MINUTES: z.coerce
		.number()
		.int()
		.min(5)
		.max(24 * 60)
		.default(120),
	SESSION_MAX_HOURS: z.coerce
		.number()
		.int()
		.min(1)
		.max(24 * 30)
		.default(12),
	/**
	 * The sandbox payment provider (/pay/sandbox/*, the till's 移动支付（沙箱）): 1 on, 0 off.
	 * Unset: on in development and test (npm start passes 1 with DEMO=1), off otherwise, so a
	 * real deployment never takes pretend payments.
	 */
	PAYMENTS_SANDBOX: z.enum(['0', '1']).optional(),
	/** development or test relax the ticket secret check; anything else (or unset) is strict. */
	NODE_ENV: z.string().optional()
});

export type WebConfig = z.infer<typeof schema> & {
	API_URL: string;
	TICKET_SECRET: string;
	paymentsSandbox: boolean;
};

let cached: WebConfig | undefined;

/** The web server's configuration, read once; a bad value stops it with the variable's name. */
export function config(): WebConfig {
	if (cached) return cached;
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`config: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	const relaxed = parsed.data.NODE_ENV === 'development' || parsed.data.NODE_ENV === 'test';
	const secretProblem = ticketSecretProblem(parsed.data.TICKET_SECRET, relaxed);
	if (secretProblem) throw new Error(`config: ${secretProblem}`);
	cached = {
		...parsed.data,
		PUBLIC_VIDEO_URL: parsed.data.PUBLIC_VIDEO_URL?.replace(/\/+$/, ''),
		TICKET_SECRET: parsed.data.TICKET_SECRET as string,
		paymentsSandbox: parsed.data.PAYMENTS_SANDBOX ? parsed.data.PAYMENTS_SANDBOX === '1' : relaxed,
		API_URL: parsed.data.API_URL ?? `http://127.0.0.1:${parsed.data.API_PORT}`
	};
	return cached;
}
