import { z } from 'zod';
import type { BusinessType } from '../events/merchant';

/**
 * 日常监督检查要点: the checklist an inspector works through on site, per kind of business.
 * Items marked key (★, 重点项) decide the result alone; the others (一般项) only by their number.
 * The wording follows the national checklists for catering and for retail loosely, in the
 * inspector's own terms; a bureau can add items (ids are stable, texts are i18n keys).
 */
export interface ChecklistItem {
	id: string;
	section: ChecklistSection;
	key: boolean;
}

export const checklistSections = [
	'licence',
	'staff',
	'environment',
	'materials',
	'processing',
	'tableware',
	'samples',
	'storage',
	'labelling'
] as const;
export type ChecklistSection = (typeof checklistSections)[number];

const item = (id: string, section: ChecklistSection, key = false): ChecklistItem => ({
	id,
	section,
	key
});

/** Catering (restaurants and canteens): the kitchen's whole day. */
const catering: readonly ChecklistItem[] = [
	item('licence_displayed', 'licence', true),
	item('licence_scope', 'licence', true),
	item('health_certificates', 'staff', true),
	item('morning_checks_kept', 'staff'),
	item('food_safety_manager', 'staff'),
	item('kitchen_clean', 'environment'),
	item('pest_control', 'environment'),
	item('waste_covered', 'environment'),
	item('purchase_records', 'materials', true),
	item('no_expired_materials', 'materials', true),
	item('raw_cooked_separated', 'processing', true),
	item('cooked_thoroughly', 'processing'),
	item('tableware_disinfected', 'tableware', true),
	item('disinfection_records', 'tableware'),
	item('cold_storage_temperature', 'storage'),
	item('additives_controlled', 'storage', true)
];

/** Canteens also keep a sample of every dish (留样) and answer for who eats there. */
const canteen: readonly ChecklistItem[] = [
	...catering,
	item('samples_kept', 'samples', true),
	item('samples_records', 'samples')
];

/** Retail (supermarkets, shops, stalls): what is on the shelf and where it came from. */
const retail: readonly ChecklistItem[] = [
	item('licence_displayed', 'licence', true),
	item('health_certificates', 'staff', true),
	item('purchase_records', 'materials', true),
	item('no_expired_goods', 'storage', true),
	item('cold_chain', 'storage'),
	item('shelf_clean', 'environment'),
	item('labels_complete', 'labelling'),
	item('bulk_food_covered', 'labelling')
];

export function checklistFor(type: BusinessType): readonly ChecklistItem[] {
	switch (type) {
		case 'school_canteen':
		case 'elderly_care_canteen':
		case 'company_canteen':
			return canteen;
		case 'restaurant':
			return catering;
		default:
			return retail;
	}
}

export const itemOutcome = z.enum(['pass', 'fail', 'not_applicable']);

/** One checked item as the inspector's phone sends it. */
export const checkedItem = z.object({
	itemId: z.string().regex(/^[a-z_]{1,40}$/),
	outcome: itemOutcome,
	note: z.string().trim().max(500).optional(),
	attachmentIds: z.array(z.string().max(80)).max(5).optional()
});
export type CheckedItem = z.infer<typeof checkedItem>;

/** How many general items may fail before the visit is 不合格 rather than 基本合格 (a setting). */
export const DEFAULT_GENERAL_FAIL_LIMIT = 3;
/** Days a shop gets to put a finding right: key items sooner. */
export const RECTIFY_DAYS = { key: 7, general: 15 } as const;

export type ChecklistJudgement =
	| { ok: true; result: 'pass' | 'rectify' | 'fail'; keyFails: string[]; generalFails: string[] }
	| { ok: false; missing: string[]; unknown: string[] };

/**
 * 检查结果判定: every item of the template answered (not applicable counts as answered); no
 * finding is 合格 (pass); only general findings, no more than the limit, 基本合格 (rectify); a key
 * item failed, or more general findings than the limit, 不合格 (fail).
 */
export function judgeChecklist(
	template: readonly ChecklistItem[],
	checked: readonly CheckedItem[],
	generalFailLimit = DEFAULT_GENERAL_FAIL_LIMIT
): ChecklistJudgement {
	const byId = new Map(checked.map((c) => [c.itemId, c]));
	const known = new Set(template.map((t) => t.id));
	const missing = template.filter((t) => !byId.has(t.id)).map((t) => t.id);
	const unknown = checked.filter((c) => !known.has(c.itemId)).map((c) => c.itemId);
	if (missing.length || unknown.length) return { ok: false, missing, unknown };
	const failed = template.filter((t) => byId.get(t.id)?.outcome === 'fail');
	const keyFails = failed.filter((t) => t.key).map((t) => t.id);
	const generalFails = failed.filter((t) => !t.key).map((t) => t.id);
	const result =
		keyFails.length > 0 || generalFails.length > generalFailLimit
			? 'fail'
			: generalFails.length > 0
				? 'rectify'
				: 'pass';
	return { ok: true, result, keyFails, generalFails };
}

/** The rectification items a visit leaves (整改项), each with its deadline day. */
export function rectificationItems(
	template: readonly ChecklistItem[],
	judgement: Extract<ChecklistJudgement, { ok: true }>,
	visitDay: string
): { itemId: string; key: boolean; dueOn: string }[] {
	const keyOf = new Map(template.map((t) => [t.id, t.key]));
	return [...judgement.keyFails, ...judgement.generalFails].map((itemId) => {
		const key = keyOf.get(itemId) ?? false;
		return { itemId, key, dueOn: addDays(visitDay, key ? RECTIFY_DAYS.key : RECTIFY_DAYS.general) };
	});
}

function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
