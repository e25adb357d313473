import type uWS from 'uWebSockets.js';

/**
 * Listens on the port alone. uWebSockets shares a port by default (SO_REUSEPORT): a second
 * processor started on a taken port would quietly take half its requests, and a test's web
 * server could find its port answered by another test's processor. Exclusive, the second one
 * fails to start with a clear error.
 */
export function listenExclusive(
	app: uWS.TemplatedApp,
	host: string,
	port: number
): Promise<uWS.us_listen_socket> {
	return new Promise((resolve, reject) => {
		// The runtime takes (host, port, options, cb); the published types miss that overload.
		const listen = app.listen as unknown as (
			host: string,
			port: number,
			options: number,
			cb: (socket: uWS.us_listen_socket | false) => void
		) => void;
		listen.call(app, host, port, LISTEN_EXCLUSIVE_PORT, (socket) => {
			if (socket) resolve(socket);
			else reject(new Error(`cannot listen on ${host}:${port} (port taken?)`));
		});
	});
}

/** ListenOptions.LIBUS_LISTEN_EXCLUSIVE_PORT (a const enum in the types, absent at run time). */
const LISTEN_EXCLUSIVE_PORT = 1;
