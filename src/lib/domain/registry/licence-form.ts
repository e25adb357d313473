import { z } from 'zod';
import { licenceKind } from '../events/licence';
import { staffPosition } from '../events/staff';

/** The register's smaller forms (licences, staff), as the browser sends them. */
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const licenceForm = z
	.object({
		kind: licenceKind,
		number: text(40),
		scope: text(200),
		validFrom: day,
		validTo: day,
		authority: text(100)
	})
	.refine((l) => l.validFrom <= l.validTo, { path: ['validTo'] });

export const renewForm = z
	.object({ licenceId: text(64), validFrom: day.optional(), validTo: day })
	.refine((l) => !l.validFrom || l.validFrom <= l.validTo, { path: ['validTo'] });

export const revokeForm = z.object({ licenceId: text(64), reason: text(200) });

export const staffForm = z
	.object({
		name: text(50),
		position: staffPosition,
		certNumber: z.string().trim().max(50).optional(),
		certValidFrom: day.optional(),
		certValidTo: day.optional()
	})
	.refine(
		(s) => !s.certNumber || (s.certValidFrom && s.certValidTo && s.certValidFrom <= s.certValidTo),
		{ path: ['certValidTo'] }
	);

export const unstaffForm = z.object({ staffId: text(64), reason: z.string().trim().max(200) });

/** Form data without its empty fields: an unset optional input sends ''. */
export function formValues(data: FormData): Record<string, string> {
	return Object.fromEntries(
		[...data].filter(([, v]) => typeof v === 'string' && v.trim() !== '')
	) as Record<string, string>;
}
