import { mkdirSync } from 'node:fs';
import { openChdbStore } from './chdb-store';
import { openServerStore, type ServerStoreOptions } from './server-store';
import type { Store } from './store';

/** A ClickHouse server when a URL is configured, otherwise the embedded engine in `chdbPath`. */
export function openStore(options: { server?: ServerStoreOptions; chdbPath: string }): Store {
	if (options.server) return openServerStore(options.server);
	mkdirSync(options.chdbPath, { recursive: true });
	return openChdbStore(options.chdbPath);
}
