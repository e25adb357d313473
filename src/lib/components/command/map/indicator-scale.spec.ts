import { describe, expect, it } from 'vitest';
import type { DistrictStat } from '$lib/domain/command/overview';
import {
	classColors,
	formatIndicator,
	indicatorClass,
	indicatorColor,
	indicatorValue,
	legendClasses,
	neutralColor
} from './indicator-scale';

const stat = (over: Partial<DistrictStat> = {}): DistrictStat => ({
	id: '370102',
	merchants: 200,
	openAlerts: 8,
	ledgerCompleteness: 0.9,
	grades: { A: 100, B: 60, C: 30, D: 10 },
	...over
});

describe('map indicator', () => {
	it('map - indicator values: alerts per 100, ledger share, share of C and D among the graded', () => {
		expect(indicatorValue(stat(), 'alertsPer100')).toBe(4);
		expect(indicatorValue(stat(), 'ledgerCompleteness')).toBe(0.9);
		expect(indicatorValue(stat(), 'gradeMix')).toBe(0.2);
		expect(indicatorValue(stat({ merchants: 0 }), 'alertsPer100')).toBeNull();
		expect(indicatorValue(stat({ ledgerCompleteness: null }), 'ledgerCompleteness')).toBeNull();
		expect(indicatorValue(stat({ grades: { A: 0, B: 0, C: 0, D: 0 } }), 'gradeMix')).toBeNull();
	});

	it('map - classes run from best (0) to worst (4); low ledger completeness is bad', () => {
		expect(indicatorClass(0, 'alertsPer100')).toBe(0);
		expect(indicatorClass(4, 'alertsPer100')).toBe(2);
		expect(indicatorClass(25, 'alertsPer100')).toBe(4);
		expect(indicatorClass(1, 'ledgerCompleteness')).toBe(0);
		expect(indicatorClass(0.9, 'ledgerCompleteness')).toBe(1);
		expect(indicatorClass(0.2, 'ledgerCompleteness')).toBe(4);
		expect(indicatorClass(0.2, 'gradeMix')).toBe(3);
	});

	it('map - no figure is the neutral fill; a figure takes its class colour', () => {
		expect(indicatorColor(null, 'gradeMix')).toEqual(neutralColor);
		expect(indicatorColor(12, 'alertsPer100')).toEqual(classColors[4]);
	});

	it('map - the legend lists five ranges best first, in the indicator unit', () => {
		expect(legendClasses('alertsPer100').map((c) => c.range)).toEqual([
			'<1',
			'1–3',
			'3–5',
			'5–10',
			'≥10'
		]);
		expect(legendClasses('ledgerCompleteness').map((c) => c.range)).toEqual([
			'≥95%',
			'85–95%',
			'70–85%',
			'50–70%',
			'<50%'
		]);
		expect(legendClasses('gradeMix')[0]).toEqual({ color: classColors[0], range: '<5%' });
		expect(formatIndicator(0.873, 'ledgerCompleteness')).toBe('87%');
		expect(formatIndicator(4, 'alertsPer100')).toBe('4.0');
	});
});
