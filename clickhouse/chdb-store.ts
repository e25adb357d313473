import { Session } from 'chdb';
import { insertSettings, StoreError, type Store } from './store';

/**
 * ClickHouse in-process. The data folder is locked by this process: only the stream processor
 * opens it, every other reader goes through its read API.
 */
export function openChdbStore(path: string): Store {
	let session: Session;
	try {
		session = new Session(path, {
			connectionArgs: ['--output_format_json_quote_64bit_integers=0']
		});
	} catch (cause) {
		throw new StoreError(`cannot open chDB at ${path}`, { cause });
	}
	const wrap = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (cause) {
			throw new StoreError(`chDB ${what} failed: ${(cause as Error).message}`, { cause });
		}
	};
	const insertLines = (table: string, lines: string) =>
		wrap(`insert into ${table}`, async () => {
			if (lines.length === 0) return;
			await session.insert({
				table,
				values: Buffer.from(lines),
				format: 'JSONEachRow',
				settings: insertSettings
			});
		});
	return {
		kind: 'chdb',
		query: <T>(sql: string, params: Record<string, unknown> = {}) =>
			wrap('query', async () => {
				const r = await session.queryBindAsync(sql, params, { format: 'JSONEachRow' });
				const text = r.text();
				if (!text) return [] as T[];
				return text
					.split('\n')
					.filter((l) => l.length > 0)
					.map((l) => JSON.parse(l) as T);
			}),
		exec: (sql, params = {}) =>
			wrap('statement', async () => {
				await session.queryBindAsync(sql, params);
			}),
		insert: (table, rows) => insertLines(table, rows.map((r) => JSON.stringify(r)).join('\n')),
		insertLines,
		ping: async () => {
			try {
				await session.queryAsync('SELECT 1');
				return true;
			} catch {
				return false;
			}
		},
		close: async () => {
			session.close();
		}
	};
}
