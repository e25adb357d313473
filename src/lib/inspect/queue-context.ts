import { getContext, setContext } from 'svelte';
import { SyncQueue } from './queue.svelte';

const KEY = Symbol('inspection-sync-queue');

/** The inspector's outbox for every /inspect page: made once by the section's layout. */
export function provideSyncQueue(): SyncQueue {
	return setContext(KEY, new SyncQueue());
}

export function syncQueue(): SyncQueue {
	const queue = getContext<SyncQueue | undefined>(KEY);
	if (!queue) throw new Error('syncQueue() outside /inspect');
	return queue;
}
