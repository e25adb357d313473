import type { Store } from '../../clickhouse/store';
import { riskGrades, validateSettings, type RiskGrade } from '../../src/lib/domain/risk';
import type { RiskEngine } from './engine';

/**
 * At start: the settings in force (the newest risk.settings.changed in the store) and every
 * merchant's last stored grade, so the first rescore writes only what really changed.
 */
export async function loadRisk(store: Store, engine: RiskEngine): Promise<number> {
	const changes = await store.query<{ payload: string }>(
		`SELECT payload FROM events WHERE type = 'risk.settings.changed' ORDER BY seq`
	);
	for (const { payload } of changes) {
		const checked = validateSettings((JSON.parse(payload) as { settings?: unknown }).settings);
		if (checked.ok) engine.setSettings(checked.settings);
	}
	const rows = await store.query<{
		merchantId: string;
		score: number;
		grade: string;
		settingsVersion: number;
	}>(`SELECT merchantId, score, grade, settingsVersion FROM risk_current FINAL`);
	for (const r of rows) {
		const grade = riskGrades.find((g) => g === r.grade) as RiskGrade | undefined;
		if (!grade) continue;
		// Float32 in the store: back to the one decimal the model produces.
		const score = Math.round(Number(r.score) * 10) / 10;
		engine.remember(r.merchantId, { score, grade, settingsVersion: Number(r.settingsVersion) });
	}
	return rows.length;
}
