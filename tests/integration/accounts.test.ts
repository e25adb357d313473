import { spawn } from 'node:child_process';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountServices, type AccountServices } from '../../src/lib/server/accounts/open';
import { AccountError } from '../../src/lib/server/accounts/accounts';
import { startNats, type TestNats } from '../helpers/nats-server';

let nats: TestNats;
let nc: NatsConnection;
let s: AccountServices;
const admin = { id: 'system', address: 'test' };
const from = (address: string) => ({ address, userAgent: 'vitest' });

beforeAll(async () => {
	nats = await startNats();
	nc = await connect({ servers: nats.url });
	s = await openAccountServices(nc, { log: () => {} });
});
afterAll(async () => {
	s?.close();
	await nc?.drain();
	await nats?.stop();
});

const signIn = (username: string, password: string, address = '10.0.0.1') =>
	s.signIn.signIn({ username, password, ...from(address) });

describe('accounts', () => {
	it('accounts - a user is created once; the one-time password must be changed', async () => {
		const { user, oneTimePassword } = await s.accounts.create(
			{
				username: 'Lixia-Sup',
				displayName: '王<b>小</b>明',
				access: { role: 'supervisor', districts: ['370102'] }
			},
			admin
		);
		expect(user).toMatchObject({
			username: 'lixia-sup',
			mustChangePassword: true,
			sessionEpoch: 0
		});
		expect(user.displayName).toBe('王<b>小</b>明');
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
		await expect(
			s.accounts.create(
				{ username: 'lixia-sup', displayName: 'x', access: { role: 'admin' } },
				admin
			)
		).rejects.toMatchObject({ code: 'exists' });
		const r = await signIn('LIXIA-sup', oneTimePassword as string);
		expect(r.ok && r.user.mustChangePassword).toBe(true);
	});

	it('accounts - a second process sees the same directory; a stale writer loses', async () => {
		const other = await openAccountServices(nc, { log: () => {} });
		expect(other.directory.get('lixia-sup')?.role).toBe('supervisor');
		// `other` stops folding, so its idea of the user's last change goes stale.
		other.close();
		await s.accounts.rename('lixia-sup', '王明', admin);
		await expect(other.accounts.rename('lixia-sup', '王大明', admin)).rejects.toMatchObject({
			code: 'conflict'
		});
		expect(s.directory.get('lixia-sup')?.displayName).toBe('王明');
	});

	it('accounts - the first admin from the command line gets a one-time password', async () => {
		const run = (...args: string[]) =>
			new Promise<{ code: number | null; out: string }>((resolve) => {
				const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
					env: { ...process.env, NATS_URL: nats.url }
				});
				let out = '';
				child.stdout.on('data', (d: Buffer) => (out += d.toString()));
				child.stderr.on('data', (d: Buffer) => (out += d.toString()));
				child.on('exit', (code) => resolve({ code, out }));
			});
		const created = await run('create', 'chief', '--name', '局长');
		expect(created.code).toBe(0);
		const otp = /^ {2}([A-Za-z2-9]{16})$/m.exec(created.out)?.[1];
		expect(otp).toBeDefined();
		await expect.poll(() => s.directory.get('chief')?.role).toBe('admin');
		const r = await signIn('chief', otp as string, '10.9.0.1');
		expect(r.ok && r.user.mustChangePassword).toBe(true);
		const again = await run('create', 'chief');
		expect(again.code).toBe(1);
		expect(again.out).toContain('chief exists');
	});

	it('accounts - bad input is refused with the field named, nothing written', async () => {
		const bad = [
			{ username: 'a', displayName: 'x', access: { role: 'admin' } },
			{ username: 'x"; DROP TABLE', displayName: 'x', access: { role: 'admin' } },
			{ username: 'okname', displayName: 'x', access: { role: 'root' } },
			{ username: 'okname', displayName: 'x', access: { role: 'supervisor', districts: [] } },
			{
				username: 'okname',
				displayName: 'x',
				access: { role: 'supervisor', districts: ['110101'] }
			},
			{
				username: 'okname',
				displayName: 'x',
				access: { role: 'merchant_owner', districts: ['370102'] }
			},
			{ username: 'okname', displayName: 'x'.repeat(41), access: { role: 'admin' } },
			{ username: 'okname', displayName: 'x', access: { role: 'admin' }, password: 'short' },
			{
				username: 'okname',
				displayName: 'x',
				access: { role: 'admin' },
				password: 'okname-is-in-it'
			}
		];
		for (const input of bad) {
			const err = await s.accounts.create(input, admin).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(AccountError);
			expect((err as AccountError).code).toBe('invalid');
		}
		expect(s.directory.get('okname')).toBeUndefined();
	});
});

