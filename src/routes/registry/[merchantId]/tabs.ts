/** The merchant page's tabs; those without a source yet show an empty state, not an error. */
export const tabs = [
	'overview',
	'staff',
	'ledgers',
	'alerts',
	'risk',
	'inspections',
	'stock',
	'cameras'
] as const;
export type Tab = (typeof tabs)[number];

export function tabOf(value: string | null): Tab {
	return (tabs as readonly (string | null)[]).includes(value) ? (value as Tab) : 'overview';
}
