import type { RiskSettings } from '../../src/lib/domain/risk';
import { HttpError } from './http';
import type { MerchantRoute, Route } from './registry.routes';
import type { RiskQueries } from './risk.queries';

/**
 * Risk reads: a merchant's grade history (whoever may read the merchant), and the settings in
 * force with their changes (regulators: the weights are how they are judged, not a secret, but
 * not the merchants' business either).
 */
export function mountRiskRoutes(
	route: Route,
	merchantRoute: MerchantRoute,
	queries: RiskQueries,
	status: () => { settings: RiskSettings; graded: Record<number, number>; pending: number }
): void {
	merchantRoute('/api/merchants/:id/risk/history', (id) => queries.riskHistory(id));
	route('/api/risk/settings', 0, async (_req, claims) => {
		if (claims.role === 'merchant_owner' || claims.role === 'merchant_staff') {
			throw new HttpError(403, 'for regulators');
		}
		const { settings, graded, pending } = status();
		return {
			status: 200,
			body: { current: settings, graded, pending, changes: await queries.riskSettingsChanges() }
		};
	});
}
