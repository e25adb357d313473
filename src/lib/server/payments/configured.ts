import { createHmac } from 'node:crypto';
import { config } from '../config';
import { sandboxProvider, type SandboxProvider } from './sandbox';

let cached: SandboxProvider | undefined;

/**
 * The sandbox provider of this server. Its secret is derived from the ticket secret (one secret
 * fewer to configure; a different purpose string, so a payment signature is never a ticket's).
 */
export function sandboxPayments(): SandboxProvider {
	cached ??= sandboxProvider(
		createHmac('sha256', config().TICKET_SECRET).update('payments:sandbox').digest('hex')
	);
	return cached;
}

/** Whether the sandbox provider is switched on (PAYMENTS_SANDBOX); off, /pay/sandbox/* is a 404. */
export const sandboxEnabled = (): boolean => config().paymentsSandbox;
