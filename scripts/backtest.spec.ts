import { describe, expect, it } from 'vitest';
import { main } from './backtest';

// The CLI on the ten San Francisco businesses copied to tests/fixtures/lives.
const FIXTURE = 'tests/fixtures/lives';

async function run(...argv: string[]) {
	const log: string[] = [];
	const error: string[] = [];
	const code = await main(argv, { log: (l) => log.push(l), error: (l) => error.push(l) });
	return { code, log, error };
}

describe('backtest CLI', () => {
	it('backtest - prints a table, then one JSON line with the three scorers', async () => {
		const r = await run('--lives', FIXTURE, '--test-from', '2017-01-01', '--test-to', '2017-12-31');
		expect(r.error).toEqual([]);
		expect(r.code).toBe(0);
		expect(r.log[0]).toContain('14 inspections, 4 with a critical finding');
		expect(r.log.join('\n')).toMatch(/^model\s/m);
		const json = JSON.parse(r.log.at(-1) as string);
		expect(Object.keys(json)).toEqual(['model', 'random', 'pastFindings']);
		for (const m of Object.values(json) as Record<string, unknown>[]) {
			expect(Object.keys(m)).toEqual([
				'meanDaysEarlier',
				'medianDaysEarlier',
				'shareFirstHalf',
				'auc',
				'precisionAt10pct'
			]);
			for (const v of Object.values(m)) expect(typeof v).toBe('number');
		}
	});

	it('backtest - --model product scores with the product risk model; the baselines stay', async () => {
		const args = ['--lives', FIXTURE, '--test-from', '2017-01-01', '--test-to', '2017-12-31'];
		const history = JSON.parse((await run(...args)).log.at(-1) as string);
		const product = await run(...args, '--model', 'product');
		expect(product.code).toBe(0);
		const json = JSON.parse(product.log.at(-1) as string);
		expect(json.pastFindings).toEqual(history.pastFindings);
		expect(json.random).toEqual(history.random);
		expect(json.model).not.toEqual(history.model);
		expect((await run(...args, '--model', 'magic')).error.join('')).toContain(
			'--model "magic" is not history or product'
		);
	});

	it('backtest - same seed, same random figures', async () => {
		const args = ['--lives', FIXTURE, '--test-from', '2016-01-01', '--test-to', '2017-12-31'];
		const a = JSON.parse((await run(...args, '--seed', '3')).log.at(-1) as string);
		const b = JSON.parse((await run(...args, '--seed', '3')).log.at(-1) as string);
		expect(a.random).toEqual(b.random);
	});

	it('backtest - clear errors and exit code 1', async () => {
		const cases: [string[], string][] = [
			[['--test-from', '2017-01-01', '--test-to', '2017-12-31'], '--lives <dir> is required'],
			[
				['--lives', '/nonexistent', '--test-from', '2017-01-01', '--test-to', '2017-12-31'],
				'no inspections.csv'
			],
			[
				['--lives', FIXTURE, '--test-from', '2017-02-30', '--test-to', '2017-12-31'],
				'--test-from "2017-02-30" is not a date'
			],
			[
				['--lives', FIXTURE, '--test-from', '2017-12-31', '--test-to', '2017-01-01'],
				'after --test-to'
			],
			[
				['--lives', FIXTURE, '--test-from', '2030-01-01', '--test-to', '2030-12-31'],
				'no inspections in the test window'
			],
			[
				[
					'--lives',
					FIXTURE,
					'--test-from',
					'2017-01-01',
					'--test-to',
					'2017-12-31',
					'--critical',
					'('
				],
				'not a valid regular expression'
			]
		];
		for (const [argv, message] of cases) {
			const r = await run(...argv);
			expect(r.code, argv.join(' ')).toBe(1);
			expect(r.error.join('\n')).toContain(message);
			expect(r.log).toEqual([]);
		}
	});
});
