import { jetstream } from '@nats-io/jetstream';
import { nats } from '../nats';
import { PosKeyStore } from './key-store';

let store: Promise<PosKeyStore> | undefined;

/** The web server's POS key store, opened once on its NATS connection. */
export function posKeyStore(): Promise<PosKeyStore> {
	store ??= nats()
		.then(({ nc }) => PosKeyStore.open(jetstream(nc)))
		.catch((e: unknown) => {
			store = undefined;
			throw e;
		});
	return store;
}
