import { getContext, setContext } from 'svelte';

const KEY = Symbol('screen-scale');

/**
 * The canvas's current scale, for what draws pixels itself (charts, the map): drawn at
 * devicePixelRatio × scale they stay sharp on a 4K wall instead of being blown up.
 */
export function provideScreenScale(scale: () => number): void {
	setContext(KEY, scale);
}

export function screenScale(): () => number {
	return getContext<(() => number) | undefined>(KEY) ?? (() => 1);
}
