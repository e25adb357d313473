/**
 * The one interface in front of ClickHouse: the embedded engine (chDB) and a server behave
 * the same behind it, and the same migration files run on both.
 */
export interface Store {
	readonly kind: 'chdb' | 'server';
	/** A read; values only through `{name:Type}` placeholders bound from `params`. */
	query<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
	/** A statement without rows (DDL, INSERT … SELECT). */
	exec(sql: string, params?: Record<string, unknown>): Promise<void>;
	/** A batch of rows in one INSERT: atomic for one partition, never row by row. */
	insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
	/** The same, for rows already serialised as JSONEachRow lines (the hot path). */
	insertLines(table: string, lines: string): Promise<void>;
	ping(): Promise<boolean>;
	close(): Promise<void>;
}

export class StoreError extends Error {
	override name = 'StoreError';
}

/** Settings both engines use: ISO instants in, plain numbers out. */
export const insertSettings = {
	date_time_input_format: 'best_effort',
	input_format_skip_unknown_fields: 1,
	input_format_json_read_objects_as_strings: 1,
	// Events are partitioned by month; a batch of old and new events may touch many (the default
	// 100 would refuse such a batch again on every retry).
	max_partitions_per_insert_block: '1000'
} as const;
