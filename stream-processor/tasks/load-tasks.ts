import type { Store } from '../../clickhouse/store';
import { task as taskSchema } from '../../src/lib/domain/tasks/task';
import type { TaskBook } from './task-book';
import { TASK_COLUMNS, taskFromRow } from './task-rows';

/** Every task, newest version, into the book; a row this version cannot read is reported. */
export async function loadTasks(
	store: Store,
	book: TaskBook,
	log: (m: string) => void
): Promise<number> {
	const rows = await store.query<Record<string, unknown>>(
		`SELECT ${TASK_COLUMNS}, version FROM tasks FINAL`
	);
	for (const r of rows) {
		const parsed = taskSchema.safeParse(taskFromRow(r));
		if (parsed.success) book.set(parsed.data, Number(r.version));
		else log(`task ${String(r.id)} skipped: ${parsed.error.issues[0]?.message}`);
	}
	return book.size;
}
