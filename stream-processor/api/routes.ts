import type { TemplatedApp } from 'uWebSockets.js';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { mayJoinRoom, mayRead, readScope, type ReadScope } from '../../src/lib/domain/auth/policy';
import type { LiveHub } from '../live/live-hub';
import { withPublicTicket, withTicket } from './auth';
import type { HealthMonitor } from './health';
import { get, HttpError, notFound, type ApiRequest, type OpenRoute, type Reply } from './http';
import {
	parseCreditCodes,
	parseDay,
	parseId,
	parseList,
	parseRoom,
	type ListQuery
} from './params';
import type { AlertQueries } from './alert.queries';
import { mountAlertRoutes } from './alert.routes';
import type { LedgerQueries } from './ledger.queries';
import type { ReadQueries } from './read.queries';
import type { RegistryQueries } from './registry.queries';
import { mountRegistryRoutes } from './registry.routes';
import type { RiskQueries } from './risk.queries';
import { mountRiskRoutes } from './risk.routes';
import type { RiskSettings } from '../../src/lib/domain/risk';
import type { InspectionQueries } from './inspections.queries';
import { mountInspectionRoutes } from './inspections.routes';
import { mountTaskRoutes, type TaskRouteDeps } from './task.routes';
import type { StockQueries } from './stock.queries';
import { mountStockRoutes } from './stock.routes';
import type { TraceQueries } from './trace.queries';
import type { RecallQueries } from './recall.queries';
import type { CatalogueQueries } from './catalogue.queries';
import { mountTraceRoutes } from './trace.routes';
import { mountCommandRoutes } from './command.routes';
import { mountCameraRoutes, type CameraRouteDeps } from './camera.routes';
import { mountOrderRoutes, type OrderRouteDeps } from './order.routes';
import { mountPublicRoutes, type PublicRouteDeps } from './public.routes';
import type { CommandOverview } from '../../src/lib/domain/command/overview';

export interface ReadApiDeps {
	queries: ReadQueries &
		RegistryQueries &
		LedgerQueries &
		RiskQueries &
		AlertQueries &
		InspectionQueries &
		StockQueries &
		TraceQueries &
		RecallQueries &
		CatalogueQueries;
	/** A merchant's risk now, with its factors (scored from the processor's state); null if unknown. */
	risk: (merchantId: string, districtId: string) => Promise<unknown>;
	/** The risk settings in force, how many merchants each version graded, how many wait. */
	riskStatus: () => { settings: RiskSettings; graded: Record<number, number>; pending: number };
	health: HealthMonitor;
	live: LiveHub;
	ticketSecret: string;
	/** Every district of the city: the `city` room is for those who hold all of them. */
	districtIds: readonly string[];
	log: (m: string) => void;
	/** The task centre's reads (tasks, candidates, draws). */
	tasks?: TaskRouteDeps;
	/** The command screen's overview of a scope (or one district of it). */
	overview?: (scope: ReadScope, district: string | undefined) => Promise<CommandOverview>;
	/** 明厨亮灶 cameras from the processor's state. */
	cameras?: CameraRouteDeps;
	/** 扫码点餐: the public menu and orders, the shop's table orders and lots. */
	orders?: OrderRouteDeps;
	/** The public platform's reads (`/public/*`, no viewer: the web server's public-read ticket). */
	publicShops?: PublicRouteDeps;
}

/**
 * The read API: the only reader of the embedded store. Every `/api/*` call needs a ticket, and
 * what it answers is cut to the ticket's scope on the server; a district outside it is a 403,
 * a merchant outside it a 404 (whether it exists is not disclosed). `/public/*` answers only the
 * web server (a public-read ticket). `/healthz` is open.
 */
