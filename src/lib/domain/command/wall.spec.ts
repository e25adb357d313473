import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert';
import { addGrowth, lastHourOf, withStored, type FamilyMinute } from './family-minutes';
import { currentTakeover, nextTakeovers } from './takeover';
import { expandViews, rotationAt } from './wall-views';
import { heapVerdict, keptSamples, WATCHDOG } from './watchdog';

const MIN = 60_000;

describe('wall views', () => {
	it('wall - views expand to each district, the city only for a screen that holds it, and top risk', () => {
		expect(expandViews(['district', 'city', 'top_risk'], ['370102'], false)).toEqual([
			{ kind: 'scope', district: '370102' },
			{ kind: 'top_risk', district: '370102' }
		]);
		expect(expandViews(['city', 'top_risk'], ['370102', '370103'], true)).toEqual([
			{ kind: 'scope', district: null },
			{ kind: 'top_risk', district: null }
		]);
		expect(expandViews(['city'], ['370102'], false)).toEqual([
			{ kind: 'scope', district: '370102' }
		]);
	});

	it('wall - the rotation runs on the clock from its start; a touch pauses it, then it resumes', () => {
		const steps = expandViews(['district', 'top_risk'], ['370102'], false);
		expect(rotationAt(steps, 30, 0, 29_000, 0).index).toBe(0);
		expect(rotationAt(steps, 30, 0, 31_000, 0).index).toBe(1);
		expect(rotationAt(steps, 30, 0, 61_000, 0).index).toBe(0);
		expect(rotationAt(steps, 30, 0, 40_000, 100_000)).toEqual({ index: -1, paused: true });
		expect(rotationAt(steps, 30, 0, 100_000, 100_000).index).toBe(0);
		expect(rotationAt(steps.slice(0, 1), 30, 0, 99_000, 0)).toEqual({ index: 0, paused: false });
	});
});

const alert = (id: string, severity: Alert['severity'], status = 'open') =>
	({ id, severity, status }) as Alert;

describe('wall takeover', () => {
	it('wall - only new open critical alerts take over, once each, oldest first', () => {
		const q = nextTakeovers(
			[],
			[alert('c2', 'critical'), alert('h1', 'high'), alert('c1', 'critical')],
			new Set()
		);
		expect(q.map((a) => a.id)).toEqual(['c1', 'c2']);
		expect(nextTakeovers(q, [alert('c1', 'critical')], new Set()).map((a) => a.id)).toEqual([
			'c1',
			'c2'
		]);
		expect(nextTakeovers([], [alert('c3', 'critical')], new Set(['c3']))).toEqual([]);
		expect(nextTakeovers([], [alert('c4', 'critical', 'acknowledged')], new Set())).toEqual([]);
		const head = { alert: alert('c1', 'critical'), since: 1_000 };
		expect(currentTakeover(head, 20, 20_999)).toBe(head);
		expect(currentTakeover(head, 20, 21_000)).toBeNull();
		expect(currentTakeover(head, 0, 1_000)).toBeNull();
	});
});

describe('wall watchdog', () => {
	const MB = 1024 * 1024;
	const series = (from: number, n: number, used: (i: number) => number) =>
		Array.from({ length: n }, (_, i) => ({ at: from + i * MIN, used: used(i) }));

	it('wall - a heap that keeps growing past half again its settled floor reloads; a saw-tooth does not', () => {
		const start = 0;
		const warm = WATCHDOG.warmupMs;
		const sawTooth = series(warm, 120, (i) => (100 + (i % 5) * 30) * MB);
		expect(heapVerdict(keptSamples(sawTooth, start), start).reload).toBe(false);
		const leak = series(warm, 120, (i) => (100 + i * 2) * MB);
		const v = heapVerdict(keptSamples(leak, start), start);
		expect(v.reload).toBe(true);
		expect(v.baseline).toBe(100 * MB);
		// Before it settled, nothing is judged.
		expect(
			heapVerdict(
				series(0, 9, (i) => i * 500 * MB),
				start
			).reload
		).toBe(false);
		expect(keptSamples(leak, start)).toHaveLength(WATCHDOG.window * 2);
	});
});

describe('wall minutes', () => {
	it('wall - live growth adds to the current minute; the store replaces all but a newer live minute', () => {
		const now = 10 * MIN + 5_000;
		let s: FamilyMinute[] = [];
		s = addGrowth(s, null, { till: 5 }, now);
		expect(s).toEqual([]);
		s = addGrowth(s, { till: 5 }, { till: 8, ledger: 1 }, now);
		s = addGrowth(s, { till: 8, ledger: 1 }, { till: 9, ledger: 1 }, now + 1_000);
		expect(s).toEqual([[10 * MIN, { till: 4, ledger: 1 }]]);
		const stored: FamilyMinute[] = [
			[9 * MIN, { till: 50 }],
			[10 * MIN, { till: 2 }]
		];
		expect(withStored(s, stored)).toEqual([
			[9 * MIN, { till: 50 }],
			[10 * MIN, { till: 4, ledger: 1 }]
		]);
		const hour = lastHourOf(withStored(s, stored), now);
		expect(hour).toHaveLength(60);
		expect(hour.at(-1)).toEqual([10 * MIN, { till: 4, ledger: 1 }]);
	});
});
