import { districts as cityDistricts } from '../districts';
import {
	mapIndicators,
	panelIds,
	screenSettings,
	screenViews,
	type ScreenSettings
} from './screen-config';

/** The admin form's fields, one per setting (rotation's two are flattened). */
export const screenFields = [
	'name',
	'districts',
	'panels',
	'views',
	'rotationSeconds',
	'takeoverSeconds',
	'staleAfterSeconds',
	'mapIndicator'
] as const;
export type ScreenField = (typeof screenFields)[number];

/** The bounds of the number fields, as the schema sets them (the inputs show them too). */
export const screenNumberBounds = {
	rotationSeconds: { min: 10, max: 3_600 },
	takeoverSeconds: { min: 0, max: 300 },
	staleAfterSeconds: { min: 5, max: 600 }
} as const;

export type ScreenProblem =
	| { field: ScreenField; problem: 'required' | 'tooLong' | 'pickOne' | 'unknown' | 'tooMany' }
	| { field: ScreenField; problem: 'range'; min: number; max: number };

/** A submitted form: single values as text, the multiple choices as lists. */
export interface ScreenFormInput {
	name: string;
	districts: string[];
	panels: string[];
	views: string[];
	rotationSeconds: string;
	takeoverSeconds: string;
	staleAfterSeconds: string;
	mapIndicator: string;
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Keeps the choices in their canonical order, once each (rotation runs in this order). */
const inOrder = <T extends string>(known: readonly T[], picked: string[]) =>
	known.filter((k) => picked.includes(k));

function fieldOf(path: readonly PropertyKey[]): ScreenField {
	if (path[0] === 'rotation') return path[1] === 'seconds' ? 'rotationSeconds' : 'views';
	return path[0] as ScreenField;
}

/**
 * The settings a form proposes, checked by the contract's schema; each refusal names its field
 * and what is wrong, for a message the admin can act on. Unknown choices are refused, not dropped.
 */
export function screenSettingsFromForm(
	input: ScreenFormInput
): { ok: true; settings: ScreenSettings } | { ok: false; problems: ScreenProblem[] } {
	const problems: ScreenProblem[] = [];
	const known = cityDistricts.map((d) => d.id as string);
	const unknownChoice = (field: ScreenField, values: string[], allowed: readonly string[]) => {
		if (values.some((v) => !allowed.includes(v))) problems.push({ field, problem: 'unknown' });
	};
	unknownChoice('districts', input.districts, known);
	unknownChoice('panels', input.panels, panelIds);
	unknownChoice('views', input.views, screenViews);
	unknownChoice('mapIndicator', [input.mapIndicator], mapIndicators);
	const parsed = screenSettings.safeParse({
		name: input.name,
		districts: inOrder(known, input.districts),
		panels: inOrder(panelIds, input.panels),
		rotation: {
			views: inOrder(screenViews, input.views),
			seconds: number(input.rotationSeconds)
		},
		takeoverSeconds: number(input.takeoverSeconds),
		staleAfterSeconds: number(input.staleAfterSeconds),
		mapIndicator: input.mapIndicator
	});
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = fieldOf(issue.path);
			if (problems.some((p) => p.field === field)) continue;
			if (field in screenNumberBounds) {
				const bounds = screenNumberBounds[field as keyof typeof screenNumberBounds];
				problems.push({ field, problem: 'range', ...bounds });
			} else if (field === 'name') {
				const blank = issue.code === 'too_small' || input.name.trim() === '';
				problems.push({ field, problem: blank ? 'required' : 'tooLong' });
			} else if (issue.code === 'too_small') {
				problems.push({ field, problem: 'pickOne' });
			} else if (issue.code === 'too_big') {
				problems.push({ field, problem: 'tooMany' });
			} else {
				problems.push({ field, problem: 'unknown' });
			}
		}
	}
	if (problems.length > 0 || !parsed.success) {
		return {
			ok: false,
			problems: problems.length ? problems : [{ field: 'name', problem: 'unknown' }]
		};
	}
	return { ok: true, settings: parsed.data };
}

/** The form's values for settings in force (to show them, or to show them again after a refusal). */
export function screenFormOf(s: ScreenSettings): ScreenFormInput {
	return {
		name: s.name,
		districts: [...s.districts],
		panels: [...s.panels],
		views: [...s.rotation.views],
		rotationSeconds: String(s.rotation.seconds),
		takeoverSeconds: String(s.takeoverSeconds),
		staleAfterSeconds: String(s.staleAfterSeconds),
		mapIndicator: s.mapIndicator
	};
}
