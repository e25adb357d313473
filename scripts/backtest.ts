import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
	DEFAULT_CRITICAL_PATTERN,
	dayToIso,
	livesInspectionRow,
	livesViolationRow,
	parseLivesFile,
	productRiskScorer,
	runBacktest,
	toDay,
	type Metrics
} from '../src/lib/domain/backtest';

// `npm run backtest -- --lives <dir> --test-from YYYY-MM-DD --test-to YYYY-MM-DD`: replays a
// LIVES inspection history and reports, for the inspections in the window, how much sooner the
// history model would have found critical findings than random order and than past findings
// alone. A table, then one JSON line last (for scripts to read).

type Out = { log: (line: string) => void; error: (line: string) => void };

class UsageError extends Error {
	override name = 'UsageError';
}

export async function main(argv: string[], out: Out = console): Promise<number> {
	try {
		const { values } = parseArgs({
			args: argv,
			options: {
				lives: { type: 'string' },
				'test-from': { type: 'string' },
				'test-to': { type: 'string' },
				critical: { type: 'string', default: DEFAULT_CRITICAL_PATTERN },
				seed: { type: 'string', default: '1' },
				/** history: the LIVES-tuned history model; product: the product's risk model. */
				model: { type: 'string', default: 'history' }
			}
		});
		if (!values.lives) throw new UsageError('--lives <dir> is required');
		const dir = resolve(values.lives);
		const inspectionsFile = join(dir, 'inspections.csv');
		if (!existsSync(inspectionsFile)) {
			throw new UsageError(`no inspections.csv in ${dir} (is --lives a LIVES folder?)`);
		}
		const from = day('--test-from', values['test-from']);
		const to = day('--test-to', values['test-to']);
		if (from > to) throw new UsageError('--test-from is after --test-to');
		const seed = Number(values.seed);
		if (!Number.isInteger(seed)) throw new UsageError(`--seed "${values.seed}" is not an integer`);
		try {
			new RegExp(values.critical, 'i');
		} catch {
			throw new UsageError(`--critical "${values.critical}" is not a valid regular expression`);
		}

		const inspections = parseLivesFile(
			'inspections.csv',
			readFileSync(inspectionsFile, 'utf8'),
			livesInspectionRow
		);
		const violationsFile = join(dir, 'violations.csv');
		const violations = existsSync(violationsFile)
			? parseLivesFile('violations.csv', readFileSync(violationsFile, 'utf8'), livesViolationRow)
			: [];
		if (values.model !== 'history' && values.model !== 'product') {
			throw new UsageError(`--model "${values.model}" is not history or product`);
		}
		const result = runBacktest(inspections, violations, {
			from,
			to,
			criticalPattern: values.critical,
			seed,
			...(values.model === 'product' ? { model: productRiskScorer() } : {})
		});

		out.log(
			`Backtest ${dayToIso(from)} … ${dayToIso(to)}: ${result.inspections} inspections, ` +
				`${result.critical} with a critical finding (/${values.critical}/i), ` +
				`${result.firstTimeBusinesses} businesses with no earlier history`
		);
		out.log(table(result.metrics));
		out.log(JSON.stringify(result.metrics));
		return 0;
	} catch (e) {
		out.error(`backtest: ${(e as Error).message}`);
		return 1;
	}
}

function day(flag: string, value: string | undefined): number {
	if (!value) throw new UsageError(`${flag} <YYYY-MM-DD> is required`);
	const d = toDay(value.replaceAll('-', ''));
	if (d === undefined || !/^\d{4}-?\d{2}-?\d{2}$/.test(value)) {
		throw new UsageError(`${flag} "${value}" is not a date (YYYY-MM-DD)`);
	}
	return d;
}

const COLUMNS: [keyof Metrics, string][] = [
	['meanDaysEarlier', 'mean days earlier'],
	['medianDaysEarlier', 'median days earlier'],
	['shareFirstHalf', 'critical in 1st half'],
	['auc', 'AUC'],
	['precisionAt10pct', 'precision@10%']
];

function table(metrics: Record<string, Metrics>): string {
	const rows = [['scorer', ...COLUMNS.map(([, label]) => label)]];
	for (const [name, m] of Object.entries(metrics)) {
		rows.push([name, ...COLUMNS.map(([key]) => (m[key] === null ? '–' : m[key].toFixed(3)))]);
	}
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	return rows
		.map((r) =>
			r.map((cell, c) => (c ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')
		)
		.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exitCode = await main(process.argv.slice(2));
}
