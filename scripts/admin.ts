import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { AccountError } from '../src/lib/server/accounts/accounts';
import { openAccountServices } from '../src/lib/server/accounts/open';

// `npm run admin -- <command> <username>`: the first admin, and a way back in when every admin
// password is lost. Talks to the running system's NATS (NATS_URL, or the launcher's default).

const usage = `usage: npm run admin -- <command> [options]
  create <username> [--name 显示名]   create an admin; prints a one-time password
  reset <username>                  new one-time password (ends the user's sessions)
  disable <username> [--reason …]   disable a user (ends their sessions)
  enable <username>                 enable a user again
  list                              list users
NATS: NATS_URL, else nats://127.0.0.1:\${NATS_PORT:-4222} (the one npm start runs)`;

async function main(): Promise<number> {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: { name: { type: 'string' }, reason: { type: 'string' }, help: { type: 'boolean' } }
	});
	const [command, username] = positionals;
	if (values.help || !command || (command !== 'list' && !username)) {
		console.log(usage);
		return values.help ? 0 : 2;
	}
	const url = process.env.NATS_URL ?? `nats://127.0.0.1:${process.env.NATS_PORT ?? 4222}`;
	const nc = await connect({ servers: url.split(','), timeout: 3_000 }).catch((e: unknown) => {
		throw new Error(
			`cannot reach NATS at ${url} (${(e as Error).message}); is the system running (npm start)?`
		);
	});
	const s = await openAccountServices(nc);
	const actor = { id: 'system', address: `cli@${hostname()}` };
	try {
		const name = username ?? '';
		switch (command) {
			case 'create': {
				const { user, oneTimePassword } = await s.accounts.create(
					{ username: name, displayName: values.name ?? name, access: { role: 'admin' } },
					actor
				);
				console.log(
					`created admin ${user.username}; one-time password (shown once):\n\n  ${oneTimePassword}\n`
				);
				console.log('Sign in with it; the system asks for a new password first.');
				break;
			}
			case 'reset':
				console.log(
					`one-time password for ${name} (shown once):\n\n  ${await s.accounts.resetPassword(name, actor)}\n`
				);
				break;
			case 'disable':
				await s.accounts.disable(name, values.reason ?? 'disabled from the command line', actor);
				console.log(`${name} disabled; their sessions ended`);
				break;
			case 'enable':
				await s.accounts.enable(name, actor);
				console.log(`${name} enabled`);
				break;
			case 'list':
				for (const u of s.directory.list()) {
					const scope = [...u.districts, ...u.merchants].join(',');
					console.log(
						`${u.username.padEnd(20)} ${u.role.padEnd(15)} ${u.disabled ? 'disabled' : 'active  '} ${scope}`
					);
				}
				break;
			default:
				console.log(usage);
				return 2;
		}
		return 0;
	} catch (e) {
		if (e instanceof AccountError) {
			console.error(`admin: ${e.message}`);
			return 1;
		}
		throw e;
	} finally {
		s.close();
		await nc.drain();
	}
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(`admin: ${(e as Error).message}`);
		process.exit(1);
	}
);