export function mountReadApi(app: TemplatedApp, deps: ReadApiDeps): void {
	const { queries, health, live, log } = deps;
	const route = (
		pattern: string,
		paramCount: number,
		handler: (req: ApiRequest, claims: TicketClaims) => Promise<Reply>
	) => get(app, pattern, paramCount, withTicket(deps.ticketSecret, handler), log);
	const open: OpenRoute = (pattern, paramCount, handler) =>
		get(app, pattern, paramCount, withPublicTicket(deps.ticketSecret, handler), log);
	/** The list query, its district checked against the scope. */
	const scopedList = (
		req: ApiRequest,
		claims: TicketClaims
	): ListQuery & { scope: ReturnType<typeof readScope> } => {
		const q = parseList(req.query);
		const scope = readScope(claims);
		if (q.district && !scope.all && !scope.districts.includes(q.district)) {
			throw new HttpError(403, 'district outside your jurisdiction');
		}
		return { ...q, scope };
	};
	const room = (req: ApiRequest, claims: TicketClaims) => {
		const name = parseRoom(req.query);
		if (!mayJoinRoom(claims, name, deps.districtIds)) {
			throw new HttpError(403, 'room outside your jurisdiction');
		}
		return name;
	};

	get(
		app,
		'/healthz',
		0,
		async () => {
			const h = health.current();
			return { status: h.status === 'ok' ? 200 : 503, body: h };
		},
		log
	);
	/** A list endpoint: the query checked and scoped, then answered. */
	const list = (pattern: string, answer: (q: ReturnType<typeof scopedList>) => Promise<unknown>) =>
		route(pattern, 0, async (req, claims) => ({
			status: 200,
			body: await answer(scopedList(req, claims))
		}));
	list('/api/merchants', (q) => queries.merchants(q));
	list('/api/merchants/points', (q) => queries.merchantPoints(q));
	list('/api/events', (q) => queries.events(q));
	mountAlertRoutes(route, queries);
	route('/api/merchants/:id', 1, async (req, claims) => {
		const id = parseId(req.params[0]);
		const m = await queries.merchant(id, readScope(claims));
		if (!m) {
			throw new HttpError(404, `no merchant ${id}`);
		}
		return { status: 200, body: m };
	});
	/** A merchant-scoped path: outside the scope it is a 404, like a merchant that is not there. */
	const merchantRoute = (
		pattern: string,
		answer: (id: string, req: ApiRequest, districtId: string) => Promise<unknown>
	) =>
		route(pattern, 1, async (req, claims) => {
			const id = parseId(req.params[0]);
			const districtId = await queries.merchantInScope(id, readScope(claims));
			if (!districtId) throw new HttpError(404, `no merchant ${id}`);
			return { status: 200, body: await answer(id, req, districtId) };
		});
	merchantRoute('/api/merchants/:id/staff', (id) => queries.staff(id));
	merchantRoute('/api/merchants/:id/ledger-day', (id, req) =>
		queries.ledgerDay(id, parseDay(req.query))
	);
	mountRegistryRoutes(route, merchantRoute, queries);
	mountRiskRoutes(route, merchantRoute, queries, deps.riskStatus);
	mountInspectionRoutes(route, queries);
	mountStockRoutes(route, queries);
	mountTraceRoutes(route, merchantRoute, queries);
	merchantRoute('/api/merchants/:id/risk', async (id, _req, districtId) => {
		const r = await deps.risk(id, districtId);
		if (!r) throw new HttpError(404, `no merchant ${id}`);
		return r;
	});
	/**
	 * For the registry import: which of these credit codes are registered. Those in the scope come
	 * with their ids; of the others only the code is told (the importer must not register them
	 * twice). For those who may change the registry only.
	 */
	route('/api/credit-codes', 0, async (req, claims) => {
		if (claims.role !== 'admin' && claims.role !== 'supervisor') {
			throw new HttpError(403, 'for regulators');
		}
		const codes = parseCreditCodes(req.query);
		const scope = readScope(claims);
		const found = await queries.merchantsByCreditCode(codes);
		const visible = found.merchants.filter((m) => mayRead(scope, { ...m, merchantId: m.id }));
		const ids = new Set(visible.map((m) => m.id));
		return {
			status: 200,
			body: {
				items: visible.map((m) => ({
					...m,
					licences: found.licences.filter((l) => l.merchantId === m.id),
					staff: found.staff.filter((s) => s.merchantId === m.id)
				})),
				elsewhere: [
					...new Set(found.merchants.filter((m) => !ids.has(m.id)).map((m) => m.creditCode))
				]
			}
		};
	});
	route('/api/stats', 0, async (_req, claims) => {
		if (claims.role !== 'admin') throw new HttpError(403, 'for admins');
		return { status: 200, body: await queries.stats() };
	});
	route('/api/counts', 0, async (req, claims) => ({
		status: 200,
		body: live.snapshot(room(req, claims)).totals
	}));
	route('/api/snapshot', 0, async (req, claims) => ({
		status: 200,
		body: live.snapshot(room(req, claims))
	}));
	if (deps.tasks) mountTaskRoutes(route, deps.tasks);
	if (deps.overview) mountCommandRoutes(route, deps.overview);
	if (deps.cameras) mountCameraRoutes(open, route, merchantRoute, deps.cameras);
	if (deps.orders) mountOrderRoutes(open, merchantRoute, deps.orders);
	if (deps.publicShops) mountPublicRoutes(open, deps.publicShops);
	notFound(app);
}
