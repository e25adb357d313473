import { fsEvent, type FsEvent } from '../../events';
import { makeEvent, type NewEvent } from '../../events/make';
import type { ImportContext } from './context';
import { importEventId } from './ids';
import type { ImportError } from './sheets';

/** One planned event, with the row it comes from. */
export interface EventDraft {
	sheet: string;
	row: number;
	type: FsEvent['type'];
	merchantId: string;
	districtId: string;
	payload: unknown;
}

/**
 * The batch's events, each with its deterministic id and the batch's time, validated like every
 * event before it is published.
 */
export function buildEvents(
	drafts: readonly EventDraft[],
	ctx: ImportContext
): { events: FsEvent[]; errors: ImportError[] } {
	const events: FsEvent[] = [];
	const errors: ImportError[] = [];
	drafts.forEach(({ sheet, row, ...d }, i) => {
		const candidate = makeEvent(
			{ ...d, id: importEventId(ctx.batchId, i, ctx.createdAt), actor: ctx.actor } as NewEvent<
				FsEvent['type']
			>,
			ctx.createdAt
		);
		// The row readers follow the event schemas; this catches any gap between them.
		const checked = fsEvent.safeParse(candidate);
		if (checked.success) events.push(checked.data as FsEvent);
		else {
			const issue = checked.error.issues[0];
			errors.push({
				sheet,
				row,
				column: issue?.path.join('.') ?? '',
				reason: `数据不合规：${issue?.message}`
			});
		}
	});
	return { events, errors };
}

/** Errors by sheet (in the file's order) and row. */
export function sorted(errors: ImportError[], sheets: string[]): ImportError[] {
	const order = new Map(sheets.map((s, i) => [s, i]));
	return errors
		.map((e, i) => ({ e, i }))
		.sort(
			(a, b) =>
				(order.get(a.e.sheet) ?? 0) - (order.get(b.e.sheet) ?? 0) || a.e.row - b.e.row || a.i - b.i
		)
		.map((x) => x.e);
}
