import { TilePlayer } from './tile-player.svelte';

/**
 * Players waiting for a tile. A wall that changes its grid or rotates cameras takes players from
 * here and gives them back instead of building new ones: every jsmpeg player holds decoder
 * buffers in the one shared WASM heap, which grows but never shrinks. Browser-only (imported in
 * onMount), so the pool is per page, never shared between users on the server.
 */
const idle: TilePlayer[] = [];
/** A 16-tile wall plus the enlarged tile and a strip. */
const KEEP = 20;

export function acquirePlayer(): TilePlayer {
	return idle.pop() ?? new TilePlayer();
}

export function releasePlayer(player: TilePlayer): void {
	player.release();
	player.canvas.remove();
	if (idle.length < KEEP) idle.push(player);
	else player.destroy();
}
