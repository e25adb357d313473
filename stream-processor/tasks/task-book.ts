import type { Task } from '../../src/lib/domain/tasks/task';

/**
 * Every task, by id: the task centre's state. Kept whole in memory (a district's tasks of a few
 * years are a few megabytes), rebuilt from the store at start; the read API answers from here,
 * so a page sees a step as soon as the processor has applied it.
 */
export class TaskBook {
	readonly #tasks = new Map<string, Task>();
	/** The stream sequence of the event each task's current version came from. */
	readonly #seq = new Map<string, number>();

	get(id: string): Task | undefined {
		return this.#tasks.get(id);
	}

	set(t: Task, seq: number): void {
		this.#tasks.set(t.id, t);
		this.#seq.set(t.id, Math.max(seq, this.#seq.get(t.id) ?? 0));
	}

	/**
	 * Whether the event at this stream sequence is already in the task: a message redelivered
	 * after its task's row was written but before its own event row (a crash between the two)
	 * must be stored as an event, not applied again (a second cancel would be refused).
	 */
	applied(taskId: string, seq: number): boolean {
		return seq <= (this.#seq.get(taskId) ?? 0);
	}

	values(): IterableIterator<Task> {
		return this.#tasks.values();
	}

	get size(): number {
		return this.#tasks.size;
	}
}
