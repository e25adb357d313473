import type { DistrictStat } from '$lib/domain/command/overview';
import type { MapIndicator } from '$lib/domain/command/screen-config';

type Rgba = [number, number, number, number];

/**
 * Fixed class breaks rather than a scale stretched to today's extremes: a duty officer learns
 * what "red" means and it means the same tomorrow. Class 0 is the best, 4 the worst.
 */
const scales: Record<MapIndicator, { breaks: number[]; higherIsWorse: boolean; percent: boolean }> =
	{
		/** Open alerts per 100 merchants. */
		alertsPer100: { breaks: [1, 3, 5, 10], higherIsWorse: true, percent: false },
		/** Today's share of owed ledgers kept: low is bad. */
		ledgerCompleteness: { breaks: [0.5, 0.7, 0.85, 0.95], higherIsWorse: false, percent: true },
		/** Share of C and D among the graded merchants. */
		gradeMix: { breaks: [0.05, 0.1, 0.2, 0.35], higherIsWorse: true, percent: true }
	};

/** Dark enough that the merchants' grade colours stay readable on top. */
export const classColors: Rgba[] = [
	[17, 94, 89, 170],
	[63, 98, 18, 170],
	[133, 77, 14, 175],
	[154, 52, 18, 185],
	[153, 27, 27, 200]
];
/** No figure for the district (no merchants, nothing owed yet, not loaded). */
export const neutralColor: Rgba = [10, 30, 52, 90];

/** The district's figure for the indicator, null when it has none. */
export function indicatorValue(stat: DistrictStat, indicator: MapIndicator): number | null {
	switch (indicator) {
		case 'alertsPer100':
			return stat.merchants > 0 ? (stat.openAlerts / stat.merchants) * 100 : null;
		case 'ledgerCompleteness':
			return stat.merchants > 0 ? stat.ledgerCompleteness : null;
		case 'gradeMix': {
			const { A = 0, B = 0, C = 0, D = 0 } = stat.grades;
			const graded = A + B + C + D;
			return graded > 0 ? (C + D) / graded : null;
		}
	}
}

/** 0 (best) to 4 (worst). */
export function indicatorClass(value: number, indicator: MapIndicator): number {
	const { breaks, higherIsWorse } = scales[indicator];
	const above = breaks.filter((b) => value >= b).length;
	return higherIsWorse ? above : breaks.length - above;
}

export function indicatorColor(value: number | null, indicator: MapIndicator): Rgba {
	return value === null
		? neutralColor
		: (classColors[indicatorClass(value, indicator)] ?? neutralColor);
}

/** The figure as the legend and a tooltip show it. */
export function formatIndicator(value: number, indicator: MapIndicator): string {
	return scales[indicator].percent ? `${Math.round(value * 100)}%` : value.toFixed(1);
}

/** The legend's rows, best class first: a colour and its range in symbols only (no words). */
export function legendClasses(indicator: MapIndicator): { color: Rgba; range: string }[] {
	const { breaks, higherIsWorse, percent } = scales[indicator];
	const f = (b: number) => (percent ? `${Math.round(b * 100)}` : String(b));
	const unit = percent ? '%' : '';
	const ascending = breaks.map((b, i) =>
		i === 0 ? `<${f(b)}${unit}` : `${f(breaks[i - 1]!)}–${f(b)}${unit}`
	);
	ascending.push(`≥${f(breaks.at(-1)!)}${unit}`);
	const ranges = higherIsWorse ? ascending : ascending.reverse();
	return ranges.map((range, cls) => ({ color: classColors[cls]!, range }));
}
