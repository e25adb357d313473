import type { Role, TicketClaims } from './claims';

/**
 * Who may open which part of the web app, by path: one table, checked by the server's hook for
 * every request before any page or endpoint runs. A path in no group needs a signed-in user
 * (deny by default for the anonymous); the routes' own loads add finer checks on top.
 */
/** `signed_in`: any signed-in person (not a screen). */
export type Audience = 'anyone' | 'signed_in' | readonly Role[];

export interface PageGroup {
	name: string;
	prefix: string;
	audience: Audience;
	/** The path segment after the prefix is a merchant id that must be in the viewer's scope. */
	merchantScoped?: boolean;
}

const regulators = ['admin', 'supervisor'] as const;
const merchantPeople = ['merchant_owner', 'merchant_staff'] as const;

export const pageGroups: readonly PageGroup[] = [
	{ name: 'assets', prefix: '/_app', audience: 'anyone' },
	{ name: 'assets', prefix: '/favicon.svg', audience: 'anyone' },
	{ name: 'health', prefix: '/healthz', audience: 'anyone' },
	{ name: 'sign-in', prefix: '/login', audience: 'anyone' },
	{ name: 'sign-in', prefix: '/logout', audience: 'anyone' },
	{ name: 'public', prefix: '/p', audience: 'anyone' },
	{ name: 'embed', prefix: '/embed', audience: 'anyone' },
	// The sandbox payment provider's page and callback (扫码点餐): diners do not sign in; the
	// signatures are the check.
	{ name: 'pay', prefix: '/pay', audience: 'anyone' },
	// 开放数据: the read-only public API (public fields only, rate-limited per address).
	{ name: 'open-data', prefix: '/open', audience: 'anyone' },
	// A wall screen signs in by its kiosk URL (the token is the credential) and lands on the
	// revoked page once its token is withdrawn: both open to anyone.
	{ name: 'kiosk', prefix: '/kiosk', audience: 'anyone' },
	// Real POS systems send their sales with a merchant API key, not a session: the endpoint
	// checks the key (and limits each key's rate) before anything else.
	{ name: 'pos', prefix: '/api/pos', audience: 'anyone' },
	{ name: 'account', prefix: '/account', audience: 'signed_in' },
	{ name: 'admin', prefix: '/admin', audience: ['admin'] },
	// The wall is the one place a screen may open (read-only; the routes check again).
	{ name: 'wall', prefix: '/command', audience: [...regulators, 'screen'] },
	{ name: 'wall', prefix: '/api/command', audience: [...regulators, 'screen'] },
	{ name: 'inspect', prefix: '/inspect', audience: ['inspector'] },
	// 视频监管: the regulators' video wall (inspectors watch their districts too). The video
	// service checks every camera again against the ticket.
	{ name: 'video', prefix: '/video', audience: [...regulators, 'inspector'] },
	// A ticket for the video service: for anyone signed in who may watch something, and for a
	// screen (the wall's video strip). The public needs none: without a ticket the service
	// shows public cameras only.
	{
		name: 'video',
		prefix: '/api/video',
		audience: [...regulators, 'inspector', ...merchantPeople, 'screen']
	},
	// The registry and its ledgers: inspectors read their districts; changes are for regulators
	// (each action checks the role again).
	{ name: 'registry', prefix: '/registry', audience: [...regulators, 'inspector'] },
	// The alert centre: inspectors read their districts' alerts; lifecycle actions check the role
	// again (supervisors and admins act; an inspector verifies by visit through an inspection).
	{ name: 'alerts', prefix: '/alerts', audience: [...regulators, 'inspector'] },
	// The task centre (dispatch, plans, random draws) is the supervisors'; inspectors work their
	// tasks on /inspect.
	{ name: 'tasks', prefix: '/tasks', audience: regulators },
	// 追溯与召回: inspectors trace in their districts (read-only); supervisors open recalls (the
	// action checks the role again).
	{ name: 'recalls', prefix: '/recalls', audience: [...regulators, 'inspector'] },
	{ name: 'merchant', prefix: '/m', audience: merchantPeople, merchantScoped: true },
	// Photos of records: any signed-in person may ask; the route answers only those who may read
	// the record the photo belongs to, and a 404 to everyone else.
	{ name: 'attachments', prefix: '/attachments', audience: 'signed_in' }
];

export interface Viewer {
	claims: TicketClaims;
	mustChangePassword: boolean;
}

export type PageDecision =
	| { allow: true; group: string }
	| { allow: false; group: string; reason: 'sign_in' | 'forbidden' | 'change_password' };

/** The password page (and signing out) stay open to a user who must change a one-time password. */
export const CHANGE_PASSWORD_PATH = '/account/password';

function groupOf(pathname: string): PageGroup | undefined {
	return pageGroups.find((g) => pathname === g.prefix || pathname.startsWith(`${g.prefix}/`));
}

export function pageAccess(pathname: string, viewer: Viewer | null): PageDecision {
	if (pathname === '/') return { allow: true, group: 'landing' };
	const group = groupOf(pathname);
	const name = group?.name ?? 'other';
	const audience: Audience = group?.audience ?? 'signed_in';
	if (audience === 'anyone') return { allow: true, group: name };
	if (!viewer) return { allow: false, group: name, reason: 'sign_in' };
	if (viewer.mustChangePassword && pathname !== CHANGE_PASSWORD_PATH) {
		return { allow: false, group: name, reason: 'change_password' };
	}
	// `signed_in` means a signed-in person: a screen opens only groups that name it.
	const admitted =
		audience === 'signed_in'
			? viewer.claims.role !== 'screen'
			: audience.includes(viewer.claims.role);
	if (!admitted) return { allow: false, group: name, reason: 'forbidden' };
	if (group?.merchantScoped) {
		const merchantId = pathname.slice(group.prefix.length + 1).split('/')[0];
		if (merchantId && !viewer.claims.merchants.includes(merchantId)) {
			return { allow: false, group: name, reason: 'forbidden' };
		}
	}
	return { allow: true, group: name };
}

/** Where a user lands after signing in. */
export function homeOf(claims: TicketClaims): string {
	switch (claims.role) {
		case 'admin':
			return '/admin';
		case 'supervisor':
		case 'screen':
			return '/command';
		case 'inspector':
			return '/inspect';
		default:
			return claims.merchants.length === 1 ? `/m/${claims.merchants[0]}` : '/m';
	}
}

/**
 * Where to go after signing in: the page that asked for it when it is a path of this site the
 * user may open, else their home. Anything else (another origin, `//host`, `/\host`) is refused.
 */
export function landingAfterSignIn(next: string | null, viewer: Viewer): string {
	if (viewer.mustChangePassword) return CHANGE_PASSWORD_PATH;
	if (next && /^\/(?![/\\])[^\s]*$/.test(next)) {
		const path = next.split(/[?#]/)[0] ?? next;
		if (path !== '/' && pageAccess(path, viewer).allow) return next;
	}
	return homeOf(viewer.claims);
}
