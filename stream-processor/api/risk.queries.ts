import type { Store } from '../../clickhouse/store';
import { iso } from './read.queries';

/** How far back a merchant's grade history reaches on its page. */
const HISTORY_ROWS = 500;

export function riskQueries(store: Store) {
	return {
		/** A merchant's scores, newest first. */
		async riskHistory(merchantId: string) {
			const items = await store.query<{ score: number }>(
				`SELECT ${iso('scoredAt')} AS scoredAt, round(score, 1) AS score, grade,
				        settingsVersion, cause
				 FROM risk_scores FINAL WHERE merchantId = {merchantId:String}
				 ORDER BY risk_scores.scoredAt DESC LIMIT ${HISTORY_ROWS}`,
				{ merchantId }
			);
			return { items: items.map((r) => ({ ...r, score: Number(r.score) })) };
		},

		/** Every settings change: version, why, who and when (the settings are in the events). */
		async riskSettingsChanges() {
			return store.query<{ version: number; reason: string; actorId: string; at: string }>(
				`SELECT toUInt32(JSONExtractUInt(payload, 'settings', 'version')) AS version,
				        JSONExtractString(payload, 'reason') AS reason, actorId,
				        ${iso('occurredAt')} AS at
				 FROM events WHERE type = 'risk.settings.changed'
				 ORDER BY seq DESC LIMIT 200`
			);
		}
	};
}
export type RiskQueries = ReturnType<typeof riskQueries>;
