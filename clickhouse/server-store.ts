import { createClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { Readable } from 'node:stream';
import { insertSettings, StoreError, type Store } from './store';

export interface ServerStoreOptions {
	url: string;
	username?: string;
	password?: string;
	database?: string;
	/**
	 * A backend connection in place of HTTP. The tests pass chDB's (`chdb/connection`): the
	 * same client code then runs against a real engine where no ClickHouse server is installed.
	 */
	connection?: ClickHouseClientConfigOptions['connection'];
}

/** A ClickHouse server over HTTP, for scale-out (CLICKHOUSE_URL). */
export function openServerStore(options: ServerStoreOptions): Store {
	const client = createClient({
		url: options.url,
		username: options.username,
		password: options.password,
		database: options.database,
		...(options.connection ? { connection: options.connection } : {}),
		clickhouse_settings: { output_format_json_quote_64bit_integers: 0 }
	});
	const wrap = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (cause) {
			throw new StoreError(`ClickHouse ${what} failed: ${(cause as Error).message}`, { cause });
		}
	};
	return {
		kind: 'server',
		query: <T>(sql: string, params: Record<string, unknown> = {}) =>
			wrap('query', async () => {
				const rs = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
				return rs.json<T>();
			}),
		exec: (sql, params = {}) =>
			wrap('statement', async () => {
				await client.command({ query: sql, query_params: params });
			}),
		insert: (table, rows) =>
			wrap(`insert into ${table}`, async () => {
				if (rows.length === 0) return;
				await client.insert({
					table,
					values: rows as Record<string, unknown>[],
					format: 'JSONEachRow',
					clickhouse_settings: insertSettings
				});
			}),
		insertLines: (table, lines) =>
			wrap(`insert into ${table}`, async () => {
				if (lines.length === 0) return;
				// Already JSONEachRow text: sent as the body of a plain INSERT, not re-encoded.
				const result = await client.exec({
					query: `INSERT INTO ${table} FORMAT JSONEachRow`,
					values: Readable.from(Buffer.from(lines), { objectMode: false }),
					clickhouse_settings: insertSettings
				});
				result.stream.resume();
			}),
		ping: async () => (await client.ping()).success,
		close: () => client.close()
	};
}
