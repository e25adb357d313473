import { describe, expect, it } from 'vitest';
import {
	dayToIso,
	livesBusinessRow,
	livesInspectionRow,
	livesViolationRow,
	parseLivesFile,
	toDay
} from './lives';

describe('LIVES parser', () => {
	it('backtest - quoted fields with commas and doubled quotes, any header case', () => {
		const rows = parseLivesFile(
			'violations.csv',
			'"Business_ID","Date","Code","Description"\r\n' +
				'19,"20171211","103","Food held at 50F, ""hot"" side"\r\n',
			livesViolationRow
		);
		expect(rows).toEqual([
			{
				business_id: '19',
				date: toDay('20171211'),
				code: '103',
				description: 'Food held at 50F, "hot" side'
			}
		]);
		const businesses = parseLivesFile(
			'businesses.csv',
			'business_id,name,address\n7,"CAFÉ, ""THE""",1 MAIN ST\n',
			livesBusinessRow
		);
		expect(businesses).toEqual([{ business_id: '7', name: 'CAFÉ, "THE"' }]);
	});

	it('backtest - an empty score is null; a missing type is empty', () => {
		const rows = parseLivesFile(
			'inspections.csv',
			'business_id,score,date\n5,,20160513\n6,"94",20160514\n',
			livesInspectionRow
		);
		expect(rows.map((r) => [r.score, r.type, dayToIso(r.date)])).toEqual([
			[null, '', '2016-05-13'],
			[94, '', '2016-05-14']
		]);
	});

	it('backtest - a bad date or score is refused with its row number', () => {
		const text = (date: string, score = '90') =>
			`business_id,score,date,type\n1,90,20160101,routine\n2,${score},${date},routine\n`;
		expect(() => parseLivesFile('inspections.csv', text('20160231'), livesInspectionRow)).toThrow(
			'inspections.csv row 3: date "20160231" is not a YYYYMMDD date'
		);
		expect(() => parseLivesFile('inspections.csv', text('2016-02-01'), livesInspectionRow)).toThrow(
			'row 3: date'
		);
		expect(() =>
			parseLivesFile('inspections.csv', text('20160201', '101'), livesInspectionRow)
		).toThrow('inspections.csv row 3: score "101" is not a score from 0 to 100');
		expect(() =>
			parseLivesFile('violations.csv', 'business_id,description\n1,x\n', livesViolationRow)
		).toThrow('violations.csv row 2: date missing');
	});
});
