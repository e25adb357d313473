import { jetstream } from '@nats-io/jetstream';
import { publishEvent } from '../backbone/publisher';
import { nats } from '../nats';
import { readApi } from '../read-api';
import type { RecallPorts } from './recall-commands';

/** The web server's real ports for the recall commands: the read API as the viewer, the stream. */
export async function recallPorts(): Promise<RecallPorts> {
	const { nc } = await nats();
	const js = jetstream(nc);
	return {
		read: (claims, path, schema) => readApi(claims, path, schema, { timeoutMs: 30_000 }),
		publish: (e) => publishEvent(js, e)
	};
}
