import type { Task } from '../../src/lib/domain/tasks/task';

/**
 * Every task, by id: the task centre's state. Kept whole in memory (a district's tasks of a few
 * years are a few megabytes), rebuilt from the store at start; the read API answers from here,
 * so a page sees a step as soon as the processor has applied it.
 */
export class TaskBook {
	readonly #tasks = new Map<string, Task>();

	get(id: string): Task | undefined {
		return this.#tasks.get(id);
	}

	set(t: Task): void {
		this.#tasks.set(t.id, t);
	}

	values(): IterableIterator<Task> {
		return this.#tasks.values();
	}

	get size(): number {
		return this.#tasks.size;
	}
}
