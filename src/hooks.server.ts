import { json, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { claimsOf, userView } from '$lib/domain/accounts/account';
import { bodyLimitOf, DEFAULT_BODY_BYTES } from '$lib/domain/attachments';
import { CHANGE_PASSWORD_PATH, pageAccess } from '$lib/domain/auth/pages';
import { screenClaims } from '$lib/domain/command/screen-access';
import { accountServices, clearSessionCookie, sessionCookie } from '$lib/server/accounts/web';
import {
	REVOKED_MARK,
	resolveScreen,
	revokedMarkHeader,
	screenCookie,
	setScreenCookie
} from '$lib/server/screens/web';
import { config } from '$lib/server/config';
import { videoOrigin } from '$lib/server/video';
import { closeNats } from '$lib/server/nats';
import { countWrite } from '$lib/server/rate-limit';
import { cachePublicPages } from '$lib/server/public/page-cache';
import { sandboxEnabled } from '$lib/server/payments/configured';
import {
	contentSecurityPolicy,
	gatewayOrigins,
	securityHeaders
} from '$lib/server/security-headers';

// adapter-node emits this on SIGTERM/SIGINT once it stopped accepting requests; an open NATS
// connection would otherwise keep the process alive until it is killed.
process.on('sveltekit:shutdown', () => void closeNats());

/** A page that asks again every 10 s: no keyboard is needed when the service comes back. */
const UNAVAILABLE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="10"><title>服务暂不可用</title></head>
<body style="background:#020817;color:#e2e8f0;font:24px sans-serif;display:grid;place-items:center;height:100vh;margin:0">
<p>服务暂不可用，10 秒后自动重试。<br><small>Service unavailable; retrying in 10 s.</small></p></body></html>`;

/**
 * The server's own small pages (403, unavailable) style themselves inline: their policy allows
 * that and nothing else (the app's fallback policy would block the style, leaving a white page).
 */
const OWN_PAGE_POLICY = {
	'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"
};

/** Unexpected errors are logged with an id and answered without internals. */
export const handleError: HandleServerError = ({ error: err, event, status, message }) => {
	const errorId = crypto.randomUUID();
	if (status !== 404) {
		// A kiosk URL carries its secret: never into a log.
		const path = event.url.pathname.replace(/^\/kiosk\/[^/]+/, '/kiosk/…');
		console.error(`[web] ${errorId} ${event.request.method} ${path}:`, err);
	}
	return { message: status === 404 ? message : 'internal error', errorId };
};

const wantsJson = (event: RequestEvent) =>
	event.url.pathname.startsWith('/api/') ||
	!(event.request.headers.get('accept') ?? '').includes('text/html');

/**
 * The paths the page table judges: the one requested, the decoded one the router matches
 * (`/%61dmin` is `/admin`), and the matched route with its parameters filled in. A request
 * passes only if every one of them does.
 */
function judgedPaths(event: RequestEvent): string[] {
	const raw = event.url.pathname;
	const paths = new Set([raw]);
	try {
		paths.add(decodeURI(raw));
	} catch {
		// Malformed escapes: the router answers 400 itself.
	}
	if (event.route.id) {
		const filled = event.route.id
			.replace(/\/\([^)]+\)/g, '')
			.replace(
				/\[{1,2}(?:\.\.\.)?(\w+)(?:=\w+)?\]{1,2}/g,
				(_, name: string) => (event.params as Record<string, string | undefined>)[name] ?? ''
			);
		paths.add(filled || '/');
	}
	return [...paths];
}

/** Resolves the session once per request, then checks the page group before any route runs. */
const authorize: Handle = async ({ event, resolve }) => {
	event.locals.viewer = null;
	const cookie = event.cookies.get(sessionCookie(event.url).name);
	let sessionsDown = false;
	if (cookie) {
		// NATS down: public pages still answer (as anonymous); signed-in pages say so with a 503.
		const resumed = await accountServices()
			.then((services) => services.resume(cookie))
			.catch((e: unknown) => {
				console.error(`[web] sessions unavailable: ${(e as Error).message}`);
				sessionsDown = true;
				return null;
			});
		if (sessionsDown) {
			// Keep the cookie: the session is still valid once NATS is back.
		} else if (resumed) {
			event.locals.viewer = {
				user: userView(resumed.user),
				claims: claimsOf(resumed.user),
				sessionId: resumed.session.id,
				screen: null
			};
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	// No person signed in: a wall screen by its kiosk cookie, checked against the store (cached
	// for seconds), so a revoked screen is signed out at one of its next requests.
	let screenRevoked = false;
	const kiosk = event.locals.viewer ? undefined : event.cookies.get(screenCookie(event.url).name);
	if (kiosk === REVOKED_MARK) {
		screenRevoked = true;
	} else if (kiosk && !sessionsDown) {
		const screen = await resolveScreen(kiosk).catch((e: unknown) => {
			console.error(`[web] screens unavailable: ${(e as Error).message}`);
			sessionsDown = true;
			return undefined;
		});
		if (screen) {
			event.locals.viewer = { user: null, claims: screenClaims(screen), sessionId: null, screen };
			// Each page load renews the cookie's 400 days: a screen in use never loses it.
			if (!wantsJson(event)) setScreenCookie(event.cookies, event.url, kiosk);
		} else if (screen === null) {
			// The credential goes; the mark stays, so the screen's pages explain what happened.
			setScreenCookie(event.cookies, event.url, REVOKED_MARK);
			screenRevoked = true;
		}
	}
	const viewer = event.locals.viewer;
	// The sandbox payment provider switched off (PAYMENTS_SANDBOX=0): its pages are not there.
	if (event.url.pathname.startsWith('/pay/sandbox/') && !sandboxEnabled()) {
		return json({ error: 'not found' }, { status: 404 });
	}
	// A POS API call is counted per API key by its endpoint: a shop's POS behind one address
	// sends more than the anonymous limit allows.
	const posApi = event.url.pathname.startsWith('/api/pos/');
	if (!posApi && !['GET', 'HEAD', 'OPTIONS'].includes(event.request.method)) {
		const counted = countWrite(viewer?.sessionId ?? null, event.getClientAddress());
		if (!counted.allowed) {
			const seconds = Math.ceil(counted.retryAfterMs / 1000);
			return json(
				{ error: `too many requests; try again in ${seconds} s` },
				{ status: 429, headers: { 'retry-after': String(seconds) } }
			);
		}
	}
	const who = viewer && {
		claims: viewer.claims,
		mustChangePassword: viewer.user?.mustChangePassword ?? false
	};
	const decisions = judgedPaths(event).map((path) => pageAccess(path, who));
	const decision = decisions.find((d) => !d.allow) ?? decisions[0] ?? pageAccess('/', who);
	if (decision.allow) return resolve(event);
	if (sessionsDown) {
		if (wantsJson(event)) {
			return json({ error: 'sign-in service unavailable; try again shortly' }, { status: 503 });
		}
		// A wall that comes up before the backbone after a power cut must retry by itself.
		return new Response(UNAVAILABLE_PAGE, {
			status: 503,
			headers: {
				'content-type': 'text/html; charset=utf-8',
				'retry-after': '10',
				...OWN_PAGE_POLICY
			}
		});
	}
	// Answers, not throws: a thrown redirect or error would skip the security headers above.
	const api = wantsJson(event);
	if (decision.reason === 'sign_in' && screenRevoked) {
		const headers = { 'set-cookie': revokedMarkHeader(event.url) };
		if (api) return json({ error: 'screen no longer authorised' }, { status: 401, headers });
		return new Response(null, { status: 303, headers: { ...headers, location: '/kiosk/revoked' } });
	}
	if (decision.reason === 'sign_in') {
		if (api) return json({ error: 'sign in first' }, { status: 401 });
		const next = encodeURIComponent(event.url.pathname + event.url.search);
		return seeOther(`/login?next=${next}`);
	}
	if (decision.reason === 'change_password') {
		if (api) return json({ error: 'change your one-time password first' }, { status: 403 });
		return seeOther(CHANGE_PASSWORD_PATH);
	}
	if (api) return json({ error: 'not allowed' }, { status: 403 });
	return forbiddenPage();
};

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/** The 403 page says no more than that: not what is there, nor whether it exists. */
const forbiddenPage = () =>
	new Response(
		`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>无权访问</title>` +
			`<body style="font-family:sans-serif;background:#02060f;color:#e2e8f0;padding:48px">` +
			`<h1>无权访问 · 403</h1><p>您的账号无权查看此页面。Your account may not open this page.</p>` +
			`<p><a style="color:#7dd3fc" href="/">返回首页 · Home</a></p></body></html>`,
		{ status: 403, headers: { 'content-type': 'text/html; charset=utf-8', ...OWN_PAGE_POLICY } }
	);

const headers: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	// A response passed through from fetch has immutable headers: copy it first.
	try {
		response.headers.set('x-content-type-options', 'nosniff');
	} catch {
		response = new Response(response.body, response);
	}
	const { PUBLIC_GATEWAY_URL, API_PORT, EMBED_ORIGINS } = config();
	const gateway = PUBLIC_GATEWAY_URL ?? `${event.url.protocol}//${event.url.hostname}:${API_PORT}`;
	const video = videoOrigin(event.url);
	const { csp, frameOptions } = contentSecurityPolicy({
		pathname: event.url.pathname,
		kitPolicy: response.headers.get('content-security-policy'),
		// The video service's players are WebSockets (live, playback) and fetches (timelines).
		connectOrigins: [...gatewayOrigins(gateway), ...gatewayOrigins(video)],
		embedOrigins: EMBED_ORIGINS,
		videoOrigin: video
	});
	response.headers.set('content-security-policy', csp);
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	if (frameOptions) response.headers.set('x-frame-options', frameOptions);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/**
 * Bodies above their path's limit are refused before they are read. Upload forms are left to
 * their actions, which answer a form the person can correct (the photo's field marked).
 */
const limitBodies: Handle = async ({ event, resolve }) => {
	const limit = bodyLimitOf(event.url.pathname);
	const length = event.request.headers.get('content-length');
	const declared = Number(length ?? 0);
	// A body without a length (chunked) could run up to the adapter's raised limit: the forms
	// here are sent by browsers, which always give a length.
	const unsized = length === null && event.request.body !== null;
	if (limit === DEFAULT_BODY_BYTES && (declared > limit || unsized)) {
		// The body is left unread, so this connection cannot carry another request.
		return json(
			{ error: `request body over ${limit} bytes` },
			{ status: 413, headers: { connection: 'close' } }
		);
	}
	return resolve(event);
};

// Public shop pages first: a cached one is whole, headers included (see page-cache.ts).
export const handle = sequence(cachePublicPages, headers, limitBodies, authorize);
