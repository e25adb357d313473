import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
	/** An external NATS; unset, the launcher runs its own nats-server with data in ./data/nats. */
	NATS_URL: z.string().min(1).optional(),
	NATS_PORT: port.default(4222),
	DATA_DIR: z.string().min(1).default('./data'),
	/** The embedded store's folder; default DATA_DIR/clickhouse. */
	CHDB_PATH: z.string().min(1).optional(),
	PORT: port.default(3000),
	/** The address people open (form posts from any other origin are refused); default
	 * http://localhost:PORT. Behind a proxy: the public https URL. */
	ORIGIN: z.url().optional(),
	API_PORT: port.default(3001),
	/** The video service (live tiles, snapshots, playback); browsers connect to it directly. */
	VIDEO_PORT: port.default(3002),
	/** Shared by the web server (signs tickets) and the processor (checks them); unset, each
	 * start makes a random one. */
	TICKET_SECRET: z.string().min(1).optional(),
	/** DEMO=0 runs without the simulator of the demo district. */
	DEMO: z.enum(['0', '1']).default('1')
});

export type LauncherConfig = z.infer<typeof schema>;

/** The launcher's configuration; the children read theirs themselves from the same environment. */
export function launcherConfig(
	env: Record<string, string | undefined> = process.env
): LauncherConfig {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`config: ${issue?.path.join('.')}: ${issue?.message}`);
	}
	return parsed.data;
}
