import type { AlertSeverity } from '$lib/domain/alert';

/** One colour per severity, shared by the counters, the ticker and the map. */
export const severityColor: Record<AlertSeverity, [number, number, number]> = {
	critical: [239, 68, 68],
	high: [249, 115, 22],
	medium: [234, 179, 8],
	low: [59, 130, 246]
};

export function severityCss(severity: AlertSeverity, alpha = 1): string {
	const [r, g, b] = severityColor[severity];
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
