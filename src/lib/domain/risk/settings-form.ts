import { checkSettingsChange, type RiskSettings, type SettingsCheck } from './risk-settings';

/**
 * The admin's settings page edits every number of the risk settings. Its fields are the paths
 * of the settings' numbers ("static.businessType.restaurant", "bands.aMax"), so the form follows
 * the schema: a number added to the settings appears on the page without a page change.
 */
export interface SettingsField {
	/** Dotted path into the settings. */
	path: string;
	/** The group it is shown in: the path without its last key. */
	group: string;
	key: string;
	value: number;
}

/** Every number of the settings, in the schema's order; the version is not a field. */
export function settingsFields(settings: RiskSettings): SettingsField[] {
	const fields: SettingsField[] = [];
	const walk = (value: unknown, path: string[]) => {
		if (typeof value === 'number') {
			if (path.join('.') === 'version') return;
			const key = path.at(-1) ?? '';
			fields.push({
				path: path.join('.'),
				group: path.slice(0, -1).join('.') || 'general',
				key,
				value
			});
		} else if (value && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
		}
	};
	walk(settings, []);
	return fields;
}

/** The groups of the fields, in order of first appearance. */
export function settingsGroups(fields: readonly SettingsField[]): string[] {
	return [...new Set(fields.map((f) => f.group))];
}

/**
 * The settings a submitted form proposes: the current ones with every known path's number
 * replaced (unknown names are ignored, a blank or non-number is refused by the schema as NaN),
 * numbered as the next version, then checked like any settings change.
 */
export function settingsFromForm(
	current: RiskSettings,
	entries: Iterable<[string, string]>
): SettingsCheck {
	const proposed = structuredClone(current) as unknown as Record<string, unknown>;
	const known = new Set(settingsFields(current).map((f) => f.path));
	for (const [path, raw] of entries) {
		if (!known.has(path)) continue;
		const keys = path.split('.');
		let node = proposed;
		for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
		const text = raw.trim();
		node[keys.at(-1)!] = text === '' ? Number.NaN : Number(text);
	}
	proposed.version = current.version + 1;
	return checkSettingsChange(current, proposed);
}
