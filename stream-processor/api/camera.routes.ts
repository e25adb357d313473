import { z } from 'zod';
import { mayRead } from '../../src/lib/domain/auth/policy';
import { districtId } from '../../src/lib/domain/ids';
import {
	byTree,
	listItemOf,
	publicCamerasOf,
	type CameraList,
	type PublicKitchen
} from '../../src/lib/domain/video/camera-list';
import type { MerchantRecord } from '../state/merchant-state';
import { HttpError, type OpenRoute } from './http';
import { inDistricts, parseId, parseQuery, regulatorScope } from './params';
import type { MerchantRoute, Route } from './registry.routes';

/** The cameras as the processor holds them (its per-merchant state: no store read). */
export interface CameraRouteDeps {
	merchants: () => Iterable<MerchantRecord>;
	merchant: (id: string) => MerchantRecord | undefined;
}

const camerasQuery = z.object({
	district: districtId.optional(),
	status: z.enum(['online', 'offline']).optional()
});

/**
 * 明厨亮灶 camera reads. Every answer is the browser view of a camera (`cameraView`): never its
 * source address, which may hold the camera's password.
 * - `/api/cameras`: regulators (and screens) over their districts, for the video wall's tree.
 * - `/api/merchants/:id/cameras`: whoever may read the merchant (its regulators, its people).
 * - `/public/merchants/:id/kitchen`: no viewer (the web server's public-read ticket); the shop's public cameras only (name, area,
 *   status), for the shop's public page.
 */
export function mountCameraRoutes(
	open: OpenRoute,
	route: Route,
	merchantRoute: MerchantRoute,
	deps: CameraRouteDeps
): void {
	route('/api/cameras', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const q = parseQuery(camerasQuery, req.query);
		inDistricts(scope, [q.district]);
		const items: CameraList['items'] = [];
		for (const m of deps.merchants()) {
			if (m.cameras.size === 0) continue;
			if (q.district && m.districtId !== q.district) continue;
			if (!mayRead(scope, { merchantId: m.id, districtId: m.districtId })) continue;
			for (const c of m.cameras.values()) {
				if (q.status && c.status !== q.status) continue;
				items.push(listItemOf(c, m.name));
			}
		}
		return { status: 200, body: { items: items.sort(byTree) } satisfies CameraList };
	});
	merchantRoute('/api/merchants/:id/cameras', async (id) => {
		const m = deps.merchant(id);
		const items = m ? [...m.cameras.values()].map((c) => listItemOf(c, m.name)) : [];
		return { items: items.sort(byTree) } satisfies CameraList;
	});
	open('/public/merchants/:id/kitchen', 1, async (req) => {
		const id = parseId(req.params[0]);
		const m = deps.merchant(id);
		if (!m?.registered) throw new HttpError(404, `no merchant ${id}`);
		const body: PublicKitchen = {
			merchant: { id: m.id, name: m.name },
			cameras: publicCamerasOf(m.cameras.values())
		};
		return { status: 200, body };
	});
}
