import type { EChartsCoreOption } from 'echarts/core';
import type { CommandOverview } from '$lib/domain/command/overview';
import type { FamilyMinute } from '$lib/domain/command/family-minutes';
import { axes, baseChart, FAMILY_COLORS } from '$lib/components/command/chart-theme';

const hhmm = (ms: number) => {
	const d = new Date(ms);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** Events per minute, stacked by family (the busiest families; the rest as one series). */
export function minutesOption(
	hour: FamilyMinute[],
	label: (family: string) => string,
	families = 5
): EChartsCoreOption {
	const totals = new Map<string, number>();
	for (const [, c] of hour) {
		for (const [f, n] of Object.entries(c)) totals.set(f, (totals.get(f) ?? 0) + n);
	}
	const top = [...totals.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, families)
		.map(([f]) => f);
	return {
		...baseChart(),
		...axes(hour.map(([m]) => hhmm(m))),
		series: top.map((f) => ({
			name: label(f),
			type: 'line',
			stack: 'events',
			symbol: 'none',
			smooth: true,
			lineStyle: { width: 1.5 },
			areaStyle: { opacity: 0.35 },
			color: FAMILY_COLORS[f] ?? '#94a3b8',
			data: hour.map(([, c]) => c[f] ?? 0)
		}))
	};
}

const md = (day: string) => day.slice(5).replace('-', '/');

/** Today's and the past days' ledger completeness, in percent. */
export function ledgerOption(days: CommandOverview['days'], name: string): EChartsCoreOption {
	return {
		...baseChart(),
		legend: { show: false },
		...axes(
			days.map((d) => md(d.day)),
			100
		),
		series: [
			{
				name,
				type: 'line',
				symbolSize: 7,
				lineStyle: { width: 3 },
				color: '#a3e635',
				areaStyle: { opacity: 0.12 },
				connectNulls: false,
				data: days.map((d) => (d.ledger === null ? null : Math.round(d.ledger * 1000) / 10))
			}
		]
	};
}

/** Alerts opened against closed, per day. */
export function alertDaysOption(
	days: CommandOverview['days'],
	names: { opened: string; closed: string }
): EChartsCoreOption {
	return {
		...baseChart(),
		...axes(days.map((d) => md(d.day))),
		series: [
			{
				name: names.opened,
				type: 'bar',
				barGap: '10%',
				color: '#f97316',
				data: days.map((d) => d.opened)
			},
			{
				name: names.closed,
				type: 'bar',
				color: '#34d399',
				data: days.map((d) => d.closed)
			}
		]
	};
}