describe('sign-in', () => {
	beforeAll(async () => {
		await s.accounts.create(
			{
				username: 'owner1',
				displayName: '店主',
				access: { role: 'merchant_owner', merchants: ['m1', 'm2'] },
				password: 'correct horse 1'
			},
			admin
		);
	});

	it('sign-in - unknown user, wrong password and disabled user get the same answer', async () => {
		await s.accounts.create(
			{
				username: 'gone',
				displayName: '离职',
				access: { role: 'admin' },
				password: 'long enough 123'
			},
			admin
		);
		await s.accounts.disable('gone', '离职', admin);
		const answers = await Promise.all([
			signIn('nobody', 'whatever123', '10.1.0.1'),
			signIn('owner1', 'wrong password', '10.1.0.2'),
			signIn('gone', 'long enough 123', '10.1.0.3')
		]);
		for (const a of answers) expect(a).toEqual({ ok: false, reason: 'refused' });
	});

	it('sign-in - five failures lock the account (even from new addresses), for unknown names too', async () => {
		for (const name of ['owner1', 'ghost-user']) {
			for (let i = 0; i < 5; i++) {
				expect((await signIn(name, `guess ${i}`, `10.2.${i}.1`)).ok).toBe(false);
			}
			const locked = await signIn(name, 'correct horse 1', '10.2.9.9');
			expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
			expect(
				locked.ok === false && locked.reason === 'throttled' && locked.retryAfterMs
			).toBeGreaterThan(50_000);
		}
	});

	it('sign-in - fifty failures from one address lock that address for every account', async () => {
		for (let i = 0; i < 50; i++) await signIn(`spray${i}`, 'x', '10.3.0.1');
		expect(await signIn('lixia-sup', 'anything', '10.3.0.1')).toMatchObject({
			reason: 'throttled'
		});
		expect((await signIn('spray0', 'x', '10.3.0.2')).ok).toBe(false);
	});

	it('sign-in - parallel guesses cannot pass the lock before it is counted', async () => {
		await s.accounts.create(
			{
				username: 'target',
				displayName: '目标',
				access: { role: 'admin' },
				password: 'hit me with 1 guess'
			},
			admin
		);
		const answers = await Promise.all(
			Array.from({ length: 25 }, (_, i) => signIn('target', `guess ${i}`, `10.6.${i}.1`))
		);
		const refused = answers.filter((a) => !a.ok && a.reason === 'refused').length;
		// Five free tries; every other one was throttled before its password was checked.
		expect(refused).toBeLessThanOrEqual(5);
		expect(answers.filter((a) => !a.ok && a.reason === 'throttled').length).toBe(25 - refused);
	});

	it('sessions - a request renewing a session cannot bring it back after sign-out', async () => {
		const short = await openAccountServices(nc, {
			limits: { idleMs: 60 * 60_000, maxMs: 12 * 60 * 60_000 },
			log: () => {}
		});
		try {
			await s.accounts.create(
				{
					username: 'racer',
					displayName: '并发',
					access: { role: 'admin' },
					password: 'quick as a fox 9'
				},
				admin
			);
			const r = await short.signIn.signIn({
				username: 'racer',
				password: 'quick as a fox 9',
				...from('10.7.0.1')
			});
			if (!r.ok) throw new Error('sign-in failed');
			// Two minutes later a request renews the session while another signs out.
			const later = Date.now() + 120_000;
			await Promise.all([
				short.sessions.resume(r.cookie, later),
				short.signIn.signOut('racer', r.sessionId, '10.7.0.1')
			]);
			expect(await short.resume(r.cookie)).toBeNull();
		} finally {
			short.close();
		}
	});

	it('sessions - disabling a user or changing a password ends their sessions at once', async () => {
		await s.accounts.create(
			{
				username: 'insp1',
				displayName: '检查员',
				access: { role: 'inspector', districts: ['370102'] },
				password: 'first password 1'
			},
			admin
		);
		const a = await signIn('insp1', 'first password 1', '10.4.0.1');
		const b = await signIn('insp1', 'first password 1', '10.4.0.2');
		if (!a.ok || !b.ok) throw new Error('sign-in failed');
		expect((await s.resume(a.cookie))?.user.username).toBe('insp1');
		expect(await s.sessions.count('insp1')).toBe(2);

		await s.accounts.changePassword('insp1', 'first password 1', 'second password 2', {
			id: 'insp1'
		});
		expect(await s.resume(a.cookie)).toBeNull();
		expect(await s.resume(b.cookie)).toBeNull();
		expect(await s.sessions.count('insp1')).toBe(0);
		expect((await signIn('insp1', 'first password 1', '10.4.0.3')).ok).toBe(false);
		const c = await signIn('insp1', 'second password 2', '10.4.0.3');
		if (!c.ok) throw new Error('sign-in with the new password failed');
		expect(await s.resume(c.cookie)).not.toBeNull();

		await s.accounts.disable('insp1', '调岗', admin);
		expect(await s.resume(c.cookie)).toBeNull();
		await s.accounts.enable('insp1', admin);
		// Enabling again does not bring an ended session back.
		expect(await s.resume(c.cookie)).toBeNull();
	});

	it('sessions - a forged or tampered cookie resumes nothing', async () => {
		const r = await signIn('owner1', 'correct horse 1', '10.5.0.1');
		// owner1 was locked above; the lock is per account, so this is refused.
		expect(r.ok).toBe(false);
		const fresh = await s.accounts.create(
			{
				username: 'staff1',
				displayName: '员工',
				access: { role: 'merchant_staff', merchants: ['m1'] },
				password: 'staff password 1'
			},
			admin
		);
		expect(fresh.user.role).toBe('merchant_staff');
		const ok = await signIn('staff1', 'staff password 1', '10.5.0.2');
		if (!ok.ok) throw new Error('sign-in failed');
		const [, token] = ok.cookie.split('.');
		for (const cookie of [
			`owner1.${token}`,
			`staff1.${'A'.repeat(43)}`,
			`staff1.${token}x`,
			'',
			'garbage',
			`../../etc.${token}`
		]) {
			expect(await s.resume(cookie)).toBeNull();
		}
		expect((await s.resume(ok.cookie))?.user.username).toBe('staff1');
	});
});
