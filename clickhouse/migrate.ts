import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { StoreError, type Store } from './store';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url).pathname;

export interface Migration {
	name: string;
	checksum: string;
	statements: string[];
}

/** Splits a migration file into statements at semicolons that end a line; drops comments. */
export function splitStatements(sql: string): string[] {
	return sql
		.split(/;\s*$/m)
		.map((s) =>
			s
				.split('\n')
				.filter((l) => !l.trim().startsWith('--'))
				.join('\n')
				.trim()
		)
		.filter((s) => s.length > 0);
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
	const names = (await readdir(dir)).filter((n) => /^\d{4}_[a-z0-9_]+\.sql$/.test(n)).sort();
	return Promise.all(
		names.map(async (name) => {
			const sql = await readFile(join(dir, name), 'utf8');
			return {
				name,
				checksum: createHash('sha256').update(sql).digest('hex'),
				statements: splitStatements(sql)
			};
		})
	);
}

/**
 * Applies the migrations not yet recorded, in order, and records each. Files are append-only:
 * a recorded migration whose file changed stops the start instead of drifting silently.
 */
export async function migrate(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
	await store.exec(
		`CREATE TABLE IF NOT EXISTS schema_migrations
		(name String, checksum String, appliedAt DateTime64(3, 'UTC') DEFAULT now64(3))
		ENGINE = MergeTree ORDER BY name`
	);
	const applied = new Map(
		(
			await store.query<{ name: string; checksum: string }>(
				'SELECT name, checksum FROM schema_migrations'
			)
		).map((r) => [r.name, r.checksum])
	);
	const done: string[] = [];
	for (const m of await loadMigrations(dir)) {
		const recorded = applied.get(m.name);
		if (recorded) {
			if (recorded !== m.checksum) {
				throw new StoreError(
					`migration ${m.name} was changed after it was applied; add a new file instead`
				);
			}
			continue;
		}
		for (const statement of m.statements) await store.exec(statement);
		await store.insert('schema_migrations', [{ name: m.name, checksum: m.checksum }]);
		done.push(m.name);
	}
	return done;
}
