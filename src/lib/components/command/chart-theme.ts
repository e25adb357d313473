/** The wall's chart look: dark, large type, the same palette as the panels. */
export const CHART_TEXT = '#cbd5e1';
export const CHART_AXIS = 'rgba(148, 163, 184, 0.35)';
export const FAMILY_COLORS: Record<string, string> = {
	till: '#22d3ee',
	ledger: '#a3e635',
	sensor: '#60a5fa',
	merchant: '#c084fc',
	licence: '#f472b6',
	complaint: '#f97316',
	inspection: '#34d399',
	alert: '#ef4444',
	ai: '#facc15',
	task: '#94a3b8',
	risk: '#e879f9',
	camera: '#38bdf8'
};

export function baseChart(): Record<string, unknown> {
	return {
		backgroundColor: 'transparent',
		animationDurationUpdate: 300,
		textStyle: { color: CHART_TEXT, fontSize: 16, fontFamily: 'inherit' },
		grid: { left: 60, right: 14, top: 36, bottom: 30 },
		legend: {
			top: 0,
			right: 0,
			itemWidth: 14,
			itemHeight: 10,
			textStyle: { color: CHART_TEXT, fontSize: 16 }
		}
	};
}

export function axes(categories: string[], yMax?: number): Record<string, unknown> {
	const fixed = yMax === undefined ? {} : { max: yMax, interval: yMax / 4 };
	return {
		xAxis: {
			type: 'category',
			data: categories,
			axisLine: { lineStyle: { color: CHART_AXIS } },
			axisTick: { show: false },
			axisLabel: { color: CHART_TEXT, fontSize: 16 }
		},
		yAxis: {
			type: 'value',
			splitNumber: 3,
			...fixed,
			splitLine: { lineStyle: { color: 'rgba(148, 163, 184, 0.12)' } },
			axisLabel: { color: CHART_TEXT, fontSize: 16 }
		}
	};
}
