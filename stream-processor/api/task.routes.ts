import type { JetStreamClient } from '@nats-io/jetstream';
import { z } from 'zod';
import { mayRead } from '../../src/lib/domain/auth/policy';
import { districtId } from '../../src/lib/domain/ids';
import { readDraw } from '../../src/lib/server/backbone/draws';
import { listTasks, taskQuery, viewOf, type TaskReadDeps } from '../tasks/task.queries';
import { HttpError, type Route } from './http';
import { inDistricts, parseId, parseQuery, regulatorScope } from './params';

export interface TaskRouteDeps extends TaskReadDeps {
	merchants: () => Iterable<import('../state/merchant-state').MerchantRecord>;
	js: JetStreamClient;
}

/**
 * The task centre's reads, for regulators (supervisors and inspectors of the district, admins):
 * a merchant never sees the visits planned for it (random inspections are unannounced).
 */
export function mountTaskRoutes(route: Route, deps: TaskRouteDeps): void {
	const regulator = regulatorScope;

	route('/api/tasks', 0, async (req, claims) => {
		const scope = regulator(claims);
		const q = parseQuery(taskQuery, req.query);
		if (q.district) inDistricts(scope, [q.district]);
		return { status: 200, body: listTasks(deps, q, scope, Date.now()) };
	});
	/**
	 * The merchants tasks can be made for, with their grade: the plans' and draws' candidates and
	 * the new-task form's choice. `?district=` one or more (comma-separated) of the scope's.
	 */
	route('/api/tasks/candidates', 0, async (req, claims) => {
		const scope = regulator(claims);
		const { district } = parseQuery(
			z.object({
				district: z
					.string()
					.transform((s) => s.split(','))
					.pipe(z.array(districtId).min(1).max(20))
			}),
			req.query
		);
		inDistricts(scope, district);
		const items = [];
		for (const m of deps.merchants()) {
			if (!m.registered || !district.includes(m.districtId)) continue;
			items.push({
				merchantId: m.id,
				districtId: m.districtId,
				name: m.name,
				businessType: m.businessType,
				status: m.status,
				grade: deps.grade(m)
			});
		}
		items.sort((a, b) => (a.merchantId < b.merchantId ? -1 : 1));
		return { status: 200, body: { items } };
	});
	route('/api/tasks/:id', 1, async (req, claims) => {
		const scope = regulator(claims);
		const t = deps.tasks.get(parseId(req.params[0]));
		if (!t || !mayRead(scope, t)) throw new HttpError(404, 'no such task');
		return { status: 200, body: viewOf(t, deps, Date.now()) };
	});
	route('/api/draws/:id', 1, async (req, claims) => {
		const scope = regulator(claims);
		const d = await readDraw(deps.js, parseId(req.params[0]));
		if (!d || !d.districtIds.some((id) => scope.all || scope.districts.includes(id))) {
			throw new HttpError(404, 'no such draw');
		}
		return { status: 200, body: d };
	});
}
