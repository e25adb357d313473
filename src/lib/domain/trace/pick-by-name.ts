/**
 * What an officer typed, matched against a search's answer (shops or suppliers): the one whose
 * id it is, else the one whose name it is exactly, else the only hit; several hits are a choice.
 */
export type Picked<T> =
	{ kind: 'one'; item: T } | { kind: 'choose'; items: T[] } | { kind: 'none' };

export function pickByName<T>(
	text: string,
	items: readonly T[],
	idOf: (item: T) => string,
	nameOf: (item: T) => string
): Picked<T> {
	const wanted = text.trim();
	const byId = items.find((i) => idOf(i) === wanted);
	if (byId) return { kind: 'one', item: byId };
	const exact = items.filter((i) => nameOf(i).trim() === wanted);
	const only = exact.length === 1 ? exact[0] : items.length === 1 ? items[0] : undefined;
	if (only !== undefined) return { kind: 'one', item: only };
	if (items.length === 0) return { kind: 'none' };
	return { kind: 'choose', items: [...items] };
}
