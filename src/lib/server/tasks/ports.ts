import { jetstream } from '@nats-io/jetstream';
import type { FsEvent } from '../../domain/events';
import { publishEvent } from '../backbone/publisher';
import { saveDraw } from '../backbone/draws';
import { accountServices } from '../accounts/web';
import { nats } from '../nats';
import { readApi } from '../read-api';
import type { DrawPorts } from './plan-commands';

/** The web server's real ports for the task commands. */
export async function webTaskPorts(): Promise<DrawPorts> {
	const [{ nc }, { directory }] = await Promise.all([nats(), accountServices()]);
	const js = jetstream(nc);
	return {
		read: (claims, path, schema) => readApi(claims, path, schema),
		publish: (e: FsEvent) => publishEvent(js, e),
		inspectors: () =>
			directory
				.list()
				.filter((u) => u.role === 'inspector' && !u.disabled)
				.map((u) => ({ username: u.username, displayName: u.displayName, districts: u.districts })),
		saveDraw: (d) => saveDraw(js, d)
	};
}
