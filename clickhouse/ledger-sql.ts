import { owingPairs } from '../src/lib/domain/ledgers/completeness';
import { ledgerKinds } from '../src/lib/domain/ledgers/morning-check';

/**
 * SQL for "a business of this type owes this book": built from the code's own constant table
 * (never from input), so it is inlined rather than bound.
 */
export function owes(kindCol: string, typeCol: string, scaleCol: string): string {
	const arms = ledgerKinds.flatMap(({ kind }) => {
		const pairs = owingPairs(kind).map(([t, sc]) => `('${t}', '${sc}')`);
		return pairs.length
			? [`${kindCol} = '${kind}', (${typeCol}, ${scaleCol}) IN (${pairs.join(', ')})`]
			: [];
	});
	return `multiIf(${arms.join(', ')}, 0)`;
}
/** The four books as a ClickHouse array literal. */
export const KINDS = `['${ledgerKinds.map((k) => k.kind).join("', '")}']`;
