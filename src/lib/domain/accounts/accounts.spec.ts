import { describe, expect, it } from 'vitest';
import { access, username, type User } from './account';
import { accountEvent, redactAccountEvent, type AccountEvent } from './account-events';
import { applyAccountEvent } from './directory';
import { passwordProblem } from './password-policy';
import { accountThrottle, recordFailure, throttleWait } from './throttle';

const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
let n = 0;
const ev = (type: string, payload: unknown, who = 'wang'): AccountEvent =>
	accountEvent.parse({
		id: `0190f3a0-0000-7000-8000-${String(++n).padStart(12, '0')}`,
		type,
		v: 1,
		at: `2026-11-28T08:00:${String(n % 60).padStart(2, '0')}.000Z`,
		username: who,
		actor: { id: 'admin', address: '10.0.0.1' },
		payload
	}) as AccountEvent;

describe('accounts', () => {
	it('accounts - usernames are lowercased and safe as subject tokens', () => {
		expect(username.parse(' Wang_01 ')).toBe('wang_01');
		for (const bad of ['ab', 'a.b.c', 'a b', '-lead', 'x>', '王五', 'a'.repeat(33)]) {
			expect(username.safeParse(bad).success).toBe(false);
		}
	});

	it('accounts - scope must fit the role', () => {
		expect(access.parse({ role: 'supervisor', districts: ['370103', '370102', '370102'] })).toEqual(
			{
				role: 'supervisor',
				districts: ['370102', '370103'],
				merchants: []
			}
		);
		const bad = [
			{ role: 'supervisor' },
			{ role: 'inspector', districts: ['999999'] },
			{ role: 'merchant_owner' },
			{ role: 'merchant_staff', merchants: ['m1'], districts: ['370102'] },
			{ role: 'admin', merchants: ['m1'] },
			{ role: 'superuser' }
		];
		for (const b of bad) expect(access.safeParse(b).success, JSON.stringify(b)).toBe(false);
	});

	it('accounts - the directory folds changes; revoking changes move the session epoch', () => {
		const users = new Map<string, User>();
		const created = {
			displayName: '王五',
			access: { role: 'inspector', districts: ['370102'], merchants: [] },
			passwordHash: hash,
			mustChangePassword: true
		};
		applyAccountEvent(users, ev('user.created', created));
		applyAccountEvent(users, ev('user.created', { ...created, displayName: 'second' }));
		expect(users.get('wang')).toMatchObject({ displayName: '王五', sessionEpoch: 0 });
		applyAccountEvent(users, ev('user.renamed', { displayName: '王小五' }));
		expect(users.get('wang')?.sessionEpoch).toBe(0);
		applyAccountEvent(
			users,
			ev('user.password_changed', { passwordHash: hash, mustChangePassword: false })
		);
		applyAccountEvent(
			users,
			ev('user.access_changed', { access: { role: 'supervisor', districts: ['370103'] } })
		);
		applyAccountEvent(users, ev('user.disabled', { reason: '调岗' }));
		expect(users.get('wang')).toMatchObject({
			displayName: '王小五',
			role: 'supervisor',
			districts: ['370103'],
			disabled: true,
			mustChangePassword: false,
			sessionEpoch: 3
		});
		applyAccountEvent(users, ev('user.enabled', {}));
		applyAccountEvent(users, ev('user.signed_in', { session: 'abc' }));
		expect(users.get('wang')).toMatchObject({ disabled: false, sessionEpoch: 3 });
		applyAccountEvent(users, ev('user.disabled', { reason: 'x' }, 'nobody'));
		expect(users.has('nobody')).toBe(false);
	});

	it('accounts - the audit view never carries a password hash', () => {
		const e = ev('user.password_changed', { passwordHash: hash, mustChangePassword: true });
		expect(JSON.stringify(redactAccountEvent(e))).not.toContain('argon2');
	});

	it('accounts - weak passwords are named', () => {
		expect(passwordProblem('short', 'wang')).toBe('too_short');
		expect(passwordProblem('x'.repeat(129), 'wang')).toBe('too_long');
		expect(passwordProblem('1234567890', 'wang')).toBe('too_common');
		expect(passwordProblem('aaaaaaaaaaaa', 'wang')).toBe('too_common');
		expect(passwordProblem('Wang-2026-spring', 'wang')).toBe('contains_username');
		expect(passwordProblem('济南泉水甲天下2026', 'wang')).toBeNull();
	});

	it('accounts - throttling: five free failures, then doubling waits up to a cap', () => {
		let r = null;
		const t0 = 1_000_000;
		for (let i = 0; i < 4; i++) r = recordFailure(r, t0 + i, accountThrottle);
		expect(throttleWait(r, t0 + 10)).toBe(0);
		r = recordFailure(r, t0 + 10, accountThrottle);
		expect(throttleWait(r, t0 + 10)).toBe(60_000);
		r = recordFailure(r, t0 + 20, accountThrottle);
		expect(throttleWait(r, t0 + 20)).toBe(120_000);
		for (let i = 0; i < 20; i++) r = recordFailure(r, t0 + 30, accountThrottle);
		expect(throttleWait(r, t0 + 30)).toBe(accountThrottle.maxLockMs);
		// A window later the count starts again.
		const later = t0 + accountThrottle.windowMs + 60 * 60_000;
		expect(recordFailure(r, later, accountThrottle)).toEqual({
			failures: 1,
			firstAt: later,
			lockedUntil: 0
		});
	});
});
