import { describe, expect, it } from 'vitest';
import { sale } from '../../tests/helpers/events';
import { eventLine } from './rows';

describe('eventLine', () => {
	it('rows - one parseable JSON line with every column, free text escaped', () => {
		const e = sale('m1');
		const tricky = { ...e, actor: { kind: 'staff' as const, id: 'a"b\\c\n' } };
		const line = eventLine(tricky, 42);
		expect(line.endsWith('\n')).toBe(true);
		expect(line.slice(0, -1)).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({
			id: e.id,
			seq: 42,
			type: 'till.sale.recorded',
			family: 'till',
			v: 1,
			occurredAt: e.occurredAt,
			recordedAt: e.recordedAt,
			merchantId: 'm1',
			districtId: '370102',
			actorKind: 'staff',
			actorId: 'a"b\\c\n',
			payload: e.payload
		});
	});
});
